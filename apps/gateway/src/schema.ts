import 'reflect-metadata';
import { createPubSub } from '@graphql-yoga/subscription';
import { buildSchema, type NonEmptyArray } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import { AlertFields, AlertResolver } from './modules/alerts/alert.resolver';
import { CatalogResolver } from './modules/catalog/catalog.resolver';
import { ContactFields, CustomerFields } from './modules/customers/customer.fields';
import { CustomerResolver } from './modules/customers/customer.resolver';
import { OrderFields, OrderLineFields, ShipmentLineFields } from './modules/orders/order.fields';
import { OrderResolver } from './modules/orders/order.resolver';
import { ActivityResolver } from './modules/crm/activity.resolver';
import { LedgerResolver } from './modules/ledger/ledger.resolver';
import { ReportResolver } from './modules/reports/report.resolver';
import { AuditResolver } from './modules/audit/audit.resolver';
import { PurchaseOrderLineFields, PurchasingResolver, SupplierBillFields } from './modules/purchasing/purchasing.resolver';
import { TimelineEntryFields } from './modules/crm/timeline.resolver';
import { LeadResolver } from './modules/crm/lead.resolver';
import { OpportunityResolver } from './modules/crm/opportunity.resolver';
import { QuoteLineFields, QuoteResolver } from './modules/crm/quote.resolver';
import { TicketResolver } from './modules/crm/ticket.resolver';
import { AgingRowFields } from './modules/receivables/aging.fields';
import { InvoiceFields } from './modules/receivables/invoice.fields';
import { PaymentAllocationFields, PaymentFields } from './modules/receivables/payment.fields';
import { ReceivablesResolver } from './modules/receivables/receivables.resolver';
import { UserResolver } from './modules/users/user.resolver';
import { DateTimeScalar } from './graphql/scalars';
import { describeSchema } from './graphql/schema-descriptions';
import { directResolvers } from './graphql/direct-resolvers';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const resolvers: NonEmptyArray<Function> = [
  UserResolver,
  CustomerResolver,
  CustomerFields,
  ContactFields,
  CatalogResolver,
  OrderResolver,
  OrderFields,
  OrderLineFields,
  ShipmentLineFields,
  ReceivablesResolver,
  InvoiceFields,
  PaymentFields,
  PaymentAllocationFields,
  AgingRowFields,
  AlertResolver,
  AlertFields,
  OpportunityResolver,
  LeadResolver,
  QuoteResolver,
  QuoteLineFields,
  ActivityResolver,
  TimelineEntryFields,
  LedgerResolver,
  ReportResolver,
  AuditResolver,
  PurchasingResolver,
  SupplierBillFields,
  PurchaseOrderLineFields,
  TicketResolver,
];

/**
 * The whole GraphQL schema, built from the type-graphql classes, every element
 * described (schema-descriptions.ts); with `directResolvers` (the default), the
 * resolvers type-graphql's pipeline would not change are called straight (direct-resolvers.ts).
 */
export async function createSchema(options: { directResolvers?: boolean } = {}): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers,
    validate: false,
    emitSchemaFile: false,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    // type-graphql insists on a PubSub; alertRaised brings its own `subscribe` (the PostgreSQL-backed AlertHub).
    pubSub: createPubSub(),
  });
  const described = describeSchema(schema);
  if (options.directResolvers ?? true) directResolvers(described);
  return described;
}
