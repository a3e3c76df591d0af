const REVOKE_AFTER_MS = 30_000;

/**
 * Saves `text` as a file the way a browser does (Blob + a download link), which Electron turns
 * into its save dialog: no file system access from the console.
 */
export function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The click starts the download, but the browser may still be reading the Blob just after: an
  // export of 100,000 rows is tens of megabytes to let go of once it is surely saved.
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
