export * from './alert-keys';
export * from './alert-rules';
