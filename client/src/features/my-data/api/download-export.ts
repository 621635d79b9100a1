import { useMutation } from '@tanstack/react-query';
import type { Lang } from '../../../i18n';
import { exportMyData } from '@shared/contract/members';
import { download } from '../../../lib/call';

const fetchExport = download(exportMyData);

/**
 * GDPR Art. 15 and 20: everything Recourse holds about the member, machine-readable, with the
 * explanations worded in `lang`. Fetched (rather than linked) so that a failure can be said in
 * words on the page instead of a browser error screen.
 */
export const downloadExport = (lang: Lang) => fetchExport({ query: { lang } });

/** Hands the file to the browser's download, under the name the server suggests. */
function save(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Let the download start before the address is released.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const useDownloadExport = () =>
  useMutation({
    mutationFn: downloadExport,
    meta: { invalidates: false },
    onSuccess: ({ blob, filename }) => save(blob, filename ?? 'recourse-my-data.json'),
  });
