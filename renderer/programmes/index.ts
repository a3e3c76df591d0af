/** Programmes in the asset panel (school heating, gate hours, lighting nights) and drift. */
import './programmes.css';
export { HeatingSection } from './HeatingSection';
export { GateHoursSection } from './GateHoursSection';
export { LightingSection } from './LightingSection';
export { DriftNotice } from './DriftNotice';
export { LightingScheduleEditor } from './LightingScheduleEditor';
