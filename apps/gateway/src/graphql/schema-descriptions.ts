import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, type GraphQLArgument, type GraphQLField, type GraphQLInputField, type GraphQLSchema } from 'graphql';

/**
 * One-line descriptions for the schema elements whose decorators carry none,
 * by schema coordinate (`Type`, `Type.field`, `Type.field(arg:)`,
 * `Enum.VALUE`), so the explorer documents the whole API. A few kinds of
 * element share one wording (see `generic`). `describeSchema` refuses an
 * entry for an element that does not exist or already has a description, so
 * this list cannot drift from the schema; ESLint's require-description rule
 * on schema/schema.graphql fails the build on anything left undescribed.
 */
export const DESCRIPTIONS: Readonly<Record<string, string>> = {
  // Front office: people and deals
  'Campaign.name': 'Its name.',
  'Campaign.startDate': 'When it started.',
  'Lead.company': 'The company the person is with; it names the customer on conversion.',
  'Lead.createdAt': 'When the lead was recorded (UTC).',
  'Lead.email': 'An e-mail address.',
  'Lead.phone': 'A phone number.',
  'Lead.status': 'Where the lead stands.',
  'LeadStatus.NEW': 'Just recorded.',
  'LeadStatus.CONTACTED': 'Someone has talked to the person.',
  'LeadStatus.QUALIFIED': 'Need and budget confirmed; converts into a QUALIFICATION deal.',
  'LeadStatus.CONVERTED': 'Became a customer (final).',
  'LeadStatus.DISQUALIFIED': 'Not a prospect (final).',
  'Quote.createdAt': 'When the quote was created (UTC).',
  'Quote.number': 'Its human-readable number, e.g. QT-000042.',
  'Quote.subtotal': 'Σ line nets.',
  'Quote.taxTotal': 'Σ line taxes.',
  'Quote.total': 'subtotal + taxTotal.',
  'Quote.validUntil': 'The last day it may be accepted.',
  'QuoteLine.discountPercent': 'Percent off the unit price.',
  'QuoteLine.quantity': 'How many.',
  'QuoteLine.unitPrice': 'The price per unit quoted.',
  'QuoteStatus.DRAFT': 'Not yet submitted.',
  'QuoteStatus.PENDING_APPROVAL': 'A concession over the rep’s limit waits for a SALES_MANAGER or ADMIN.',
  'QuoteStatus.APPROVED': 'Ready to send or accept.',
  'QuoteStatus.SENT': 'With the customer.',
  'QuoteStatus.ACCEPTED': 'Became an order (final).',
  'QuoteStatus.EXPIRED': 'Past its validity date (final).',
  'QuoteStatus.REJECTED': 'Turned down (final).',
  'TimelineEntry.kind': 'What the line tells.',
  'TimelineKind.ACTIVITY': 'Someone logged an activity.',
  'TimelineKind.CUSTOMER_CREATED': 'The customer was created.',
  'TimelineKind.LEAD_CONVERTED': 'The customer was converted from a lead.',
  'TimelineKind.ORDER_CONFIRMED': 'An order was confirmed.',
  'TimelineKind.ORDER_SHIPPED': 'An order was shipped (in whole or part).',
  'TimelineKind.ORDER_CANCELLED': 'An order was cancelled.',
  'TimelineKind.INVOICE_ISSUED': 'An invoice was issued.',
  'TimelineKind.PAYMENT_RECEIVED': 'A payment was received.',
  'TimelineKind.CREDIT_LIMIT_CHANGED': 'The credit limit was changed (not shown to SUPPORT).',
  'TimelineKind.HOLD_PLACED': 'A credit hold was placed, by hand or for overdue invoices.',
  'TimelineKind.HOLD_RELEASED': 'A credit hold was released.',
  'TimelineKind.QUOTE_SENT': 'A quote was sent.',
  'TimelineKind.QUOTE_ACCEPTED': 'A quote was accepted and became an order.',
  'TimelineKind.DEAL_WON': 'A deal was won.',
  'TimelineKind.DEAL_LOST': 'A deal was lost.',
  'TimelineKind.TICKET_OPENED': 'A support ticket was opened.',
  'TimelineKind.TICKET_RESOLVED': 'A support ticket was resolved.',
  Activity: 'Something a person did with a customer: a call, an e-mail, a meeting, a note or a task.',
  'Activity.kind': 'What kind of activity it was.',
  'Activity.occurredAt': 'When it happened (UTC).',
  'Activity.subject': 'One line saying what it was about.',
  ActivityKind: 'The kinds of activity people log on a customer.',
  'ActivityKind.CALL': 'A phone call.',
  'ActivityKind.EMAIL': 'An e-mail.',
  'ActivityKind.MEETING': 'A meeting.',
  'ActivityKind.NOTE': 'A note for the record.',
  'ActivityKind.TASK': 'A task to do.',
  Opportunity: 'A deal in the pipeline with one customer.',
  'Opportunity.amount': 'What the deal is worth.',
  'Opportunity.closedAt': 'When it was won or lost; null while open.',
  'Opportunity.expectedCloseDate': 'When it is expected to close.',
  'Opportunity.name': 'The name of the deal.',
  'Opportunity.stage': 'Where the deal stands.',
  OpportunityStage: 'The stages of a deal; WON and LOST are final.',
  'OpportunityStage.PROSPECTING': 'First contact (10 % probability).',
  'OpportunityStage.QUALIFICATION': 'Need and budget being confirmed (20 %).',
  'OpportunityStage.PROPOSAL': 'A proposal was made (50 %).',
  'OpportunityStage.NEGOTIATION': 'Terms being negotiated (75 %).',
  'OpportunityStage.WON': 'Won (100 %).',
  'OpportunityStage.LOST': 'Lost (0 %).',
  Ticket: 'A support request from a customer, with its service-level deadline.',
  'Ticket.priority': 'How urgent it is; it sets the SLA deadline.',
  'Ticket.resolvedAt': 'When it was resolved; null while unresolved.',
  'Ticket.slaDueAt': 'When it must be resolved by (creation + the SLA hours of its priority).',
  'Ticket.status': 'Where the ticket stands.',
  'Ticket.subject': 'One line saying what the customer needs.',
  TicketPriority: 'How urgent a ticket is, and so its SLA.',
  'TicketPriority.URGENT': 'Resolve within 4 hours.',
  'TicketPriority.HIGH': 'Resolve within 8 hours.',
  'TicketPriority.NORMAL': 'Resolve within 24 hours.',
  'TicketPriority.LOW': 'Resolve within 72 hours.',
  TicketStatus: 'Where a ticket stands.',
  'TicketStatus.OPEN': 'New, not yet worked on.',
  'TicketStatus.IN_PROGRESS': 'Someone is working on it.',
  'TicketStatus.WAITING_ON_CUSTOMER': 'Waiting for the customer to answer.',
  'TicketStatus.RESOLVED': 'Resolved; may be reopened.',
  'TicketStatus.CLOSED': 'Closed for good.',

  // Customers and contacts
  Customer: 'A company that buys from us: its people, credit, orders, invoices, deals and tickets.',
  'Customer.contacts': 'The people at this customer.',
  'Customer.credit': 'Its credit position as of now (figures by role: see the contract).',
  'Customer.email': 'The customer’s main e-mail address.',
  'Customer.invoices(status:)': 'Only invoices in these statuses.',
  'Customer.name': 'The customer’s name.',
  'Customer.owner': 'The sales rep who owns the customer (and hears about it).',
  'Customer.paymentTermsDays': 'Days from invoice to due date.',
  'Customer.phone': 'The customer’s main phone number.',
  CustomerFilter: 'Narrows the customers list.',
  'CustomerFilter.onHold': 'true: only customers on credit hold; false: only those not on hold.',
  'CustomerFilter.ownerId': 'Only the customers of this owner.',
  Contact: 'A person at a customer.',
  'Contact.customer': 'The customer this person works for.',
  'Contact.email': 'Their e-mail address.',
  'Contact.firstName': 'Their first name.',
  'Contact.fullName': 'First and last name together.',
  'Contact.lastName': 'Their last name.',
  'Contact.phone': 'Their phone number.',
  'Contact.title': 'Their job title.',
  CreateContactInput: 'A new contact at a customer.',
  'CreateContactInput.customerId': 'The customer they work for.',
  'CreateContactInput.email': 'Their e-mail address.',
  'CreateContactInput.firstName': 'Their first name.',
  'CreateContactInput.lastName': 'Their last name.',
  'CreateContactInput.phone': 'Their phone number.',
  'CreateContactInput.title': 'Their job title.',
  CreateCustomerInput: 'A new customer; a sales rep creates it for itself.',
  'CreateCustomerInput.email': 'Main e-mail address.',
  'CreateCustomerInput.name': 'The customer’s name.',
  'CreateCustomerInput.paymentTermsDays': 'Days from invoice to due date (default 30).',
  'CreateCustomerInput.phone': 'Main phone number.',
  UpdateCustomerInput: 'Changes to a customer; a field left out stays as it is.',
  'UpdateCustomerInput.email': 'Main e-mail address.',
  'UpdateCustomerInput.name': 'The customer’s name.',
  'UpdateCustomerInput.ownerId': 'A new owner (SALES_MANAGER or ADMIN only); its alerts follow it.',
  'UpdateCustomerInput.paymentTermsDays': 'Days from invoice to due date.',
  'UpdateCustomerInput.phone': 'Main phone number.',

  // Credit
  Credit: 'A customer’s credit position, computed from its orders, invoices and payments when read.',
  'Credit.holdReason': 'Why it was put on hold; null when not on hold by hand.',
  'Credit.onHold': 'true when a hold was placed by hand.',
  'Credit.status': 'OK, WARNING, OVER_LIMIT or ON_HOLD: the first that applies.',
  CreditStatus: 'What a customer’s credit allows, decided by the rules in the contract.',
  'CreditStatus.OK': 'Within its limit, nothing overdue.',
  'CreditStatus.WARNING': 'At 80 % of its limit or more, or something is overdue.',
  'CreditStatus.OVER_LIMIT': 'Exposure is above the limit.',
  'CreditStatus.ON_HOLD': 'On hold (by hand, or an invoice over 60 days late): new orders are refused.',
  CreditCheck: 'Whether an amount would pass the credit check now, with the figures.',
  'CreditCheck.approved': 'true when it would pass.',
  'CreditCheck.exposureAfter': 'Exposure with the amount added.',
  'CreditCheck.exposureBefore': 'Exposure now.',
  'CreditCheck.limit': 'The credit limit; null when there is none.',

  // Catalog and stock
  Product: 'Something we sell, with its price and stock.',
  'Product.name': 'The product’s name.',
  'Product.reorderPoint': 'LOW_STOCK is raised when available stock falls below this.',
  'Product.sku': 'The stock-keeping unit, unique.',
  'Product.stock': 'Stock on hand, reserved and available now.',
  'Product.unitCost': 'What one unit costs us.',
  'Product.unitPrice': 'The list price of one unit, before tax.',
  Stock: 'A product’s stock: available = onHand − reserved.',
  'Stock.onHand': 'Units in the warehouse.',
  'Stock.reserved': 'Units reserved by confirmed orders, not yet shipped.',
  CreateProductInput: 'A new product (ADMIN or SALES_MANAGER).',
  'CreateProductInput.name': 'The product’s name.',
  'CreateProductInput.reorderPoint': 'Raise LOW_STOCK below this many available units (default 0).',
  'CreateProductInput.sku': 'A unique stock-keeping unit.',
  'CreateProductInput.unitCost': 'What one unit costs us (default 0.00).',
  'CreateProductInput.unitPrice': 'The list price of one unit, before tax.',
  ReceiveStockInput: 'Units received into the warehouse.',
  'ReceiveStockInput.productId': 'The product received.',
  'ReceiveStockInput.quantity': 'How many units (at least 1).',
  'ReceiveStockInput.reference': 'A delivery note or other reference.',

  // Orders and shipments
  Order: 'A customer’s order: DRAFT → CONFIRMED → (PARTIALLY_)SHIPPED → INVOICED, or CANCELLED.',
  'Order.lines': 'What was ordered.',
  'Order.number': 'The order number (SO-…).',
  'Order.orderDate': 'The date of the order.',
  'Order.status': 'Where the order stands.',
  'Order.subtotal': 'Σ line nets.',
  'Order.taxTotal': 'Σ line taxes.',
  'Order.total': 'subtotal + taxTotal.',
  OrderLine: 'One product on an order, priced when the order was made.',
  'OrderLine.discountPercent': 'The discount given, in percent.',
  'OrderLine.invoicedQuantity': 'Units already invoiced.',
  'OrderLine.product': 'The product ordered.',
  'OrderLine.quantity': 'Units ordered.',
  'OrderLine.shippedQuantity': 'Units already shipped.',
  'OrderLine.taxAmount': 'round(lineTotal × tax rate, 2).',
  'OrderLine.unitPrice': 'The price of one unit on this order.',
  OrderLineInput: 'One line of a new order; it is priced from the catalog.',
  'OrderLineInput.discountPercent': 'Discount in percent (0 to 100; a rep up to its limit).',
  'OrderLineInput.productId': 'The product.',
  'OrderLineInput.quantity': 'Units (at least 1).',
  CreateOrderInput: 'A new draft order.',
  'CreateOrderInput.customerId': 'The customer who orders.',
  'CreateOrderInput.lines': 'The products and quantities (at least one).',
  OrderStatus: 'Where an order stands.',
  'OrderStatus.DRAFT': 'Being prepared; nothing reserved.',
  'OrderStatus.CONFIRMED': 'Credit checked and stock reserved.',
  'OrderStatus.PARTIALLY_SHIPPED': 'Some units shipped.',
  'OrderStatus.SHIPPED': 'Every unit shipped.',
  'OrderStatus.INVOICED': 'Every unit shipped and invoiced.',
  'OrderStatus.CANCELLED': 'Cancelled before anything shipped; its reservation released.',
  Shipment: 'Units that left the warehouse for one order.',
  'Shipment.lines': 'What was shipped.',
  'Shipment.shippedAt': 'When it was shipped (UTC).',
  ShipmentLine: 'Units of one product in a shipment.',
  'ShipmentLine.product': 'The product shipped.',
  'ShipmentLine.quantity': 'Units shipped.',
  ShipLineInput: 'Units of one product to ship.',
  'ShipLineInput.productId': 'The product.',
  'ShipLineInput.quantity': 'Units to ship (at least 1, at most what is left).',

  // Invoices, payments, aging
  Invoice: 'What a customer owes for shipped units.',
  'Invoice.amountPaid': 'Σ payments allocated to it.',
  'Invoice.balanceDue': 'total − amountPaid.',
  'Invoice.customer': 'The customer invoiced.',
  'Invoice.dueDate': 'issueDate + the customer’s payment terms.',
  'Invoice.issueDate': 'The date of the invoice.',
  'Invoice.number': 'The invoice number (INV-…).',
  'Invoice.order': 'The order it bills.',
  'Invoice.status': 'OPEN, PARTIALLY_PAID or PAID, by its payments.',
  'Invoice.subtotal': 'Σ line nets.',
  'Invoice.taxTotal': 'Σ line taxes.',
  'Invoice.total': 'subtotal + taxTotal.',
  InvoiceStatus: 'How much of an invoice is paid.',
  'InvoiceStatus.OPEN': 'Nothing paid yet.',
  'InvoiceStatus.PARTIALLY_PAID': 'Part paid.',
  'InvoiceStatus.PAID': 'Paid in full.',
  Payment: 'Money received from a customer.',
  'Payment.amount': 'How much was received.',
  'Payment.customer': 'Who paid.',
  'Payment.receivedOn': 'When it was received.',
  'Payment.reference': 'The bank reference or other note.',
  'Payment.unappliedAmount': 'What is not allocated to an invoice (customer credit).',
  PaymentAllocation: 'Part of a payment applied to one invoice.',
  'PaymentAllocation.amount': 'How much of the payment went to the invoice.',
  'PaymentAllocation.invoice': 'The invoice paid.',
  PaymentAllocationInput: 'Apply part of a payment to one invoice.',
  'PaymentAllocationInput.amount': 'How much (at most the invoice’s balance).',
  'PaymentAllocationInput.invoiceId': 'The invoice.',
  RecordPaymentInput: 'A payment received from a customer.',
  'RecordPaymentInput.amount': 'How much was received (more than 0).',
  'RecordPaymentInput.customerId': 'Who paid.',
  'RecordPaymentInput.reference': 'The bank reference or other note.',
  AgingBuckets: 'Open balances by days past due.',
  'AgingBuckets.notDue': 'Not yet due.',
  'AgingBuckets.days1To30': '1 to 30 days past due.',
  'AgingBuckets.days31To60': '31 to 60 days past due.',
  'AgingBuckets.days61To90': '61 to 90 days past due.',
  'AgingBuckets.over90': 'More than 90 days past due.',
  'AgingBuckets.total': 'Σ of the buckets.',
  AgingRow: 'One customer’s open balances by days past due.',
  'AgingRow.customer': 'The customer.',
  'AgingRow.notDue': 'Not yet due.',
  'AgingRow.days1To30': '1 to 30 days past due.',
  'AgingRow.days31To60': '31 to 60 days past due.',
  'AgingRow.days61To90': '61 to 90 days past due.',
  'AgingRow.over90': 'More than 90 days past due.',
  'AgingRow.total': 'Σ of the buckets.',
  ReceivablesAging: 'Receivables aging at a date: each customer’s open balances by days past due.',
  'ReceivablesAging.asOf': 'The date it is computed at.',
  'ReceivablesAging.customers': 'One row per customer that owes something.',
  'ReceivablesAging.total': 'The customers added up.',

  // Alerts
  Alert: 'Something that happened that someone should know, written with the change that raised it.',
  'Alert.acknowledgedAt': 'When someone acknowledged it; null until then.',
  'Alert.createdAt': 'When it was raised (UTC).',
  'Alert.customer': 'The customer it is about, if any.',
  'Alert.invoice': 'The invoice it is about, if any.',
  'Alert.kind': 'What happened.',
  'Alert.message': 'One line saying what happened.',
  'Alert.order': 'The order it is about, if any.',
  'Alert.product': 'The product it is about, if any.',
  'Alert.severity': 'How serious it is.',
  AlertKind: 'What an alert is about.',
  'AlertKind.CREDIT_LIMIT_EXCEEDED': 'An order was refused for credit.',
  'AlertKind.CREDIT_WARNING': 'A customer’s credit moved to WARNING or OVER_LIMIT.',
  'AlertKind.CREDIT_HOLD': 'A customer was put on hold, by hand or for overdue invoices.',
  'AlertKind.INVOICE_OVERDUE': 'An invoice passed its due date unpaid.',
  'AlertKind.LOW_STOCK': 'A product’s available stock fell below its reorder point.',
  'AlertKind.SLA_BREACH': 'A ticket passed its SLA deadline unresolved.',
  'AlertKind.DEAL_WON': 'A deal was won.',
  AlertSeverity: 'How serious an alert is.',
  'AlertSeverity.INFO': 'Good to know.',
  'AlertSeverity.WARNING': 'Needs attention soon.',
  'AlertSeverity.CRITICAL': 'Needs attention now.',

  // Users
  User: 'Someone who signs in; the role decides what it may read and write.',
  'User.email': 'The sign-in e-mail, lower-cased.',
  'User.name': 'The user’s name.',
  'User.role': 'What the user may read and write now.',
  'Role.ADMIN': 'Everything, users included.',
  'Role.SALES_MANAGER': 'Every customer and all about it; approves discounts; reassigns customers.',
  'Role.SALES_REP': 'The customers it owns and all about them.',
  'Role.FINANCE': 'Every customer, credit limits and holds, invoices, payments.',
  'Role.WAREHOUSE': 'Products, stock, orders (lines and status), shipments.',
  'Role.SUPPORT': 'Customers, contacts, activities, tickets and credit status.',
  CreateUserInput: 'A new user (ADMIN only).',
  'CreateUserInput.email': 'The sign-in e-mail.',
  'CreateUserInput.name': 'The user’s name.',
  'CreateUserInput.password': 'At least 8 characters.',
  'CreateUserInput.role': 'What the user may read and write.',
  'UpdateUserInput.name': 'The user’s name.',
  LoginPayload: 'The outcome of signing in.',
  'LoginPayload.token': 'The signed token to send as Authorization: Bearer <token>; null when refused.',
  'LoginPayload.user': 'Who signed in; null when refused.',

  // Root fields and their arguments
  Query: 'Reads. A field the viewer’s role may not read fails at its path with FORBIDDEN; the rest still arrives.',
  Mutation: 'Writes. Each runs in one transaction and returns userErrors instead of writing when a rule refuses it.',
  Subscription: 'Live feeds over graphql-ws on the same URL.',
  'Query.product': 'One product by id; null when there is none.',
  'Query.alerts(unacknowledged:)': 'true: only alerts not yet acknowledged; false: only acknowledged ones.',
  'Query.contacts(search:)': 'Only contacts whose name or e-mail contains this text.',
  'Query.creditCheck(amount:)': 'The amount to check, as an order total.',
  'Query.creditCheck(customerId:)': 'The customer.',
  'Query.customers(filter:)': 'Narrows the list.',
  'Query.products(lowStock:)': 'true: only products whose available stock is below their reorder point.',
  'Query.receivablesAging(asOf:)': 'The date to compute at (default today, UTC).',
  'Subscription.alertRaised(after:)': 'Resume: first every later alert the viewer may see (oldest first), then live ones.',
  'Subscription.alertRaised(kinds:)': 'Only these kinds.',
  'Mutation.acknowledgeAlert': 'Marks an alert read for everyone who may see it.',
  'Mutation.cancelOrder': 'Cancels a DRAFT or CONFIRMED order with nothing shipped and releases its reservation.',
  'Mutation.cancelOrder(reason:)': 'Why it was cancelled.',
  'Mutation.createContact': 'Adds a person to a customer.',
  'Mutation.createCustomer': 'Creates a customer.',
  'Mutation.createOrder': 'Creates a DRAFT order priced from the catalog.',
  'Mutation.invoiceOrder(issueDate:)': 'The invoice date (default today; not before the order, within the back-dating window).',
  'Mutation.login(email:)': 'The sign-in e-mail.',
  'Mutation.login(password:)': 'The password.',
  'Mutation.placeCreditHold(reason:)': 'Why the customer is put on hold.',
  'Mutation.setCreditLimit(limit:)': 'The new limit; null for no limit, "0.00" for nothing on credit.',
  'Mutation.shipOrder(lines:)': 'What to ship; without it, everything not yet shipped.',
  'Mutation.updateCustomer': 'Changes a customer; a new owner takes its alerts with it.',
};

