import type { EntityClass, FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { canReadCustomer, canReadLead, customerScope } from '../auth/policy';
import type { Viewer } from '../auth/viewer';
import { Refused, UserErrorCode } from '../graphql/user-error.type';
import { Product } from '../modules/catalog/product.entity';
import { Customer } from '../modules/customers/customer.entity';
import { Lead } from '../modules/crm/lead.entity';
import { Opportunity } from '../modules/crm/opportunity.entity';
import { Quote } from '../modules/crm/quote.entity';
import { Ticket } from '../modules/crm/ticket.entity';
import { Order, type OrderStatus } from '../modules/orders/order.entity';
import { PurchaseOrder } from '../modules/purchasing/purchase-order.entity';
import { SupplierBill } from '../modules/purchasing/supplier-bill.entity';
import { Invoice, InvoiceStatus } from '../modules/receivables/invoice.entity';
import { query } from './sql';

/**
 * Every row lock a write takes, in one place, in one global order:
 *
 *   lead → customer → order → quote → opportunity → ticket → purchase order → supplier bill → the customer's open invoices (due date order) → products (id order) → the ledger → the alert outbox
 *
 * A transaction takes what it needs in that order and may skip levels, so two
 * writes can never wait on each other in a cycle. Why these locks:
 * - the customer row queues every write that changes what a credit check reads
 *   (exposure: orders, invoices, payments, limit, hold), so a check and the
 *   reservation it approves are one step;
 * - a lead row serialises its moves and its conversion (converted once);
 * - a purchase order row serialises its receipts and the bills against it, a supplier bill row its payments;
 * - the order row serialises moves of one order's lifecycle, the quote row those of a quote (accepted once), the opportunity row those of a deal, the ticket row those of a ticket;
 * - open invoices are locked by a payment that applies to them;
 * - product rows serialise stock moves (reserve, release, ship, receive) and their valuation;
 * - the ledger's one state row serialises postings (the hash chain's head) and period closes.
 * Shipping takes no customer lock: it changes stock and the order, not
 * exposure (uninvoiced value counts ordered minus invoiced quantities), so it
 * need not queue behind the customer's confirmations, and the warehouse may
 * not read customers at all.
 *
 * Rows are locked `FOR NO KEY UPDATE`: nothing here changes a key, and this
 * mode does not conflict with the `KEY SHARE` locks that inserting a row with
 * a foreign key takes (an order line on its product, an order on its
 * customer), so creating orders never deadlocks with confirmations.
 *
 * Each lock checks the order at run time: taking one out of order throws (a
 * programming error, caught by the tests), before it could deadlock in production.
 */
const RANK = { lead: 0, customer: 1, order: 2, quote: 3, opportunity: 4, ticket: 5, purchaseOrder: 6, bill: 7, invoices: 8, products: 9, ledger: 10, alertOutbox: 11 } as const;
type Level = keyof typeof RANK;

const held = new WeakMap<EntityManager, { rank: number; key: string }>();

function enter(tx: EntityManager, level: Level, key = ''): void {
  const last = held.get(tx);
  const rank = RANK[level];
  if (last && (rank < last.rank || (rank === last.rank && key < last.key))) {
    throw new Error(`lock order violated: ${level} ${key} taken after rank ${last.rank} ${last.key}`);
  }
  held.set(tx, { rank, key });
}

async function lockRows(tx: EntityManager, table: string, ids: readonly string[]): Promise<string[]> {
  const rows = await query<{ id: string }>(tx, `select id from ${table} where id in (?) order by id for no key update`, [ids]);
  return rows.map((r) => r.id);
}

/**
 * A customer, locked, for writing; one the viewer may not see is NOT_FOUND.
 * Visibility is checked first, without a lock, so a customer the viewer may
 * not read answers exactly like one that does not exist: same code, same
 * message, one indexed read, never a wait behind someone else's lock. It is
 * checked again on the locked row, in case the owner changed in between.
 */
export async function lockCustomer(tx: EntityManager, viewer: Viewer, id: string, field: string[], notFound = 'No such customer.'): Promise<Customer> {
  enter(tx, 'customer', id);
  const [row] = await query<{ owner_id: string }>(tx, 'select owner_id from customers where id = ?', [id]);
  if (!row || !canReadCustomer(viewer, row.owner_id)) throw new Refused(UserErrorCode.NOT_FOUND, notFound, field);
  await lockRows(tx, 'customers', [id]);
  const customer = await tx.findOne(Customer, { id }, { refresh: true });
  if (!customer || !canReadCustomer(viewer, customer.owner.id)) throw new Refused(UserErrorCode.NOT_FOUND, notFound, field);
  return customer;
}

/**
 * An order with its lines, locked. Its lines are read after the lock, so they
 * are the ones committed by whoever held it before us.
 */
export async function lockOrder(tx: EntityManager, id: string, field: string[] = ['id']): Promise<Order> {
  enter(tx, 'order', id);
  if ((await lockRows(tx, 'orders', [id])).length === 0) throw new Refused(UserErrorCode.NOT_FOUND, 'No such order.', field);
  return tx.findOneOrFail(Order, { id }, { populate: ['lines'], refresh: true });
}

/**
 * An order and its customer, customer first (an order never changes customer,
 * so reading which one before locking is safe). An order of a customer the
 * viewer may not see is NOT_FOUND.
 */
export async function lockOrderWithCustomer(tx: EntityManager, viewer: Viewer, orderId: string, field: string[] = ['id']): Promise<{ order: Order; customer: Customer }> {
  const [row] = await query<{ customer_id: string }>(tx, 'select customer_id from orders where id = ?', [orderId]);
  if (!row) throw new Refused(UserErrorCode.NOT_FOUND, 'No such order.', field);
  const customer = await lockCustomer(tx, viewer, row.customer_id, field, 'No such order.');
  const order = await lockOrder(tx, orderId, field);
  return { order, customer };
}

/** A locked customer as a write that needs no entity sees it: enough to name it in a business event. */
export interface CustomerRow {
  id: string;
  name: string;
  ownerId: string;
}

/** A locked order as plain row values (money as exact numeric text), with its lines in line order. */
export interface OrderRow {
  id: string;
  number: string;
  status: OrderStatus;
  orderDate: string;
  subtotal: string;
  taxTotal: string;
  total: string;
  customerId: string;
  lines: { id: string; productId: string; quantity: number; shippedQuantity: number; invoicedQuantity: number; unitPrice: string; discountPercent: string; taxRate: string }[];
}

/**
 * lockOrderWithCustomer in two statements and without entities (the
 * confirmation's hot path: MikroORM's hydration and change tracking cost more
 * CPU than the statements themselves).
 *
 * 1. The order's customer, locked only if the viewer may read it: a row the
 *    scope excludes is filtered out before it is locked, so a customer the
 *    viewer may not see is never waited for, and answers like a missing order.
 *    After a wait PostgreSQL checks the condition again on the newest row, so
 *    an owner changed in between is seen (the second check lockCustomer makes).
 * 2. The order, locked, with its lines. The status is the newest row's; the
 *    lines come from the statement's snapshot, taken after the customer lock
 *    was granted. That is the committed state: every write that changes a
 *    DRAFT order or its lines (cancel, confirm, invoice) holds this
 *    customer's lock first, and the only one that takes the order
 *    lock without it (shipping) changes nothing but orders past DRAFT, whose
 *    newer status a caller sees and refuses on.
 */
export async function lockOrderRowWithCustomer(tx: EntityManager, viewer: Viewer, orderId: string, field: string[] = ['id']): Promise<{ order: OrderRow; customer: CustomerRow }> {
  enter(tx, 'customer');
  const scope = customerScope(viewer);
  const visible = scope.kind === 'all' ? { sql: 'true', params: [] } : scope.kind === 'owner' ? { sql: 'c.owner_id = ?', params: [scope.ownerId] } : { sql: 'false', params: [] };
  const [customer] = await query<{ id: string; name: string; owner_id: string }>(
    tx,
    `select c.id, c.name, c.owner_id from customers c where c.id = (select customer_id from orders where id = ?) and ${visible.sql} for no key update of c`,
    [orderId, ...visible.params],
  );
  if (!customer) throw new Refused(UserErrorCode.NOT_FOUND, 'No such order.', field);
  held.set(tx, { rank: RANK.customer, key: customer.id });
  enter(tx, 'order', orderId);
  const [o] = await query<{
    id: string;
    number: string;
    status: OrderStatus;
    order_date: string;
    subtotal: string;
    tax_total: string;
    total: string;
    customer_id: string;
    lines: { id: string; product_id: string; quantity: number; shipped_quantity: number; invoiced_quantity: number; unit_price: string; discount_percent: string; tax_rate: string }[] | null;
  }>(
    tx,
    `select o.id, o.number, o.status, o.order_date::text as order_date, o.subtotal::text as subtotal, o.tax_total::text as tax_total, o.total::text as total, o.customer_id,
            (select json_agg(json_build_object('id', l.id, 'product_id', l.product_id, 'quantity', l.quantity, 'shipped_quantity', l.shipped_quantity,
                                               'invoiced_quantity', l.invoiced_quantity, 'unit_price', l.unit_price::text,
                                               'discount_percent', l.discount_percent::text, 'tax_rate', l.tax_rate::text) order by l.line_no)
               from order_lines l where l.order_id = o.id) as lines
       from orders o where o.id = ? for no key update of o`,
    [orderId],
  );
  if (!o) throw new Refused(UserErrorCode.NOT_FOUND, 'No such order.', field);
  return {
    customer: { id: customer.id, name: customer.name, ownerId: customer.owner_id },
    order: {
      id: o.id,
      number: o.number,
      status: o.status,
      orderDate: o.order_date,
      subtotal: o.subtotal,
      taxTotal: o.tax_total,
      total: o.total,
      customerId: o.customer_id,
      lines: (o.lines ?? []).map((l) => ({
        id: l.id,
        productId: l.product_id,
        quantity: l.quantity,
        shippedQuantity: l.shipped_quantity,
        invoicedQuantity: l.invoiced_quantity,
        unitPrice: l.unit_price,
        discountPercent: l.discount_percent,
        taxRate: l.tax_rate,
      })),
    },
  };
}

/**
 * A row that belongs to one customer for good (a deal, a ticket), with that
 * customer, customer first. One of a customer the viewer may not see is
 * NOT_FOUND, in the same words as one that does not exist.
 */
async function lockWithCustomer<T extends { id: string }>(
  tx: EntityManager,
  viewer: Viewer,
  kind: { level: Level; table: string; entity: EntityClass<T>; notFound: string },
  id: string,
  field: string[],
): Promise<{ row: T; customer: Customer }> {
  const [found] = await query<{ customer_id: string }>(tx, `select customer_id from ${kind.table} where id = ?`, [id]);
  if (!found) throw new Refused(UserErrorCode.NOT_FOUND, kind.notFound, field);
  const customer = await lockCustomer(tx, viewer, found.customer_id, field, kind.notFound);
  enter(tx, kind.level, id);
  await lockRows(tx, kind.table, [id]);
  const row: T = await tx.findOneOrFail(kind.entity, { id } as FilterQuery<T>, { refresh: true });
  return { row, customer };
}

/** An opportunity and its customer (lockWithCustomer). */
export async function lockOpportunityWithCustomer(tx: EntityManager, viewer: Viewer, id: string, field: string[] = ['id']): Promise<{ opportunity: Opportunity; customer: Customer }> {
  const { row, customer } = await lockWithCustomer(tx, viewer, { level: 'opportunity', table: 'opportunities', entity: Opportunity, notFound: 'No such opportunity.' }, id, field);
  return { opportunity: row, customer };
}

/** A ticket and its customer (lockWithCustomer). */
export async function lockTicketWithCustomer(tx: EntityManager, viewer: Viewer, id: string, field: string[] = ['id']): Promise<{ ticket: Ticket; customer: Customer }> {
  const { row, customer } = await lockWithCustomer(tx, viewer, { level: 'ticket', table: 'tickets', entity: Ticket, notFound: 'No such ticket.' }, id, field);
  return { ticket: row, customer };
}

/** A quote with its lines, and its customer (lockWithCustomer). */
export async function lockQuoteWithCustomer(tx: EntityManager, viewer: Viewer, id: string, field: string[] = ['id']): Promise<{ quote: Quote; customer: Customer }> {
  const { row, customer } = await lockWithCustomer(tx, viewer, { level: 'quote', table: 'quotes', entity: Quote, notFound: 'No such quote.' }, id, field);
  await tx.populate(row, ['lines'], { refresh: true });
  return { quote: row, customer };
}

/** A purchase order with its lines, locked (what was received and billed is read after the lock). */
export async function lockPurchaseOrder(tx: EntityManager, id: string, field: string[] = ['id']): Promise<PurchaseOrder> {
  enter(tx, 'purchaseOrder', id);
  if ((await lockRows(tx, 'purchase_orders', [id])).length === 0) throw new Refused(UserErrorCode.NOT_FOUND, 'No such purchase order.', field);
  return tx.findOneOrFail(PurchaseOrder, { id }, { populate: ['lines'], refresh: true });
}

/** A supplier bill, locked. */
export async function lockSupplierBill(tx: EntityManager, id: string, field: string[] = ['id']): Promise<SupplierBill> {
  enter(tx, 'bill', id);
  if ((await lockRows(tx, 'supplier_bills', [id])).length === 0) throw new Refused(UserErrorCode.NOT_FOUND, 'No such bill.', field);
  return tx.findOneOrFail(SupplierBill, { id }, { refresh: true });
}

/** A lead, locked; one the viewer may not read (a rep: another rep's) is NOT_FOUND, like one that does not exist. */
export async function lockLead(tx: EntityManager, viewer: Viewer, id: string, field: string[] = ['id']): Promise<Lead> {
  enter(tx, 'lead', id);
  const [row] = await query<{ owner_id: string }>(tx, 'select owner_id from leads where id = ?', [id]);
  if (!row || !canReadLead(viewer, row.owner_id)) throw new Refused(UserErrorCode.NOT_FOUND, 'No such lead.', field);
  await lockRows(tx, 'leads', [id]);
  return tx.findOneOrFail(Lead, { id }, { refresh: true });
}

/** A customer's OPEN and PARTIALLY_PAID invoices, locked, oldest due date first. */
export async function lockOpenInvoices(tx: EntityManager, customerId: string): Promise<Invoice[]> {
  enter(tx, 'invoices', customerId);
  const open = [InvoiceStatus.OPEN, InvoiceStatus.PARTIALLY_PAID];
  const rows = await query<{ id: string }>(tx, 'select id from invoices where customer_id = ? and status in (?) order by due_date, number for no key update', [customerId, open]);
  if (rows.length === 0) return [];
  return tx.find(Invoice, { id: { $in: rows.map((r) => r.id) } }, { orderBy: { dueDate: 'asc', number: 'asc' }, refresh: true });
}

/** Products locked in id order, so concurrent stock moves cannot deadlock on them. */
export async function lockProducts(tx: EntityManager, ids: readonly string[]): Promise<Map<string, Product>> {
  const unique = [...new Set(ids)].sort();
  if (unique.length === 0) return new Map();
  enter(tx, 'products', unique[0]);
  const locked = await lockRows(tx, 'products', unique);
  held.set(tx, { rank: RANK.products, key: unique[unique.length - 1] });
  const products = locked.length ? await tx.find(Product, { id: { $in: locked } }, { refresh: true }) : [];
  return new Map(products.map((p) => [p.id, p]));
}

/** A product's stock as a locked row (no entity). */
export interface StockRow {
  id: string;
  sku: string;
  onHand: number;
  reserved: number;
  reorderPoint: number;
}

/** lockProducts in one statement and without entities: the locked rows' stock, by id. */
export async function lockProductStock(tx: EntityManager, ids: readonly string[]): Promise<Map<string, StockRow>> {
  const unique = [...new Set(ids)].sort();
  if (unique.length === 0) return new Map();
  enter(tx, 'products', unique[0]);
  const rows = await query<{ id: string; sku: string; on_hand: number; reserved: number; reorder_point: number }>(
    tx,
    'select id, sku, on_hand, reserved, reorder_point from products where id in (?) order by id for no key update',
    [unique],
  );
  held.set(tx, { rank: RANK.products, key: unique[unique.length - 1] });
  return new Map(rows.map((r) => [r.id, { id: r.id, sku: r.sku, onHand: r.on_hand, reserved: r.reserved, reorderPoint: r.reorder_point }]));
}

/** The ledger's state (closed date, the hash chain's head), locked: postings and closes queue here, after every row lock. */
export async function lockLedger(tx: EntityManager): Promise<{ closedThrough: string | null; headNumber: bigint; headHash: string }> {
  enter(tx, 'ledger');
  const [row] = await query<{ closed_through: string | null; head_number: string; head_hash: string }>(
    tx,
    `select closed_through::text as closed_through, head_number::text as head_number, head_hash from ledger_state where id = 1 for update`,
  );
  return { closedThrough: row.closed_through, headNumber: BigInt(row.head_number), headHash: row.head_hash };
}

/**
 * The outbox lock, last of all: it serialises alert writers until they
 * commit, so alert ids become visible in increasing order and a reader
 * resuming "after id N" never misses one that committed late with a smaller id.
 */
export async function lockAlertOutbox(tx: EntityManager): Promise<void> {
  await query(tx, `select ${alertOutboxLockSql(tx)}`);
}

/**
 * The outbox lock as an SQL expression, for a statement that takes it and
 * then writes (the alert writer: lock, insert and NOTIFY in one round trip).
 * Checks the lock order like every lock here.
 */
export function alertOutboxLockSql(tx: EntityManager): string {
  enter(tx, 'alertOutbox');
  return `pg_advisory_xact_lock(hashtext('tandem:alerts'))`;
}

/*
 * Job locks: not part of the row order above, since no write holds them with
 * row locks. Each is transaction-scoped and ends with its transaction.
 */

/** True when this transaction may run the time-based alert scan (no other instance is running it). */
export async function tryLockAlertScan(tx: EntityManager): Promise<boolean> {
  const [{ locked }] = await query<{ locked: boolean }>(tx, `select pg_try_advisory_xact_lock(hashtext('tandem:alert-scan')) as locked`);
  return locked;
}

/** Serialises the first start of several instances on an empty database (one creates the first admin). */
export async function lockFirstAdmin(tx: EntityManager): Promise<void> {
  await query(tx, `select pg_advisory_xact_lock(hashtext('tandem:first-admin'))`);
}
