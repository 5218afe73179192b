export * from './reporting-period';
export * from './business-kpis';
export * from './acquisition-cost';
export * from './kpi-report';
