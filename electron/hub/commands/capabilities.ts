import type { AcceptedCommand } from '../../../shared/domain/assets';
import { getCodec } from '../codecs/registry';
import type { AssetRecord } from '../state/records';
import { setpointBounds } from './validate';

/**
 * What an asset's devices can be commanded to do, read off their codecs: a model that can encode
 * the command's downlink carries it. Street lamps and sensors-only assets accept nothing.
 */
export function acceptedCommands(record: AssetRecord): AcceptedCommand[] {
  const accepted: AcceptedCommand[] = [];
  const codecs = record.devices.map((d) => getCodec(d.model)).filter((c) => c !== undefined);
  const { kind } = record.asset;
  if (kind === 'building') {
    const thermostat = codecs.find((c) => c.setpointStepC !== undefined && c.encodeDownlink);
    if (thermostat?.setpointStepC !== undefined) {
      const { min, max } = setpointBounds(record);
      accepted.push({ type: 'heating.setpoint', minC: min, maxC: max, stepC: thermostat.setpointStepC });
      accepted.push({ type: 'heating.override' }, { type: 'heating.schedule' });
    }
  }
  if (kind === 'gate' && codecs.some((c) => c.encodeDownlink?.({ type: 'gate.set', position: 'open' }))) {
    accepted.push({ type: 'gate.set' }, { type: 'gate.hours' });
  }
  if (kind === 'lighting-cabinet') {
    const dimmer = codecs.find((c) => c.encodeDownlink?.({ type: 'lighting.dim', percent: 100 }));
    if (dimmer) accepted.push({ type: 'lighting.dim', dimmable: dimmer.dimmingStepPercent !== undefined }, { type: 'lighting.schedule' });
  }
  return accepted;
}
