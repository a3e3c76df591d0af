/** Lower case without accents, so « ecole » finds « École Jules-Ferry » (console and hub searches). */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}
