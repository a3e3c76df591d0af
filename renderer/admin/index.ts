export { AdminScreen } from './AdminScreen';
export { ADMIN_TABS, type AdminTab } from './admin-tabs';
