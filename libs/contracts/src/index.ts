export * from './define';
export * from './deploy';
export * from './envelope';
export * from './errors';
export * from './identity';
export * from './repo';
export * from './users';
