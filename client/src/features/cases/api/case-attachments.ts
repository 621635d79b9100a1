import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { addCaseAttachment, getCaseAttachment, listCaseAttachments } from '@shared/contract/case-information';
import { Attachment } from '@shared/schemas/attachment';
import { urlFor } from '@shared/contract/route';
import { readJson, sendForm } from '../../../lib/api-client';
import { call } from '../../../lib/call';
import { caseQuery } from './get-case';

const fetchList = call(listCaseAttachments);

/** A case's documents, oldest first (the member their own; reviewers in scope). */
export const caseAttachmentsQuery = (caseId: string) =>
  queryOptions({
    queryKey: ['cases', 'attachments', caseId],
    queryFn: ({ signal }) => fetchList({ params: { id: caseId } }, { signal }),
  });

export const useCaseAttachments = (caseId: string) => useQuery(caseAttachmentsQuery(caseId));

/** Where the browser downloads one document itself (a link, with the server's file name). */
export const attachmentUrl = (caseId: string, attachmentId: string) => urlFor(getCaseAttachment, { id: caseId, attachmentId });

/** Uploads one document as the form part `file`; the case (its timeline) and the list reload. */
export function useAddCaseAttachment(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      const response = await sendForm(urlFor(addCaseAttachment, { id: caseId }), form);
      return readJson(response, Attachment, 'POST /api/cases/:id/attachments');
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: caseAttachmentsQuery(caseId).queryKey });
      void queryClient.invalidateQueries({ queryKey: caseQuery(caseId).queryKey });
    },
  });
}
