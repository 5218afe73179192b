import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from './auth/viewer';
import { createProductLoaders } from './modules/catalog/product.loaders';
import { createCrmLoaders } from './modules/crm/crm.loaders';
import { createLedgerLoaders } from './modules/ledger/ledger.loaders';
import { createPurchasingLoaders } from './modules/purchasing/purchasing.loaders';
import { createCustomerLoaders } from './modules/customers/customer.loaders';
import { createOrderLoaders } from './modules/orders/order.loaders';
import { createInvoiceLoaders } from './modules/receivables/invoice.loaders';
import { createPaymentLoaders } from './modules/receivables/payment.loaders';

/** Fresh per request: batching and caching never cross requests or viewers. */
export function createLoaders(em: EntityManager, viewer: Viewer | null) {
  return {
    customers: createCustomerLoaders(em, viewer),
    orders: createOrderLoaders(em, viewer),
    invoices: createInvoiceLoaders(em, viewer),
    payments: createPaymentLoaders(em, viewer),
    products: createProductLoaders(em),
    crm: createCrmLoaders(em, viewer),
    ledger: createLedgerLoaders(em),
    purchasing: createPurchasingLoaders(em),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
