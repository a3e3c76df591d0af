/** Numbers in alarm and command messages, as a French reader expects them (« 1 620 », « 19,5 »). */
const FR = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

export function formatNumberFr(value: number): string {
  return FR.format(value);
}

/** A duration in French, e.g. « 12 min », « 1 h 05 », « 40 s ». */
export function formatDurationFr(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const min = Math.round(s / 60);
  if (min < 60) return `${min} min`;
  return `${Math.floor(min / 60)} h ${String(min % 60).padStart(2, '0')}`;
}
