export * from './receivables-aging';
export * from './receivables-history';
