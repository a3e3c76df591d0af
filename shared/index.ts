export * from './domain/assets';
export * from './domain/metrics';
export * from './domain/alarms';
export * from './domain/commands';
export * from './domain/users';
export * from './protocol/errors';
export * from './protocol/messages';
export * from './desktop-bridge';
