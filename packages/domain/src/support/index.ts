export * from './ticket-lifecycle';
export * from './ticket-sla';
