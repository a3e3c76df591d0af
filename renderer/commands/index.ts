/** Commands from the asset panel: heating setpoint of a school, live lifecycle, recent commands. */
import './commands.css';
export { SetpointForm } from './SetpointForm';
export { RecentCommands } from './RecentCommands';
export { CommandStepper } from './CommandStepper';
export { commandSteps, LIFECYCLE } from './command-steps';
export { commandSummary } from './command-summary';
