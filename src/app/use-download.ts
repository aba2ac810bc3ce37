import { useEffect } from 'react';
import type { Download } from './app-state.ts';

/** Hands a finished export to the browser as a download, then frees its memory. */
export function useDownload(download: Download | undefined, done: () => void): void {
  useEffect(() => {
    if (!download || download.target !== 'download') return;
    const url = URL.createObjectURL(download.blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = download.fileName;
    document.body.append(link);
    link.click();
    link.remove();
    done();
    // Revoking at once can cancel the download in some browsers.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }, [download, done]);
}
