import { queryOptions, useQuery } from '@tanstack/react-query';
import { getMemberMail, listMemberMail } from '@shared/contract/mail';
import { call } from '../../../lib/call';

const fetchList = call(listMemberMail);
const fetchOne = call(getMemberMail);

/** The mail the demonstration wrote to members, newest first. */
export const memberMailListQuery = () =>
  queryOptions({
    queryKey: ['admin', 'mail'],
    queryFn: ({ signal }) => fetchList({}, { signal }),
  });

export const memberMailQuery = (mailId: string) =>
  queryOptions({
    queryKey: ['admin', 'mail', mailId],
    queryFn: ({ signal }) => fetchOne({ params: { mailId } }, { signal }),
  });

export const useMemberMailList = () => useQuery(memberMailListQuery());
export const useMemberMail = (mailId: string | null) => useQuery({ ...memberMailQuery(mailId ?? ''), enabled: mailId !== null });
