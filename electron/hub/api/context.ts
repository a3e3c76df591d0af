import type { Territory } from '../../../shared/protocol/messages';
import type { AlarmBook } from '../alarms/alarm-book';
import type { MaintenanceBook } from '../alarms/maintenance-book';
import type { LoginThrottle } from '../auth/login-throttle';
import type { SessionStore } from '../auth/sessions';
import type { CommandDispatcher } from '../commands/dispatcher';
import type { Logbook } from '../logbook/logbook';
import type { GatewayBook } from '../gateways/gateway-book';
import type { FieldSources } from '../sources/field-sources';
import type { Programmes } from '../schedules/programmes';
import type { Database } from '../store/db';
import type { Journal } from '../store/journal';
import type { Writer } from '../store/writer';
import type { TerritoryState } from '../state/territory-state';
import type { Escalator } from '../oncall/escalation';
import type { RosterBook } from '../oncall/roster-book';
import type { Broadcaster } from './broadcaster';

/** What the API layer reaches in the hub. */
export interface HubContext {
  db: Database;
  state: TerritoryState;
  territory: Territory;
  journal: Journal;
  writer: Writer;
  alarms: AlarmBook;
  /** LoRaWAN gateways learnt from the uplinks' metadata, and what each heard. */
  gateways: GatewayBook;
  maintenance: MaintenanceBook;
  /** On-call rosters and contacts. */
  rosters: RosterBook;
  /** Notifies the people on call about alarms nobody acknowledged in time. */
  escalator: Escalator;
  commands: CommandDispatcher;
  logbook: Logbook;
  programmes: Programmes;
  sessions: SessionStore;
  loginThrottle: LoginThrottle;
  broadcaster: Broadcaster;
  log: (line: string) => void;
  /** The field sources, once started (an admin edits them from the console). */
  sources?: FieldSources;
  /** Bytes a console may fall behind before it is cut off (it resyncs by seq when back). */
  maxConsoleBacklogBytes: number;
}
