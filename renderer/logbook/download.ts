/** Hands a CSV to the browser (or Electron) as a file download. */
export function downloadCsv(filename: string, csv: string): void {
  // The hub's CSV starts with a BOM: the Blob keeps it, so Excel reads the file as UTF-8.
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next turn: the click has started the download by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

const PARIS_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });

/** `beffroi-main-courante-2026-11-23.csv`: the day (in Paris) the shift ended. */
export function handoverFilename(to: string): string {
  return `beffroi-main-courante-${PARIS_DATE.format(new Date(to))}.csv`;
}
