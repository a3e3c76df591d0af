/** Lower case without accents, so « ecole » finds « École Jules-Ferry » (console and hub searches). */
export function foldForSearch(text: string): string {
  // Decomposing is the costly part: plain ASCII, most ids and many names, needs none.
  if (!/[^\x00-\x7f]/.test(text)) return text.toLowerCase();
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}
