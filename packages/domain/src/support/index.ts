export * from './ticket-sla';
