export * from './business-kpis';
