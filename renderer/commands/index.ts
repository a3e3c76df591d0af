/** Commands from the asset panel: heating setpoint where a thermostat takes one, live lifecycle, recent commands. */
import './commands.css';
export { SetpointForm } from './SetpointForm';
export { setpointLimits, type SetpointLimits } from './setpoint-limits';
export { RecentCommands } from './RecentCommands';
export { CommandStepper } from './CommandStepper';
export { commandSteps, LIFECYCLE } from './command-steps';
export { commandSummary } from './command-summary';
export { GateControl } from './GateControl';
export { DimmingControl } from './DimmingControl';
export { ConfirmCommandDialog } from './ConfirmCommandDialog';
export { lightingImpact, type LightingImpact } from './lighting-impact';
export { SetpointBoundsForm } from './SetpointBoundsForm';
