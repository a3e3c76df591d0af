import type { AuditEntry } from '../../../shared/protocol/messages';

/** Most rows one export carries: a year of a busy command post fits; past it the newest are kept. */
export const MAX_AUDIT_EXPORT_ROWS = 100_000;

const COLUMNS = ['id', 'horodatage', 'acteur', 'adresse', 'action', 'cible', 'détails', 'empreinte'] as const;

/**
 * The audit trail as CSV for a French spreadsheet: `;` separators, a BOM so Excel reads UTF-8,
 * CRLF line ends (RFC 4180), each hash kept so a copy can be checked against the chain.
 */
export function auditCsv(entries: readonly AuditEntry[]): string {
  const lines = [COLUMNS.join(';')];
  for (const entry of entries) {
    lines.push(
      [entry.id, entry.at, entry.actor, entry.address ?? '', entry.action, entry.target ?? '', JSON.stringify(entry.details), entry.hash]
        .map((value) => csvField(String(value)))
        .join(';'),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Quotes a field when it holds a separator, a quote or a line break; neutralises formula injection. */
export function csvField(value: string): string {
  // A cell starting with = + - @ is run as a formula by spreadsheets (CSV injection, OWASP).
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
