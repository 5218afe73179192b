import type { EntityManager } from '@mikro-orm/postgresql';
import * as domain from '@tandem/domain';
import { may, requireViewer } from '../../auth/policy';
import type { Viewer } from '../../auth/viewer';
import type { Policy } from '../../services';
import { todayUtc } from '../../db/sql';
import { lockCustomer } from '../../db/locks';
import { inTransaction, refused, refusedFromDomain, type MutationResult } from '../../db/transaction';
import { parseDecimalArg, parseMoneyArg } from '../../graphql/money-args';
import { Refused, UserErrorCode } from '../../graphql/user-error.type';
import { Product } from '../catalog/product.entity';
import type { Customer } from '../customers/customer.entity';
import { customerRef } from '../customers/customer.mapper';
import { User } from '../users/user.entity';
import { Order, OrderStatus } from './order.entity';
import { OrderLine } from './order-line.entity';
import type { CreateOrderInput } from './order.type';

/**
 * Creating a draft order: prices and totals from the domain, nothing reserved
 * yet. A price concession that a quote would need approval for (a discount
 * over the rep's limit, a price below list) only an approver may give; the
 * order date stays within the back-dating window.
 */
export class OrderService {
  constructor(private readonly policy: Policy) {}

  async createOrder(em: EntityManager, viewer: Viewer | null, input: CreateOrderInput): Promise<MutationResult<Order>> {
    const v = requireViewer(viewer);
    if (!may.writeOrders(v)) return refused(UserErrorCode.FORBIDDEN, 'Your role may not create orders.');
    // A transport guard; the business rules on lines are the domain's (priceOrderLines).
    if (input.lines.length > 500) return refused(UserErrorCode.BAD_USER_INPUT, 'An order has at most 500 lines.', ['input', 'lines']);
    const parsed = input.lines.map((l, i) => ({
      productId: l.productId,
      quantity: l.quantity,
      unitPrice: l.unitPrice == null ? null : parseMoneyArg(l.unitPrice, ['input', 'lines', String(i), 'unitPrice'], { min: '0' }),
      discountPercent: parseDecimalArg(l.discountPercent ?? '0', ['input', 'lines', String(i), 'discountPercent'], 4),
    }));
    const orderDate = input.orderDate ?? todayUtc();
    const dated = domain.checkDocumentDate({ date: orderDate, today: todayUtc(), what: 'An order', field: ['input', 'orderDate'] }, this.policy.backdatingDays);
    if (!dated.ok) return refused(dated.code, dated.message, dated.field);
    return inTransaction(em, v, async (tx, events) => {
      const customer = await lockCustomer(tx, v, input.customerId, ['input', 'customerId']);
      const products = new Map((await tx.find(Product, { id: { $in: [...new Set(parsed.map((l) => l.productId))] } })).map((p) => [p.id, p]));
      const lines = parsed.map((l, i) => {
        const product = products.get(l.productId);
        if (!product) throw new Refused(UserErrorCode.NOT_FOUND, 'No such product.', ['input', 'lines', String(i), 'productId']);
        return { ...l, unitPrice: l.unitPrice ?? product.unitPrice, listPrice: product.unitPrice, taxRate: product.taxRate };
      });
      const priced = domain.priceOrderLines(lines);
      if (!priced.ok) throw refusedFromDomain(priced);
      const concessions = domain.checkOrderConcessions(lines, v.role);
      if (!concessions.ok) throw refusedFromDomain(concessions);
      const order = await persistDraftOrder(tx, {
        customer,
        orderDate,
        createdById: v.id,
        lines: lines.map((l) => ({ ...l, product: products.get(l.productId)! })),
        priced: priced.value,
      });
      events.record({ type: 'OrderCreated', customer: customerRef(customer), order: { orderId: order.id, orderNumber: order.number }, total: order.total });
      return order;
    });
  }
}

/** One line of a new order, priced: the product, what was agreed, and the catalog tax rate. */
export interface DraftOrderLine {
  product: Product;
  quantity: number;
  unitPrice: string;
  discountPercent: string;
  taxRate: string;
}

/** The stored fields of priced document lines (order or quote lines), numbered from 1, with the domain's net and tax per line. */
export function pricedLineFields(lines: readonly DraftOrderLine[], priced: domain.PricedDocument) {
  return priced.lines.map((p, i) => ({
    lineNo: i + 1,
    product: lines[i].product,
    quantity: lines[i].quantity,
    unitPrice: lines[i].unitPrice,
    discountPercent: lines[i].discountPercent,
    taxRate: lines[i].taxRate,
    lineNet: domain.formatMoney(p.net),
    taxAmount: domain.formatMoney(p.tax),
  }));
}

/**
 * Writes a DRAFT order with its lines and totals as the domain priced them
 * (createOrder, and accepting a quote), numbered from the order sequence and
 * flushed. Nothing is reserved: confirmation makes the credit and stock check.
 */
export async function persistDraftOrder(
  tx: EntityManager,
  d: { customer: Customer; orderDate: string; createdById: string; lines: readonly DraftOrderLine[]; priced: domain.PricedDocument },
): Promise<Order> {
  const order = tx.create(Order, {
    number: await nextNumber(tx, 'order_number_seq', 'SO'),
    customer: d.customer,
    orderDate: d.orderDate,
    subtotal: domain.formatMoney(d.priced.subtotal),
    taxTotal: domain.formatMoney(d.priced.taxTotal),
    total: domain.formatMoney(d.priced.total),
    createdBy: tx.getReference(User, d.createdById),
  });
  for (const fields of pricedLineFields(d.lines, d.priced)) order.lines.add(tx.create(OrderLine, { order, ...fields }));
  await tx.flush();
  return order;
}

/** The next human-readable document number from a PostgreSQL sequence, e.g. SO-000042. */
export async function nextNumber(
  tx: EntityManager,
  sequence: 'order_number_seq' | 'invoice_number_seq' | 'quote_number_seq' | 'purchase_order_number_seq' | 'supplier_bill_number_seq',
  prefix: string,
): Promise<string> {
  const [{ n }] = await tx.execute<{ n: string }[]>(`select nextval('${sequence}') as n`);
  return `${prefix}-${n.padStart(6, '0')}`;
}

export { OrderStatus };
