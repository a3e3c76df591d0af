import type { Command } from '../../shared';
import { formatQuantity, type I18n } from '../i18n';

/** « Consigne 19,5 °C », « Portail : ouvert »: what was asked, in the operator's words. */
export function commandSummary(command: Pick<Command, 'type' | 'params'>, i18n: I18n): string {
  const { params } = command;
  switch (command.type) {
    case 'heating.setpoint':
      return typeof params.celsius === 'number'
        ? i18n.t('command.heating.setpoint', { value: formatQuantity(params.celsius, 1, '°C', i18n.locale) })
        : command.type;
    case 'gate.set':
      return i18n.t('command.gate.set', { value: String(params.position ?? '') });
    case 'lighting.dim':
      return typeof params.percent === 'number'
        ? i18n.t('command.lighting.dim', { value: formatQuantity(params.percent, 0, '%', i18n.locale) })
        : command.type;
    case 'heating.override':
      return typeof params.celsius === 'number' && typeof params.hours === 'number'
        ? i18n.t('command.heating.override', { value: formatQuantity(params.celsius, 1, '°C', i18n.locale), hours: formatQuantity(params.hours, 1, 'h', i18n.locale) })
        : command.type;
    case 'heating.schedule':
      return i18n.t(params.programme ? 'command.heating.schedule' : 'command.programmeRemoved');
    case 'lighting.schedule':
      return i18n.t(params.schedule ? 'command.lighting.schedule' : 'command.programmeRemoved');
    case 'gate.hours':
      return i18n.t(params.hours ? 'command.gate.hours' : 'command.programmeRemoved');
    default:
      return command.type;
  }
}
