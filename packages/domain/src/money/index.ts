export * from './decimal';
export * from './result';
export * from './parse';
export * from './dates';
export * from './allocate';
export * from './document-dates';
