import type { DeviceProblem } from '../../../shared';
import { formatAge, formatQuantity, type I18n } from '../../i18n';

/** « A8 40 41 00 00 00 AB CD »: the byte groups printed on the device's label. */
export function formatDevEui(devEui: string): string {
  return devEui.toUpperCase().match(/.{1,2}/g)?.join(' ') ?? devEui;
}

/** What an admin types or pastes as a DevEUI, with spaces, colons or dashes between bytes. */
export function normaliseDevEui(typed: string): string {
  return typed.replace(/[\s:\-\u2009]/g, '').toLowerCase();
}

/** « il y a 3 min », « à l’instant », or « jamais reçue ». */
export function formatLastHeard(at: string | null, nowMs: number, i18n: I18n): string {
  if (!at) return i18n.t('devices.never');
  return formatAge(at, nowMs, i18n.locale) ?? i18n.t('age.now');
}

/** « −97 dBm / 6,5 dB », with a dash for what was never reported. */
export function formatLink(rssiDbm: number | null, snrDb: number | null, i18n: I18n): string {
  const rssi = rssiDbm === null ? '—' : formatQuantity(rssiDbm, 0, 'dBm', i18n.locale);
  const snr = snrDb === null ? '—' : formatQuantity(snrDb, 1, 'dB', i18n.locale);
  return `${rssi} / ${snr}`;
}

/** « 87 % », else the cell's voltage « 3,61 V » for models that only report it, else a dash. */
export function formatBattery(percent: number | null, volts: number | null, i18n: I18n): string {
  if (percent !== null) return formatQuantity(percent, 0, '%', i18n.locale);
  if (volts !== null) return formatQuantity(volts, 2, 'V', i18n.locale);
  return '—';
}

/** One CSV problem in the console's language: the field at fault and why. */
export function describeProblem(problem: DeviceProblem, i18n: I18n): { field: string; why: string } {
  const field = i18n.t(`devices.field.${problem.field}`);
  const params: Record<string, string | number> = { value: problem.value };
  if (problem.reason === 'duplicate') params.firstLine = problem.firstLine;
  if (problem.reason === 'kind') params.kind = i18n.t(`kind.${problem.kind}`);
  return { field, why: i18n.t(`devices.problem.${problem.reason}`, params) };
}
