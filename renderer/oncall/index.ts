/** On-call rosters (« Astreintes »), an administration tab. */
export { OnCallScreen } from './OnCallScreen';
export { AlarmNotifications } from './AlarmNotifications';
