export * from './rep-commissions';
