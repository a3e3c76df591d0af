import type { AuditEntry } from '../../../shared/protocol/messages';
import { csvDocument } from '../spreadsheet-csv';

/** Most rows one export carries: a year of a busy command post fits; past it the newest are kept. */
export const MAX_AUDIT_EXPORT_ROWS = 100_000;

const COLUMNS = ['id', 'horodatage', 'acteur', 'adresse', 'action', 'cible', 'détails', 'empreinte'] as const;

/**
 * The audit trail as CSV for a French spreadsheet (see `csvDocument`), each hash kept so a copy
 * can be checked against the chain. Instants stay in UTC, as chained.
 */
export function auditCsv(entries: readonly AuditEntry[]): string {
  return csvDocument(
    COLUMNS,
    entries.map((entry) =>
      [entry.id, entry.at, entry.actor, entry.address ?? '', entry.action, entry.target ?? '', JSON.stringify(entry.details), entry.hash].map(String),
    ),
  );
}
