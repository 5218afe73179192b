export * from './pipeline-stages';
export * from './opportunity-stage';
export * from './pipeline-forecast';
