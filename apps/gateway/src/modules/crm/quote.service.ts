import type { EntityManager } from '@mikro-orm/postgresql';
import * as domain from '@tandem/domain';
import { may, requireViewer } from '../../auth/policy';
import type { Viewer } from '../../auth/viewer';
import { lockCustomer, lockQuoteWithCustomer } from '../../db/locks';
import { query, todayUtc } from '../../db/sql';
import { inTransaction, refused, refusedFromDomain, type MutationResult } from '../../db/transaction';
import type { EventLog } from '../../events/event-log';
import { isUuid } from '../../graphql/ids';
import { parseDecimalArg, parseMoneyArg } from '../../graphql/money-args';
import { Refused, UserErrorCode } from '../../graphql/user-error.type';
import { Product } from '../catalog/product.entity';
import type { Customer } from '../customers/customer.entity';
import { customerRef } from '../customers/customer.mapper';
import { Order } from '../orders/order.entity';
import { nextNumber, persistDraftOrder, pricedLineFields } from '../orders/order.service';
import { User } from '../users/user.entity';
import { Quote, QuoteStatus } from './quote.entity';
import type { CreateQuoteInput } from './quote.input';
import { QuoteLine } from './quote-line.entity';

/** The most lines one quote may carry (a transport guard, like orders'). */
const MAX_QUOTE_LINES = 500;

const quoteRef = (q: Quote): domain.QuoteRef => ({ quoteId: q.id, quoteNumber: q.number, total: q.total });

/**
 * Quotes (CPQ): priced from the catalog exactly like orders, approved by a
 * manager when a concession exceeds the rep's limit, sent, and accepted once
 * into a DRAFT order whose confirmation makes the same credit and stock check
 * as any order's. The rules are the domain's (quotes, pricing).
 */
export class QuoteService {
  async create(em: EntityManager, viewer: Viewer | null, input: CreateQuoteInput): Promise<MutationResult<Quote>> {
    const v = requireViewer(viewer);
    if (!may.writeQuotes(v)) return refused(UserErrorCode.FORBIDDEN, 'Your role may not create quotes.');
    if (input.lines.length === 0) return refused(UserErrorCode.BAD_USER_INPUT, 'A quote needs at least one line.', ['input', 'lines']);
    if (input.lines.length > MAX_QUOTE_LINES) return refused(UserErrorCode.BAD_USER_INPUT, `A quote has at most ${MAX_QUOTE_LINES} lines.`, ['input', 'lines']);
    if (!isUuid(input.customerId)) return refused(UserErrorCode.NOT_FOUND, 'No such customer.', ['input', 'customerId']);
    if (input.opportunityId != null && !isUuid(input.opportunityId)) return refused(UserErrorCode.NOT_FOUND, 'No such opportunity.', ['input', 'opportunityId']);
    const parsed = input.lines.map((l, i) => {
      const at = ['input', 'lines', String(i)];
      if (!isUuid(l.productId)) throw new Refused(UserErrorCode.NOT_FOUND, 'No such product.', [...at, 'productId']);
      return {
        productId: l.productId.toLowerCase(),
        quantity: l.quantity,
        unitPrice: l.unitPrice == null ? null : parseMoneyArg(l.unitPrice, [...at, 'unitPrice'], { min: '0' }),
        discountPercent: parseDecimalArg(l.discountPercent ?? '0', [...at, 'discountPercent'], 4),
      };
    });
    return inTransaction(em, v, async (tx, events) => {
      const customer = await lockCustomer(tx, v, input.customerId, ['input', 'customerId']);
      if (input.opportunityId != null) {
        const [deal] = await query(tx, 'select 1 from opportunities where id = ? and customer_id = ?', [input.opportunityId, customer.id]);
        if (!deal) throw new Refused(UserErrorCode.NOT_FOUND, 'No such opportunity for this customer.', ['input', 'opportunityId']);
      }
      const products = new Map((await tx.find(Product, { id: { $in: [...new Set(parsed.map((l) => l.productId))] } })).map((p) => [p.id, p]));
      const lines = parsed.map((l, i) => {
        const product = products.get(l.productId);
        if (!product) throw new Refused(UserErrorCode.NOT_FOUND, 'No such product.', ['input', 'lines', String(i), 'productId']);
        return { ...l, product, unitPrice: l.unitPrice ?? product.unitPrice, listPrice: product.unitPrice, taxRate: product.taxRate };
      });
      const submitted = domain.submitQuote({ status: 'DRAFT', lines, validUntil: input.validUntil ?? null, today: todayUtc() });
      if (!submitted.ok) throw refusedFromDomain(submitted);
      const s = submitted.value;
      const quote = tx.create(Quote, {
        number: await nextNumber(tx, 'quote_number_seq', 'QT'),
        customer,
        opportunity: input.opportunityId ?? null,
        createdBy: tx.getReference(User, v.id),
        status: s.status as QuoteStatus,
        validUntil: s.validUntil,
        requiresApproval: s.requiresApproval,
        subtotal: domain.formatMoney(s.priced.subtotal),
        taxTotal: domain.formatMoney(s.priced.taxTotal),
        total: domain.formatMoney(s.priced.total),
      });
      for (const fields of pricedLineFields(lines, s.priced)) quote.lines.add(tx.create(QuoteLine, { quote, ...fields }));
      await tx.flush();
      events.record({ type: 'QuoteCreated', customer: customerRef(customer), quote: quoteRef(quote), status: quote.status });
      return quote;
    });
  }

