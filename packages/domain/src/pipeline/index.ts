export * from './pipeline-stages';
export * from './pipeline-forecast';
