export * from './chart-of-accounts';
export * from './ledger-postings';
export * from './period-close';
export * from './trial-balance';
