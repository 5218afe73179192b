export * from './credit-position';
export * from './credit-check';
