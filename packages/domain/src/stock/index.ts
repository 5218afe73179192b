export * from './stock-levels';
