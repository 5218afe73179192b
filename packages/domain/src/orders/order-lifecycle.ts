import { ok, refuse, type Result } from '../money/result';

export type OrderStatus = 'DRAFT' | 'CONFIRMED' | 'PARTIALLY_SHIPPED' | 'SHIPPED' | 'INVOICED' | 'CANCELLED';
export type OrderEvent = 'CONFIRM' | 'SHIP' | 'INVOICE' | 'CANCEL';

/**
 * The order lifecycle as a table: which event is allowed from which status and
 * where it leads. SHIP and INVOICE lead to a status derived from the lines.
 */
export const ORDER_TRANSITIONS: Readonly<Record<OrderStatus, Partial<Record<OrderEvent, OrderStatus | 'DERIVED'>>>> = {
  DRAFT: { CONFIRM: 'CONFIRMED', CANCEL: 'CANCELLED' },
  CONFIRMED: { SHIP: 'DERIVED', CANCEL: 'CANCELLED' },
  PARTIALLY_SHIPPED: { SHIP: 'DERIVED', INVOICE: 'DERIVED' },
  SHIPPED: { INVOICE: 'DERIVED' },
  INVOICED: {},
  CANCELLED: {},
};

/** The status an event moves an order to, or INVALID_TRANSITION. */
export function transitionOrder(status: OrderStatus, event: 'CONFIRM' | 'CANCEL'): Result<OrderStatus, 'INVALID_TRANSITION'>;
export function transitionOrder(status: OrderStatus, event: OrderEvent): Result<OrderStatus | 'DERIVED', 'INVALID_TRANSITION'>;
export function transitionOrder(status: OrderStatus, event: OrderEvent): Result<OrderStatus | 'DERIVED', 'INVALID_TRANSITION'> {
  const next = ORDER_TRANSITIONS[status][event];
  if (!next) return refuse('INVALID_TRANSITION', `An order that is ${status} cannot ${event.toLowerCase()}.`);
  return ok(next);
}

export interface OrderLineQuantities {
  id: string;
  productId: string;
  quantity: number;
  shippedQuantity: number;
  invoicedQuantity: number;
}

/**
 * Status from the lines of a confirmed order: INVOICED when every line is
 * fully shipped and invoiced, SHIPPED when every line is fully shipped,
 * PARTIALLY_SHIPPED when something shipped, else CONFIRMED.
 */
export function deriveOrderStatus(lines: readonly Pick<OrderLineQuantities, 'quantity' | 'shippedQuantity' | 'invoicedQuantity'>[]): OrderStatus {
  const allShipped = lines.every((l) => l.shippedQuantity >= l.quantity);
  if (allShipped && lines.every((l) => l.invoicedQuantity >= l.quantity)) return 'INVOICED';
  if (allShipped) return 'SHIPPED';
  if (lines.some((l) => l.shippedQuantity > 0)) return 'PARTIALLY_SHIPPED';
  return 'CONFIRMED';
}

export interface ReleasedStock {
  productId: string;
  quantity: number;
}

/**
 * Cancelling is allowed from DRAFT or CONFIRMED with nothing shipped. A
 * confirmed order releases its reservations; a draft holds none.
 */
export function planCancellation(order: { status: OrderStatus; lines: readonly OrderLineQuantities[] }): Result<{ status: 'CANCELLED'; release: ReleasedStock[] }, 'INVALID_TRANSITION'> {
  const move = transitionOrder(order.status, 'CANCEL');
  if (!move.ok) return move;
  if (order.lines.some((l) => l.shippedQuantity > 0)) return refuse('INVALID_TRANSITION', 'Part of this order has shipped; it cannot be cancelled.');
  return ok({ status: 'CANCELLED', release: order.status === 'CONFIRMED' ? mergeByProduct(order.lines.map((l) => ({ productId: l.productId, quantity: l.quantity }))) : [] });
}

export interface PlannedShipment {
  lineId: string;
  productId: string;
  quantity: number;
}

/**
 * What a shipment takes from a confirmed or partly shipped order: the listed
 * quantities (per product, filled line by line), or without a list everything
 * not yet shipped. Shipping more than remains, a product not on the order, or
 * nothing at all is refused.
 */
export function planShipment(order: {
  status: OrderStatus;
  lines: readonly OrderLineQuantities[];
  requested: readonly { productId: string; quantity: number }[] | null;
}): Result<{ shipments: PlannedShipment[]; status: OrderStatus }, 'INVALID_TRANSITION' | 'BAD_USER_INPUT'> {
  const move = transitionOrder(order.status, 'SHIP');
  if (!move.ok) return move;
  const remaining = order.lines.map((l) => ({ ...l, left: l.quantity - l.shippedQuantity }));
  const shipments: PlannedShipment[] = [];
  if (order.requested === null) {
    for (const l of remaining) if (l.left > 0) shipments.push({ lineId: l.id, productId: l.productId, quantity: l.left });
  } else {
    for (let i = 0; i < order.requested.length; i++) {
      const r = order.requested[i];
      if (!Number.isSafeInteger(r.quantity) || r.quantity <= 0) return refuse('BAD_USER_INPUT', 'quantity must be a positive whole number', ['lines', String(i), 'quantity']);
      let want = r.quantity;
      const lines = remaining.filter((l) => l.productId === r.productId);
      if (lines.length === 0) return refuse('BAD_USER_INPUT', 'This product is not on the order.', ['lines', String(i), 'productId']);
      for (const l of lines) {
        const take = Math.min(want, l.left);
        if (take > 0) {
          shipments.push({ lineId: l.id, productId: l.productId, quantity: take });
          l.left -= take;
          want -= take;
        }
      }
      if (want > 0) return refuse('BAD_USER_INPUT', `Only ${r.quantity - want} of this product remain to ship.`, ['lines', String(i), 'quantity']);
    }
  }
  if (shipments.length === 0) return refuse('INVALID_TRANSITION', 'Nothing remains to ship on this order.');
  const after = order.lines.map((l) => ({
    ...l,
    shippedQuantity: l.shippedQuantity + shipments.filter((s) => s.lineId === l.id).reduce((n, s) => n + s.quantity, 0),
  }));
  return ok({ shipments, status: deriveOrderStatus(after) });
}

/** Sums quantities of the same product. */
export function mergeByProduct(lines: readonly { productId: string; quantity: number }[]): { productId: string; quantity: number }[] {
  const map = new Map<string, number>();
  for (const l of lines) map.set(l.productId, (map.get(l.productId) ?? 0) + l.quantity);
  return [...map.entries()].map(([productId, quantity]) => ({ productId, quantity }));
}
