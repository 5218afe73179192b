export * from './credit-position';
export * from './credit-check';
export * from './credit-facts';
export * from './hold-cause';
