import { GATEWAY_SILENT_CONDITION, type Alarm } from '../../../shared/domain/alarms';
import type { GatewayBook } from '../gateways/gateway-book';
import { CABINET_CAUSES, SILENCE_CONDITION } from '../rules/conditions';
import type { ChangeSet } from '../store/change-set';
import type { AssetRecord } from '../state/records';
import type { TerritoryState } from '../state/territory-state';
import type { AlarmBook, CauseLinker } from './alarm-book';

/**
 * Parent/child suppression: the « pas de données » of devices behind a silent gateway or a
 * tripped cabinet feeder name that cause (`causeAlarmId`), so the console shows one item with the
 * count instead of a flood. Whichever comes first, the link is made: a child raised after its
 * cause finds it; a cause raised after its children adopts them. Each link is an alarm change,
 * journaled and broadcast like any other.
 */
export class AlarmCauses implements CauseLinker {
  constructor(
    private readonly state: TerritoryState,
    private readonly gateways: GatewayBook,
    private readonly alarms: AlarmBook,
  ) {}

  linkRaised(alarm: Alarm, record: AssetRecord, changes: ChangeSet): void {
    if (alarm.condition === SILENCE_CONDITION.id) {
      const cause = this.causeOfSilence(record);
      if (cause) setCause(alarm, cause, changes);
    } else if (alarm.condition === GATEWAY_SILENT_CONDITION) {
      const gateway = this.gateways.byAssetId(record.asset.id);
      const behind = [...(gateway?.links.keys() ?? [])].map((devEui) => this.state.devices.get(devEui)?.assetId);
      this.adopt(alarm, behind, changes);
    } else if (record.asset.kind === 'lighting-cabinet' && CABINET_CAUSES.includes(alarm.condition)) {
      this.adopt(alarm, (this.state.lampsByCabinet.get(record.asset.id) ?? []).map((lamp) => lamp.asset.id), changes);
    }
  }

  /**
   * What explains that this asset went silent: its feeder cabinet in fault, or, for each of its
   * silent devices, every gateway that heard it lately being silent (the one that heard it last
   * is named). Undefined when any silent device has a gateway still up: then it is the device.
   */
  causeOfSilence(record: AssetRecord): Alarm | undefined {
    const parent = record.asset.parentId ? this.state.assets.get(record.asset.parentId) : undefined;
    if (parent?.asset.kind === 'lighting-cabinet') {
      for (const condition of CABINET_CAUSES) {
        const fault = this.alarms.activeAlarm(parent.asset.id, condition);
        if (fault) return fault;
      }
    }
    const silent = record.devices.filter((d) => d.silent);
    let cause: Alarm | undefined;
    for (const device of silent) {
      const recent = this.gateways.recentGateways(device);
      if (recent.length === 0) return undefined;
      for (const gateway of recent) {
        const outage = this.alarms.activeAlarm(gateway.assetId, GATEWAY_SILENT_CONDITION);
        if (!outage) return undefined;
        cause ??= outage;
      }
    }
    return cause;
  }

  /** The active « pas de données » of these assets that this cause explains take it as their cause. */
  private adopt(cause: Alarm, assetIds: Iterable<string | undefined>, changes: ChangeSet): void {
    for (const assetId of new Set(assetIds)) {
      const child = assetId ? this.alarms.activeAlarm(assetId, SILENCE_CONDITION.id) : undefined;
      const record = assetId ? this.state.assets.get(assetId) : undefined;
      if (!child || !record || child.causeAlarmId === cause.id) continue;
      if (this.causeOfSilence(record)?.id === cause.id) setCause(child, cause, changes);
    }
  }
}

function setCause(alarm: Alarm, cause: Alarm, changes: ChangeSet): void {
  if (alarm.causeAlarmId === cause.id) return;
  alarm.causeAlarmId = cause.id;
  changes.alarm(alarm);
}
