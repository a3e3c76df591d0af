/** « Journal d’audit », the audit trail tab of the administration screen. */
export { AuditTab } from './AuditTab';
