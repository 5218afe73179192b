import type { EntityManager } from '@mikro-orm/postgresql';
import * as domain from '@tandem/domain';
import { may, requireViewer } from '../../auth/policy';
import type { Viewer } from '../../auth/viewer';
import { lockOrder, lockOrderRowWithCustomer, lockOrderWithCustomer, lockProductStock, lockProducts } from '../../db/locks';
import { deferWrite } from '../../events/event-dispatcher';
import { inTransaction, refused, refusedFromDomain, type MutationResult } from '../../db/transaction';
import { Refused, UserErrorCode } from '../../graphql/user-error.type';
import { applyStockLevels, stockLevelsOf, stockMovesOf } from '../catalog/stock-levels';
import { creditCheckView } from '../customers/credit-view';
import { watchCredit } from '../customers/credit-watch';
import { customerRef } from '../customers/customer.mapper';
import type { CreditCheckType } from '../customers/customer.type';
import { Order, OrderStatus } from './order.entity';
import { Shipment, ShipmentLine } from './shipment.entity';
import type { OrderType, ShipLineInput } from './order.type';

/** What confirmOrder shows even when refused: the credit figures it was judged on. */
export interface ConfirmDetails {
  creditCheck: CreditCheckType | null;
}

function lineFacts(order: Order) {
  return order.lines.getItems().map((l) => ({
    id: l.id,
    productId: l.product.id,
    quantity: l.quantity,
    shippedQuantity: l.shippedQuantity,
    invoicedQuantity: l.invoicedQuantity,
  }));
}

const orderRef = (o: Order): domain.OrderRef => ({ orderId: o.id, orderNumber: o.number });

/**
 * Confirm, cancel and ship, each in one transaction that takes its locks in
 * the global order of db/locks.ts (customer, order, products by id).
 *
 * Why row locks rather than SERIALIZABLE: the credit check reads aggregates
 * over many rows (invoices, open order lines, payments) that another
 * confirmation for the same customer would change; locking the customer row
 * makes every confirmation for that customer wait its turn, so the exposure it
 * reads is the exposure it reserves against, and locking product rows does the
 * same for stock. Serializable would also be correct but would abort and retry
 * under exactly the contention these operations see (many orders, one
 * customer); the locks queue them instead, and a fixed lock order keeps
 * deadlocks out.
 */
export class OrderFulfilmentService {
  /**
   * Plain rows and statements, no entities: lock the customer (1 statement)
   * and the order with its lines (1), read the credit facts (1), lock the
   * products (1); stock and status are written with the timeline and audit
   * lines in one statement (event-dispatcher deferWrite), so the product locks
   * are held for two round trips before COMMIT. The credit move after the
   * change is computed from the facts already read, not read again.
   */
  async confirmOrder(em: EntityManager, viewer: Viewer | null, id: string): Promise<MutationResult<{ order: OrderType; creditCheck: CreditCheckType }, ConfirmDetails>> {
    const v = requireViewer(viewer);
    if (!may.writeOrders(v)) return refused(UserErrorCode.FORBIDDEN, 'Your role may not confirm orders.');
    return inTransaction(em, v, async (tx, events) => {
      const { order, customer } = await lockOrderRowWithCustomer(tx, v, id);
      const move = domain.transitionOrder(order.status, 'CONFIRM');
      if (!move.ok) throw refusedFromDomain(move, [], { creditCheck: null });
      const ref = { customerId: customer.id, customerName: customer.name, ownerId: customer.ownerId };
      const ordered = { orderId: order.id, orderNumber: order.number };

      const credit = await watchCredit(tx, customer.id);
      const check = domain.checkCredit({ ...credit.before, amount: order.total });
      const creditCheck = creditCheckView(check);
      if (!check.approved) {
        events.recordRefusal({ type: 'OrderCreditRefused', customer: ref, order: ordered, check });
        throw new Refused(check.reason!, check.message, ['id'], { creditCheck });
      }

      const levels = await lockProductStock(
        tx,
        order.lines.map((l) => l.productId),
      );
      const reservation = domain.reserveStock(
        [...levels.values()].map(({ id: productId, onHand, reserved, reorderPoint }) => ({ productId, onHand, reserved, reorderPoint })),
        order.lines.map((l) => ({ productId: l.productId, quantity: l.quantity })),
      );
      if (!reservation.ok) throw refusedFromDomain(reservation, ['lines'], { creditCheck });
      const stock = stockMovesOf(levels, reservation.value.levels);
      const status = move.value as OrderStatus;
      // The reservations and the new status go out with the consumers' appends, in one statement just before commit.
      deferWrite(tx, {
        sql: `update products p set on_hand = v.on_hand, reserved = v.reserved
                from (values ${stock.map(() => '(?::uuid, ?::integer, ?::integer)').join(', ')}) as v(id, on_hand, reserved)
               where p.id = v.id`,
        params: stock.flatMap((m) => [m.productId, m.after.onHand, m.after.reserved]),
      });
      deferWrite(tx, { sql: 'update orders set status = ? where id = ?', params: [status, order.id] });
      events.record({ type: 'OrderConfirmed', customer: ref, order: ordered, total: order.total, credit: credit.movedByConfirming(order.lines), stock });
      return {
        order: { id: order.id, number: order.number, status, orderDate: order.orderDate, subtotal: order.subtotal, taxTotal: order.taxTotal, total: order.total, customerId: order.customerId },
        creditCheck,
      };
    });
  }

