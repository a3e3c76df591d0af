/** « Sources réseau »: the admin screen of the hub's field sources. */
export { SourcesScreen } from './SourcesScreen';
