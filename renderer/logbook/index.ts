/** The main courante (operator logbook): live entries, writing, and the shift handover. */
import './logbook.css';
export { LogbookDrawer } from './LogbookDrawer';
export { LogbookToggle, LOGBOOK_HASH, mayKeepLogbook } from './LogbookToggle';
