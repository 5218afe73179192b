export * from './lead-lifecycle';
export * from './lead-conversion';
