export * from './quote-lifecycle';
export * from './quote-approval';
export * from './quote-submission';
export * from './quote-acceptance';
