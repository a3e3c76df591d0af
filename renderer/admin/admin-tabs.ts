import type { ComponentType } from 'react';
import type { MessageKey } from '../i18n';
import { AuditTab } from './audit';
import { UsersTab } from './users';
import { DevicesScreen } from './devices';
import { OnCallScreen } from '../oncall';
import { SourcesScreen } from './sources';
import { ThresholdsScreen } from './thresholds';

/**
 * The administration screen's tabs, in display order. Each admin feature (users, audit trail,
 * sources, device registry, on-call rosters) is a folder of its own exporting one screen, listed
 * here once.
 */
export interface AdminTab {
  /** Stable id, used in the URL (`#administration/<id>`) and by tests (`admin-tab-<id>`). */
  id: string;
  label: MessageKey;
  Screen: ComponentType;
}

export const ADMIN_TABS: AdminTab[] = [
  { id: 'users', label: 'admin.tab.users', Screen: UsersTab },
  { id: 'audit', label: 'admin.tab.audit', Screen: AuditTab },
  { id: 'devices', label: 'devices.tab', Screen: DevicesScreen },
  { id: 'oncall', label: 'admin.tab.oncall', Screen: OnCallScreen },
  { id: 'sources', label: 'admin.tab.sources', Screen: SourcesScreen },
  { id: 'thresholds', label: 'admin.tab.thresholds', Screen: ThresholdsScreen },
];
