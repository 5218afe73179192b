export * from './lead-conversion';