  async cancelOrder(em: EntityManager, viewer: Viewer | null, id: string, reason: string | null | undefined): Promise<MutationResult<Order>> {
    const v = requireViewer(viewer);
    if (!may.writeOrders(v)) return refused(UserErrorCode.FORBIDDEN, 'Your role may not cancel orders.');
    return inTransaction(em, v, async (tx, events) => {
      const { order, customer } = await lockOrderWithCustomer(tx, v, id);
      const plan = domain.planCancellation({ status: order.status, lines: lineFacts(order) });
      if (!plan.ok) throw refusedFromDomain(plan, []);
      const products = await lockProducts(
        tx,
        plan.value.release.map((r) => r.productId),
      );
      const stock = plan.value.release.length ? applyStockLevels(products, domain.releaseStock(stockLevelsOf(products), plan.value.release)) : [];
      order.status = plan.value.status as OrderStatus;
      order.cancelReason = reason?.trim() || null;
      events.record({ type: 'OrderCancelled', customer: customerRef(customer), order: orderRef(order), reason: order.cancelReason, stock });
      return order;
    });
  }

  async shipOrder(em: EntityManager, viewer: Viewer | null, id: string, lines: ShipLineInput[] | null | undefined): Promise<MutationResult<{ order: Order; shipment: Shipment }>> {
    const v = requireViewer(viewer);
    if (!may.ship(v)) return refused(UserErrorCode.FORBIDDEN, 'Only the warehouse may ship orders.');
    return inTransaction(em, v, async (tx, events) => {
      // No customer lock: shipping changes stock and the order, not exposure (see db/locks.ts).
      const order = await lockOrder(tx, id);
      const plan = domain.planShipment({
        status: order.status,
        lines: lineFacts(order),
        requested: lines?.map((l) => ({ productId: l.productId, quantity: l.quantity })) ?? null,
      });
      if (!plan.ok) throw refusedFromDomain(plan, []); // its field paths already start at the `lines` argument
      const products = await lockProducts(
        tx,
        plan.value.shipments.map((s) => s.productId),
      );
      const shipped = domain.shipStock(
        stockLevelsOf(products),
        plan.value.shipments.map((s) => ({ productId: s.productId, quantity: s.quantity })),
      );
      if (!shipped.ok) throw refusedFromDomain(shipped, ['lines']);
      const stock = applyStockLevels(products, shipped.value);
      const shipment = tx.create(Shipment, { order });
      const byLine = new Map(order.lines.getItems().map((l) => [l.id, l]));
      for (const s of plan.value.shipments) {
        const line = byLine.get(s.lineId)!;
        line.shippedQuantity += s.quantity;
        shipment.lines.add(tx.create(ShipmentLine, { shipment, orderLine: line, product: line.product, quantity: s.quantity }));
      }
      order.status = plan.value.status as OrderStatus;
      await tx.flush();
      events.record({
        type: 'OrderShipped',
        customerId: order.customer.id,
        order: orderRef(order),
        shipmentId: shipment.id,
        lines: plan.value.shipments.map((s) => ({ productId: s.productId, quantity: s.quantity })),
        stock,
      });
      return { order, shipment };
    });
  }
}
