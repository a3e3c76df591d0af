/** « Utilisateurs », the accounts tab of the administration screen. */
export { UsersTab } from './UsersTab';
