export * from './business-event';
export * from './event-alerts';
export * from './event-timeline';
export * from './event-audit';