  /** A pending quote, approved by a SALES_MANAGER or ADMIN while it is still valid. */
  async approve(em: EntityManager, viewer: Viewer | null, id: string): Promise<MutationResult<Quote>> {
    return this.move(viewer, id, may.approveQuotes, 'Only a SALES_MANAGER or ADMIN may approve quotes.', em, async (tx, v, quote, customer, events) => {
      const move = domain.approveQuote({ status: quote.status, validUntil: quote.validUntil }, v.role, todayUtc());
      if (!move.ok) throw refusedFromDomain(move, ['id']);
      quote.status = move.value as QuoteStatus;
      quote.approvedBy = tx.getReference(User, v.id, { wrapped: true });
      events.record({ type: 'QuoteApproved', customer: customerRef(customer), quote: quoteRef(quote) });
    });
  }

  /** An approved, unexpired quote goes to the customer. */
  async send(em: EntityManager, viewer: Viewer | null, id: string): Promise<MutationResult<Quote>> {
    return this.move(viewer, id, may.writeQuotes, 'Your role may not send quotes.', em, async (_tx, _v, quote, customer, events) => {
      const move = domain.moveQuote({ status: quote.status, validUntil: quote.validUntil }, 'SEND', todayUtc());
      if (!move.ok) throw refusedFromDomain(move, ['id']);
      quote.status = move.value as QuoteStatus;
      events.record({ type: 'QuoteSent', customer: customerRef(customer), quote: quoteRef(quote) });
    });
  }

  /**
   * The customer said yes: an approved or sent, unexpired quote becomes a
   * DRAFT order with the same lines and total, once (the quote row is locked
   * and records its order). Nothing is reserved here: confirming the order
   * makes the same atomic credit and stock check as any order's, so a quote
   * can never carry an order past a hold or a limit.
   */
  async accept(em: EntityManager, viewer: Viewer | null, id: string): Promise<MutationResult<{ quote: Quote; order: Order }>> {
    const v = requireViewer(viewer);
    if (!may.writeQuotes(v)) return refused(UserErrorCode.FORBIDDEN, 'Your role may not accept quotes.');
    if (!isUuid(id)) return refused(UserErrorCode.NOT_FOUND, 'No such quote.', ['id']);
    const today = todayUtc();
    return inTransaction(em, v, async (tx, events) => {
      const { quote, customer } = await lockQuoteWithCustomer(tx, v, id);
      const lines = quote.lines.getItems();
      const accepted = domain.acceptQuote(
        {
          status: quote.status,
          validUntil: quote.validUntil,
          lines: lines.map((l) => ({ productId: l.product.id, quantity: l.quantity, unitPrice: l.unitPrice, discountPercent: l.discountPercent, taxRate: l.taxRate })),
        },
        today,
      );
      if (!accepted.ok) throw refusedFromDomain(accepted, ['id']);
      const priced = domain.priceOrderLines(accepted.value.orderLines);
      if (!priced.ok) throw new Error(`an accepted quote's lines do not price: ${priced.message}`);
      const products = new Map((await tx.find(Product, { id: { $in: lines.map((l) => l.product.id) } })).map((p) => [p.id, p]));
      const order = await persistDraftOrder(tx, {
        customer,
        orderDate: today,
        createdById: v.id,
        lines: lines.map((l) => ({ product: products.get(l.product.id)!, quantity: l.quantity, unitPrice: l.unitPrice, discountPercent: l.discountPercent, taxRate: l.taxRate })),
        priced: priced.value,
      });
      quote.status = QuoteStatus.ACCEPTED;
      quote.order = tx.getReference(Order, order.id, { wrapped: true });
      const orderRef = { orderId: order.id, orderNumber: order.number };
      events.record({ type: 'OrderCreated', customer: customerRef(customer), order: orderRef, total: order.total });
      events.record({ type: 'QuoteAccepted', customer: customerRef(customer), quote: quoteRef(quote), order: orderRef });
      return { quote, order };
    });
  }

  private async move(
    viewer: Viewer | null,
    id: string,
    allowed: (v: Viewer) => boolean,
    forbidden: string,
    em: EntityManager,
    step: (tx: EntityManager, v: Viewer, quote: Quote, customer: Customer, events: EventLog) => Promise<void>,
  ): Promise<MutationResult<Quote>> {
    const v = requireViewer(viewer);
    if (!allowed(v)) return refused(UserErrorCode.FORBIDDEN, forbidden);
    if (!isUuid(id)) return refused(UserErrorCode.NOT_FOUND, 'No such quote.', ['id']);
    return inTransaction(em, v, async (tx, events) => {
      const { quote, customer } = await lockQuoteWithCustomer(tx, v, id);
      await step(tx, v, quote, customer, events);
      return quote;
    });
  }
}
