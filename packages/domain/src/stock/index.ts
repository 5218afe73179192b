export * from './stock-levels';
export * from './stock-valuation';
