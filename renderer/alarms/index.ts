/** The alarm list beside the map, with acknowledgement. */
export { AlarmList } from './AlarmList';
export { PRIORITY_COLOUR } from './alarm-presentation';