/** Wordings shared by many elements of one kind. */
function generic(typeName: string, fieldName?: string, argName?: string): string | undefined {
  if (argName === 'first') return 'How many to return (1 to 100).';
  if (argName === 'after') return 'Continue after this cursor (a previous page’s pageInfo.endCursor).';
  if (argName === 'id') return `The id of the ${fieldName?.replace(/^(acknowledge|accept|approve|cancel|confirm|convert|move|send|ship|update)/, '').toLowerCase() || 'item'}.`;
  if (argName === 'input') return 'What to write.';
  if (argName === 'customerId') return 'The customer.';
  if (argName === 'orderId') return 'The order.';
  if (argName) return undefined;
  if (fieldName === 'id') return `The ${typeName}’s stable, opaque id.`;
  if (typeName.endsWith('Payload')) {
    if (!fieldName) return 'What a mutation returns: what it wrote, or the userErrors that refused it with nothing written.';
    if (fieldName === 'userErrors') return 'Why the request was refused (code, input path, message); empty when it succeeded.';
    return `The ${fieldName} as written; null when the request was refused.`;
  }
  return undefined;
}

/** Fills in the descriptions above on a built schema; throws on an entry that names nothing or something already described. */
export function describeSchema(schema: GraphQLSchema): GraphQLSchema {
  const used = new Set<string>();
  const twice: string[] = [];
  const describe = (coordinate: string, current: string | null | undefined, fallback: string | undefined, set: (d: string) => void) => {
    const given = DESCRIPTIONS[coordinate];
    if (given !== undefined) {
      used.add(coordinate);
      if (current) twice.push(coordinate);
      else set(given);
    } else if (!current && fallback) set(fallback);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    describe(type.name, type.description, generic(type.name), (d) => (type.description = d));
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      const fields: (GraphQLField<unknown, unknown> | GraphQLInputField)[] = Object.values<GraphQLField<unknown, unknown> | GraphQLInputField>(type.getFields());
      for (const field of fields) {
        describe(`${type.name}.${field.name}`, field.description, generic(type.name, field.name), (d) => (field.description = d));
        const args: readonly GraphQLArgument[] = 'args' in field ? field.args : [];
        for (const arg of args) {
          describe(`${type.name}.${field.name}(${arg.name}:)`, arg.description, generic(type.name, field.name, arg.name), (d) => (arg.description = d));
        }
      }
    }
    if (isEnumType(type)) for (const value of type.getValues()) describe(`${type.name}.${value.name}`, value.description, undefined, (d) => (value.description = d));
  }
  const unknown = Object.keys(DESCRIPTIONS).filter((c) => !used.has(c));
  if (unknown.length) throw new Error(`schema-descriptions.ts names elements the schema does not have: ${unknown.join(', ')}`);
  if (twice.length) throw new Error(`schema-descriptions.ts describes elements whose decorators already do: ${twice.join(', ')}`);
  return schema;
}
