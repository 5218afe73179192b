export * from './invoice-plan';
export * from './payment-allocation';
