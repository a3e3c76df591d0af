import type { Territory } from '../../../shared/protocol/messages';
import type { AlarmBook } from '../alarms/alarm-book';
import type { MaintenanceBook } from '../alarms/maintenance-book';
import type { LoginThrottle } from '../auth/login-throttle';
import type { SessionStore } from '../auth/sessions';
import type { CommandDispatcher } from '../commands/dispatcher';
import type { Programmes } from '../schedules/programmes';
import type { Database } from '../store/db';
import type { Journal } from '../store/journal';
import type { Writer } from '../store/writer';
import type { TerritoryState } from '../state/territory-state';
import type { Broadcaster } from './broadcaster';

/** What the API layer reaches in the hub. */
export interface HubContext {
  db: Database;
  state: TerritoryState;
  territory: Territory;
  journal: Journal;
  writer: Writer;
  alarms: AlarmBook;
  maintenance: MaintenanceBook;
  commands: CommandDispatcher;
  programmes: Programmes;
  sessions: SessionStore;
  loginThrottle: LoginThrottle;
  broadcaster: Broadcaster;
  log: (line: string) => void;
  /** Bytes a console may fall behind before it is cut off (it resyncs by seq when back). */
  maxConsoleBacklogBytes: number;
}
