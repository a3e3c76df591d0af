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

const WHEN = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });

/** An instant as a French reader in France says it: « lundi 23 novembre à 17 h 00 ». */
export function formatWhenFr(ms: number): string {
  const parts = Object.fromEntries(WHEN.formatToParts(new Date(ms)).map((part) => [part.type, part.value]));
  return `${parts.weekday} ${parts.day} ${parts.month} à ${parts.hour} h ${parts.minute}`;
}
