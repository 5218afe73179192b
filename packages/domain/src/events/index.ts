export * from './business-event';
export * from './event-alerts';
