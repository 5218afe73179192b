import type { EntityManager } from '@mikro-orm/postgresql';
import * as domain from '@tandem/domain';
import { may, requireViewer } from '../../auth/policy';
import type { Viewer } from '../../auth/viewer';
import { todayUtc } from '../../db/sql';
import { inTransaction, refused, refusedFromDomain, type MutationResult } from '../../db/transaction';
import { Refused, UserErrorCode } from '../../graphql/user-error.type';
import { creditCheckView, creditFiguresOf } from '../customers/credit-view';
import { loadCreditFacts } from '../customers/credit-facts';
import { lockCustomer } from '../customers/customer.service';
import type { CreditCheckType } from '../customers/customer.type';
import { Order, OrderStatus } from './order.entity';
import { lockOrder, lockProducts } from './order.service';
import { Shipment, ShipmentLine } from './shipment.entity';
import { randomUUID } from 'node:crypto';
import { writeAlerts } from '../alerts/alert-writer';
import { lowStockAlertFor } from '../catalog/stock-alerts';
import { creditChangeAlerts } from '../customers/credit-alerts';
import type { ShipLineInput } from './order.type';

export interface ConfirmResult {
  result: MutationResult<Order>;
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

/**
 * Confirm, cancel and ship. Each runs in one transaction that locks, in this
 * order, the order row, its customer row, then its products in id order.
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
  async confirmOrder(em: EntityManager, viewer: Viewer | null, id: string): Promise<ConfirmResult> {
    const v = requireViewer(viewer);
    if (!may.writeOrders(v)) return { result: refused(UserErrorCode.FORBIDDEN, 'Your role may not confirm orders.'), creditCheck: null };
    let creditCheck: CreditCheckType | null = null;
    let refusal: Parameters<typeof domain.creditRefusalAlerts>[0] | null = null;
    const result = await inTransaction(em, async (tx) => {
      const order = await lockOrder(tx, id);
      const customer = await lockCustomer(tx, v, order.customer.id, ['id']);
      const move = domain.transitionOrder(order.status, 'CONFIRM');
      if (!move.ok) throw refusedFromDomain(move, []);

      const today = todayUtc();
      const facts = (await loadCreditFacts(tx, [customer.id], today)).get(customer.id)!;
      const before = creditFiguresOf(facts, today);
      const check = domain.checkCredit({ ...before, amount: order.total });
      creditCheck = creditCheckView(check);
      if (!check.approved) {
        refusal = { customerId: customer.id, customerName: customer.name, ownerId: customer.owner.id, orderId: order.id, orderNumber: order.number, check, attemptId: randomUUID() };
        throw new Refused(check.reason as UserErrorCode, check.message, ['id']);
      }

      const products = await lockProducts(tx, order.lines.getItems().map((l) => l.product.id));
      const reservation = domain.reserveStock(
        [...products.values()].map((p) => ({ productId: p.id, onHand: p.onHand, reserved: p.reserved, reorderPoint: p.reorderPoint })),
        order.lines.getItems().map((l) => ({ productId: l.product.id, quantity: l.quantity })),
      );
      if (!reservation.ok) throw refusedFromDomain(reservation, ['lines']);
      for (const level of reservation.value.levels) products.get(level.productId)!.reserved = level.reserved;
      order.status = move.value as OrderStatus;

      const alerts = await creditChangeAlerts(tx, customer, before.status);
      for (const productId of reservation.value.lowStock) alerts.push(await lowStockAlertFor(tx, products.get(productId)!, order.id));
      await writeAlerts(tx, alerts);
      return order;
    });
    // The refusal rolled the confirmation back; the alert that it happened is its own small transaction.
    if (refusal) await em.fork().transactional((tx) => writeAlerts(tx, domain.creditRefusalAlerts(refusal!)));
    return { result, creditCheck };
  }

  async cancelOrder(em: EntityManager, viewer: Viewer | null, id: string, reason: string | null | undefined): Promise<MutationResult<Order>> {
    const v = requireViewer(viewer);
    if (!may.writeOrders(v)) return refused(UserErrorCode.FORBIDDEN, 'Your role may not cancel orders.');
    return inTransaction(em, async (tx) => {
      const order = await lockOrder(tx, id);
      await lockCustomer(tx, v, order.customer.id, ['id']);
      const plan = domain.planCancellation({ status: order.status, lines: lineFacts(order) });
      if (!plan.ok) throw refusedFromDomain(plan, []);
      if (plan.value.release.length) {
        const products = await lockProducts(tx, plan.value.release.map((r) => r.productId));
        const released = domain.releaseStock(
          [...products.values()].map((p) => ({ productId: p.id, onHand: p.onHand, reserved: p.reserved, reorderPoint: p.reorderPoint })),
          plan.value.release,
        );
        for (const level of released) products.get(level.productId)!.reserved = level.reserved;
      }
      order.status = plan.value.status as OrderStatus;
      order.cancelReason = reason?.trim() || null;
      await tx.flush();
      return order;
    });
  }

  async shipOrder(em: EntityManager, viewer: Viewer | null, id: string, lines: ShipLineInput[] | null | undefined): Promise<MutationResult<{ order: Order; shipment: Shipment }>> {
    const v = requireViewer(viewer);
    if (!may.ship(v)) return refused(UserErrorCode.FORBIDDEN, 'Only the warehouse may ship orders.');
    return inTransaction(em, async (tx) => {
      const order = await lockOrder(tx, id);
      const plan = domain.planShipment({
        status: order.status,
        lines: lineFacts(order),
        requested: lines?.map((l) => ({ productId: l.productId, quantity: l.quantity })) ?? null,
      });
      if (!plan.ok) throw refusedFromDomain(plan, []); // its field paths already start at the `lines` argument
      const products = await lockProducts(tx, plan.value.shipments.map((s) => s.productId));
      const shipped = domain.shipStock(
        [...products.values()].map((p) => ({ productId: p.id, onHand: p.onHand, reserved: p.reserved, reorderPoint: p.reorderPoint })),
        plan.value.shipments.map((s) => ({ productId: s.productId, quantity: s.quantity })),
      );
      if (!shipped.ok) throw refusedFromDomain(shipped, ['lines']);
      for (const level of shipped.value) {
        const p = products.get(level.productId)!;
        p.onHand = level.onHand;
        p.reserved = level.reserved;
      }
      const shipment = tx.create(Shipment, { order });
      const byLine = new Map(order.lines.getItems().map((l) => [l.id, l]));
      for (const s of plan.value.shipments) {
        const line = byLine.get(s.lineId)!;
        line.shippedQuantity += s.quantity;
        shipment.lines.add(tx.create(ShipmentLine, { shipment, orderLine: line, product: line.product, quantity: s.quantity }));
      }
      order.status = plan.value.status as OrderStatus;
      await tx.flush();
      return { order, shipment };
    });
  }
}
