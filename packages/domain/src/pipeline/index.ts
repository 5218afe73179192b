export * from './pipeline-stages';
