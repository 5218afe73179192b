export * from './receivables-aging';
