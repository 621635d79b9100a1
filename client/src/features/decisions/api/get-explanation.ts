import { queryOptions, useQuery } from '@tanstack/react-query';
import { explainDecision as route } from '@shared/contract/decisions';
import type { Lang } from '../../../i18n';
import { call } from '../../../lib/call';

const send = call(route);

/** The plain-language explanation (GDPR Art. 15(1)(h), AI Act Art. 86), worded by the server in `lang`. */
export const getExplanation = (id: string, lang: Lang, signal?: AbortSignal) => send({ params: { id }, query: { lang } }, { signal });

export const explanationQuery = (id: string, lang: Lang) =>
  queryOptions({
    queryKey: ['decisions', 'explanation', id, lang],
    queryFn: ({ signal }) => getExplanation(id, lang, signal),
  });

export const useExplanation = (id: string, lang: Lang) => useQuery(explanationQuery(id, lang));
