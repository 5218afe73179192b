export * from './ledger-postings';
