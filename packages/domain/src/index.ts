// The public surface of @tandem/domain: one re-export per business area.
export * from './money';
export * from './pricing';
export * from './credit';
export * from './orders';
export * from './stock';
export * from './invoicing';
export * from './receivables';
export * from './pipeline';
export * from './alerts';
export * from './events';
export * from './quotes';
export * from './leads';
export * from './support';
export * from './ledger';
export * from './commissions';
export * from './kpis';
export * from './purchasing';
