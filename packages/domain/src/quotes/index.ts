export * from './quote-lifecycle';
