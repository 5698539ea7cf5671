export * from './json';
export * from './time';
export * from './event';
export * from './bucket';
