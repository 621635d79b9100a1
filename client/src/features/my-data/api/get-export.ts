import { queryOptions, useQuery } from '@tanstack/react-query';
import { exportMyData } from '@shared/contract/members';
import type { Lang } from '../../../i18n';
import { call } from '../../../lib/call';

const fetchExport = call(exportMyData);

/** The same export as the download, read to show it as a page in the member's language. */
export const myExportQuery = (lang: Lang) =>
  queryOptions({
    queryKey: ['me', 'export', lang],
    queryFn: ({ signal }) => fetchExport({ query: { lang } }, { signal }),
  });

export const useMyExport = (lang: Lang) => useQuery(myExportQuery(lang));
