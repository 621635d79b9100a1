import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getMyContact, updateMyContact } from '@shared/contract/contacts';
import type { ContactPreferences } from '@shared/schemas/contact';
import { call } from '../../../lib/call';

const fetchContact = call(getMyContact);
const sendPreferences = call(updateMyContact);

/** The member's contact data: the address the insurer gave us, the language we write in, e-mail or post. */
export const myContactQuery = () =>
  queryOptions({
    queryKey: ['me', 'contact'],
    queryFn: ({ signal }) => fetchContact({}, { signal }),
  });

export const useMyContact = () => useQuery(myContactQuery());

/** Changes the language or the choice of e-mail or post; the page shows what the server now keeps. */
export function useUpdateMyContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ContactPreferences) => sendPreferences({ body }),
    meta: { invalidates: false },
    onSuccess: (contact) => queryClient.setQueryData(myContactQuery().queryKey, contact),
  });
}
