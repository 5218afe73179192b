export * from './order-lifecycle';
export * from './order-value';
