import { queryOptions, useQuery } from '@tanstack/react-query';
import { Explanation } from '@shared/schemas/explanation';
import type { Lang } from '../../../i18n';
import { api, withQuery } from '../../../lib/api-client';

/** The plain-language explanation (GDPR Art. 15(1)(h), AI Act Art. 86), worded by the server in `lang`. */
export const getExplanation = (id: string, lang: Lang, signal?: AbortSignal) =>
  api.get(withQuery(`/api/decisions/${encodeURIComponent(id)}/explanation`, { lang }), Explanation, { signal });

export const explanationQuery = (id: string, lang: Lang) =>
  queryOptions({
    queryKey: ['decisions', 'explanation', id, lang],
    queryFn: ({ signal }) => getExplanation(id, lang, signal),
  });

export const useExplanation = (id: string, lang: Lang) => useQuery(explanationQuery(id, lang));
