import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getMyAutomationPreferences, setMyAutomationPreferences, withdrawMyConsent } from '@shared/contract/automation-preferences';
import type { AutomationPreferencesUpdate, ConsentWithdrawalBody } from '@shared/schemas/automation-preferences';
import { call } from '../../../lib/call';
import { myRequestsQuery } from './member-requests';

const fetchPreferences = call(getMyAutomationPreferences);
const sendPreferences = call(setMyAutomationPreferences);
const sendWithdrawal = call(withdrawMyConsent);

/** The member's standing requests for a person, their consent withdrawals and the history of both. */
export const myAutomationPreferencesQuery = () =>
  queryOptions({
    queryKey: ['me', 'automation-preferences'],
    queryFn: ({ signal }) => fetchPreferences({}, { signal }),
  });

export const useMyAutomationPreferences = () => useQuery(myAutomationPreferencesQuery());

/** Both changes answer with the preferences as they now stand, and each is kept among the member's requests. */
function useChange<B>(send: (body: B) => ReturnType<typeof sendPreferences>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    meta: { invalidates: false },
    onSuccess: (preferences) => {
      queryClient.setQueryData(myAutomationPreferencesQuery().queryKey, preferences);
      void queryClient.invalidateQueries({ queryKey: myRequestsQuery().queryKey });
    },
  });
}

/** A tick shows at once; the answer (or a reload after an error) puts what the server keeps in its place. */
export function useSetMyAutomationPreferences() {
  const queryClient = useQueryClient();
  const change = useChange((body: AutomationPreferencesUpdate) => sendPreferences({ body }));
  return {
    ...change,
    mutate: (body: AutomationPreferencesUpdate) => {
      const key = myAutomationPreferencesQuery().queryKey;
      const before = queryClient.getQueryData(key);
      if (before) queryClient.setQueryData(key, { ...before, humanReview: { ...before.humanReview, ...body.humanReview } });
      change.mutate(body, { onError: () => void queryClient.invalidateQueries({ queryKey: key }) });
    },
  };
}
export const useWithdrawMyConsent = () => useChange((body: ConsentWithdrawalBody) => sendWithdrawal({ body }));
