/** The alarm list beside the map, with acknowledgement, filters, alarm load and sound. */
import './alarms.css';
import './operator.css';
export { AlarmList } from './AlarmList';
export { PRIORITY_COLOUR } from './alarm-presentation';
export { startAlarmSound, AlarmSoundProvider } from './alarm-sound';
export { SoundControls } from './SoundControls';
export { useNewCritical } from './critical-flash';
export type { AlarmSounder } from './alarm-sounder';
