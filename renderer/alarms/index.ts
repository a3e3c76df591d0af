/** The alarm list beside the map, with acknowledgement. */
import './alarms.css';
export { AlarmList } from './AlarmList';
export { PRIORITY_COLOUR } from './alarm-presentation';
