import type { EntityManager } from '@mikro-orm/postgresql';
import * as domain from '@tandem/domain';
import { query, todayUtc } from '../../db/sql';
import type { EventConsumer } from '../../events/event-consumer';
import { postEntries } from './ledger-writer';

interface ProductValue {
  id: string;
  unit_cost: string;
  inventory_value: string;
}

/**
 * Posts every business event that moves money or stock as one balanced
 * journal entry, in the event's own transaction (a change that rolls back
 * leaves no entry; an entry never exists without its change): invoices,
 * customer payments, shipments and receipts at moving-average cost, supplier
 * bills and their payments. The
 * valuation of each product's stock moves with the entry. What to post is the
 * domain's (ledger postings, stock valuation); this only loads and writes.
 */
export const ledgerConsumer: EventConsumer = {
  name: 'ledger',
  alone(_em: EntityManager, events: readonly domain.BusinessEvent[]) {
    return events.some((e) => POSTED.has(e.type)) ? undefined : null;
  },
  async consume(tx: EntityManager, events: readonly domain.BusinessEvent[]): Promise<void> {
    const postings: domain.LedgerPosting[] = [];
    const today = todayUtc();
    const values = await productValues(tx, events);
    const setValue = new Map<string, domain.Decimal>();
    const valueOf = (productId: string) => setValue.get(productId) ?? domain.money(values.get(productId)!.inventory_value);

    for (const e of events) {
      switch (e.type) {
        case 'InvoiceIssued':
          postings.push(domain.invoicePosting({ date: e.invoice.issueDate, reference: e.invoice.invoiceNumber, subtotal: e.invoice.subtotal, taxTotal: e.invoice.taxTotal }));
          break;
        case 'PaymentReceived': {
          const applied = domain.sumMoney(e.allocations.map((a) => a.amount));
          postings.push(domain.paymentPosting({ date: e.receivedOn, reference: e.paymentId, applied, unapplied: e.unapplied }));
          break;
        }
        case 'ProductCreated': {
          if (e.onHand <= 0) break;
          const p = values.get(e.productId)!;
          const r = domain.receiveAtCost({ onHand: 0, value: '0' }, e.onHand, p.unit_cost);
          setValue.set(e.productId, r.after.value);
          postings.push(domain.stockAdjustmentPosting({ date: today, reference: e.sku, cost: r.cost }));
          break;
        }
        case 'StockReceived': {
          const p = values.get(e.stock.productId)!;
          const r = domain.receiveAtCost({ onHand: e.stock.before.onHand, value: valueOf(e.stock.productId) }, e.quantity, p.unit_cost);
          setValue.set(e.stock.productId, r.after.value);
          postings.push(domain.stockAdjustmentPosting({ date: today, reference: e.stock.sku, cost: r.cost }));
          break;
        }
        case 'OrderShipped': {
          let cost = domain.ZERO;
          for (const m of e.stock) {
            const shipped = m.before.onHand - m.after.onHand;
            if (shipped <= 0) continue;
            const issue = domain.issueAtAverageCost({ onHand: m.before.onHand, value: valueOf(m.productId) }, shipped);
            setValue.set(m.productId, issue.after.value);
            cost = cost.plus(issue.cost);
          }
          postings.push(domain.shipmentPosting({ date: today, reference: e.order.orderNumber, cost }));
          break;
        }
        case 'PurchaseOrderReceived': {
          let cost = domain.ZERO;
          const onHand = new Map(e.stock.map((m) => [m.productId, m.before.onHand]));
          for (const l of e.lines) {
            const r = domain.receiveAtCost({ onHand: onHand.get(l.productId)!, value: valueOf(l.productId) }, l.quantity, l.unitCost);
            onHand.set(l.productId, r.after.onHand);
            setValue.set(l.productId, r.after.value);
            cost = cost.plus(r.cost);
          }
          postings.push(domain.stockReceiptPosting({ date: today, reference: e.number, cost }));
          break;
        }
        case 'SupplierBillRecorded':
          postings.push(domain.supplierBillPosting({ date: e.billDate, reference: e.number, amount: e.amount }));
          break;
        case 'SupplierBillPaid':
          postings.push(domain.supplierPaymentPosting({ date: e.paidOn, reference: e.number, amount: e.amount }));
          break;
        default:
          break;
      }
    }
    for (const [id, value] of setValue) await query(tx, 'update products set inventory_value = ? where id = ?', [domain.formatMoney(value), id]);
    await postEntries(tx, postings, events[0]?.actorId ?? null);
  },
};

/** The events the switch below posts (or values): any of them makes a dispatch on its own an ordinary transaction. */
const POSTED: ReadonlySet<domain.BusinessEvent['type']> = new Set([
  'InvoiceIssued',
  'PaymentReceived',
  'ProductCreated',
  'StockReceived',
  'OrderShipped',
  'PurchaseOrderReceived',
  'SupplierBillRecorded',
  'SupplierBillPaid',
]);

/** The events whose postings value stock (the cases above that read `values`); a reservation or a release moves no value. */
const VALUED: ReadonlySet<domain.BusinessEvent['type']> = new Set(['ProductCreated', 'StockReceived', 'OrderShipped', 'PurchaseOrderReceived']);

/** The valuation of the products the valued events move (their rows are already locked by the write); none read for the others. */
async function productValues(tx: EntityManager, events: readonly domain.BusinessEvent[]): Promise<Map<string, ProductValue>> {
  const ids = new Set<string>();
  for (const e of events) {
    if (!VALUED.has(e.type)) continue;
    if (e.type === 'ProductCreated') ids.add(e.productId);
    for (const m of domain.stockMovesOf(e)) ids.add(m.productId);
  }
  if (ids.size === 0) return new Map();
  const rows = await query<ProductValue>(tx, 'select id, unit_cost::text as unit_cost, inventory_value::text as inventory_value from products where id in (?)', [[...ids]]);
  return new Map(rows.map((r) => [r.id, r]));
}
