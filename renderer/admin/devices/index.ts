/** The device registry's administration screen: registry, declaration, CSV import, quarantine. */
export { DevicesScreen } from './DevicesScreen';
