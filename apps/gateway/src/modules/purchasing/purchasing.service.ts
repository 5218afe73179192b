import type { EntityManager } from '@mikro-orm/postgresql';
import * as domain from '@tandem/domain';
import { may, requireViewer } from '../../auth/policy';
import type { Viewer } from '../../auth/viewer';
import { lockProducts, lockPurchaseOrder, lockSupplierBill } from '../../db/locks';
import { todayUtc } from '../../db/sql';
import { inTransaction, refused, refusedFromDomain, refusedWith, type MutationResult } from '../../db/transaction';
import { isUuid } from '../../graphql/ids';
import { parseMoneyArg } from '../../graphql/money-args';
import { Refused, UserErrorCode } from '../../graphql/user-error.type';
import { inputErrors } from '../../graphql/validate-input';
import { Product } from '../catalog/product.entity';
import { applyStockLevels, stockLevelsOf } from '../catalog/stock-levels';
import { assertOpenPeriod } from '../ledger/open-period';
import { nextNumber } from '../orders/order.service';
import { User } from '../users/user.entity';
import { PurchaseOrder, PurchaseOrderLine, PurchaseOrderStatus } from './purchase-order.entity';
import type { CreatePurchaseOrderInput, CreateSupplierInput, PaySupplierBillInput, PurchaseQuantityInput, RecordSupplierBillInput } from './purchasing.input';
import { SupplierBill, SupplierBillStatus, SupplierPayment } from './supplier-bill.entity';
import { Supplier } from './supplier.entity';

/** Maps "productId, quantity" inputs to the purchase order's line indexes; an unknown product is BAD_USER_INPUT at its input. */
function linesOf(order: PurchaseOrder, input: readonly PurchaseQuantityInput[], prefix: string[]): { line: number; quantity: number }[] {
  const lines = order.lines.getItems();
  return input.map((q, i) => {
    const line = lines.findIndex((l) => l.product.id === q.productId.toLowerCase());
    if (line < 0) throw new Refused(UserErrorCode.BAD_USER_INPUT, 'That product is not on this purchase order.', [...prefix, 'lines', String(i), 'productId']);
    return { line, quantity: q.quantity };
  });
}

/**
 * Purchasing and payables: suppliers (FINANCE), purchase orders (FINANCE,
 * WAREHOUSE), receipts (WAREHOUSE) that raise stock in the same transaction,
 * supplier bills against what was received or standalone, and their payments
 * (FINANCE). Each states a business event, and the ledger posts it. The rules
 * are the domain's (purchasing).
 */
export class PurchasingService {
  async createSupplier(em: EntityManager, viewer: Viewer | null, input: CreateSupplierInput): Promise<MutationResult<Supplier>> {
    const v = requireViewer(viewer);
    if (!may.writeSuppliers(v)) return refused(UserErrorCode.FORBIDDEN, 'Only FINANCE or ADMIN may create suppliers.');
    const invalid = await inputErrors(input);
    if (invalid.length) return refusedWith(invalid);
    if (!input.name.trim()) return refused(UserErrorCode.BAD_USER_INPUT, 'A supplier needs a name.', ['input', 'name']);
    return inTransaction(em, v, async (tx, events) => {
      const supplier = tx.create(Supplier, { name: input.name.trim(), email: input.email?.trim() || null, paymentTermsDays: input.paymentTermsDays ?? 30 });
      await tx.flush();
      events.record({ type: 'SupplierCreated', supplierId: supplier.id, name: supplier.name });
      return supplier;
    });
  }

  async createPurchaseOrder(em: EntityManager, viewer: Viewer | null, input: CreatePurchaseOrderInput): Promise<MutationResult<PurchaseOrder>> {
    const v = requireViewer(viewer);
    if (!may.writePurchaseOrders(v)) return refused(UserErrorCode.FORBIDDEN, 'Your role may not create purchase orders.');
    if (!isUuid(input.supplierId)) return refused(UserErrorCode.NOT_FOUND, 'No such supplier.', ['input', 'supplierId']);
    if (input.lines.length > domain.MAX_PURCHASE_LINES) return refused(UserErrorCode.BAD_USER_INPUT, `A purchase order has at most ${domain.MAX_PURCHASE_LINES} lines.`, ['input', 'lines']);
    const parsed = input.lines.map((l, i) => {
      if (!isUuid(l.productId)) throw new Refused(UserErrorCode.NOT_FOUND, 'No such product.', ['input', 'lines', String(i), 'productId']);
      return { productId: l.productId.toLowerCase(), quantity: l.quantity, unitCost: l.unitCost == null ? null : parseMoneyArg(l.unitCost, ['input', 'lines', String(i), 'unitCost'], { min: '0' }) };
    });
    return inTransaction(em, v, async (tx, events) => {
      const supplier = await tx.findOne(Supplier, { id: input.supplierId });
      if (!supplier) throw new Refused(UserErrorCode.NOT_FOUND, 'No such supplier.', ['input', 'supplierId']);
      const products = new Map((await tx.find(Product, { id: { $in: [...new Set(parsed.map((l) => l.productId))] } })).map((p) => [p.id, p]));
      const lines = parsed.map((l, i) => {
        const product = products.get(l.productId);
        if (!product) throw new Refused(UserErrorCode.NOT_FOUND, 'No such product.', ['input', 'lines', String(i), 'productId']);
        return { ...l, product, unitCost: l.unitCost ?? product.unitCost };
      });
      const priced = domain.pricePurchaseOrder(lines);
      if (!priced.ok) throw refusedFromDomain(priced);
      const order = tx.create(PurchaseOrder, {
        number: await nextNumber(tx, 'purchase_order_number_seq', 'PO'),
        supplier,
        total: domain.formatMoney(priced.value.total),
        createdBy: tx.getReference(User, v.id),
      });
      lines.forEach((l, i) =>
        order.lines.add(
          tx.create(PurchaseOrderLine, {
            purchaseOrder: order,
            lineNo: i + 1,
            product: l.product,
            quantity: l.quantity,
            unitCost: l.unitCost,
            lineTotal: domain.formatMoney(priced.value.lineTotals[i]),
          }),
        ),
      );
      await tx.flush();
      events.record({ type: 'PurchaseOrderCreated', purchaseOrderId: order.id, number: order.number, supplierId: supplier.id, total: order.total });
      return order;
    });
  }

  /** Receives what is outstanding (or the given quantities): stock on hand rises in the same transaction, and the ledger values it at the order's unit costs. */
  async receive(em: EntityManager, viewer: Viewer | null, id: string, receive: PurchaseQuantityInput[] | null | undefined): Promise<MutationResult<PurchaseOrder>> {
    const v = requireViewer(viewer);
    if (!may.receivePurchases(v)) return refused(UserErrorCode.FORBIDDEN, 'Only the warehouse may receive purchase orders.');
    if (!isUuid(id)) return refused(UserErrorCode.NOT_FOUND, 'No such purchase order.', ['id']);
    return inTransaction(em, v, async (tx, events) => {
      const order = await lockPurchaseOrder(tx, id);
      const lines = order.lines.getItems();
      const plan = domain.planPurchaseReceipt(
        { status: order.status, lines: lines.map((l) => ({ quantity: l.quantity, receivedQuantity: l.receivedQuantity })) },
        receive ? linesOf(order, receive, []) : null,
      );
      if (!plan.ok) throw refusedFromDomain(plan, []);
      const received = lines.map((l, i) => ({ line: l, quantity: plan.value.received[i] })).filter((r) => r.quantity > 0);
      const products = await lockProducts(
        tx,
        received.map((r) => r.line.product.id),
      );
      const quantities = new Map<string, number>();
      for (const r of received) quantities.set(r.line.product.id, (quantities.get(r.line.product.id) ?? 0) + r.quantity);
      const stock = applyStockLevels(
        products,
        stockLevelsOf(products).map((level) => domain.receiveStock(level, quantities.get(level.productId)!)),
      );
      for (const r of received) r.line.receivedQuantity += r.quantity;
      order.status = plan.value.status as PurchaseOrderStatus;
      await tx.flush();
      events.record({
        type: 'PurchaseOrderReceived',
        purchaseOrderId: order.id,
        number: order.number,
        lines: received.map((r) => ({ productId: r.line.product.id, quantity: r.quantity, unitCost: r.line.unitCost })),
        stock,
      });
      return order;
    });
  }

  /** A bill against a purchase order (no more than received and not yet billed) or standalone; due after the supplier's terms. */
  async recordBill(em: EntityManager, viewer: Viewer | null, input: RecordSupplierBillInput): Promise<MutationResult<SupplierBill>> {
    const v = requireViewer(viewer);
    if (!may.billAndPaySuppliers(v)) return refused(UserErrorCode.FORBIDDEN, 'Only FINANCE or ADMIN may record supplier bills.');
    const invalid = await inputErrors(input);
    if (invalid.length) return refusedWith(invalid);
    if (!isUuid(input.supplierId)) return refused(UserErrorCode.NOT_FOUND, 'No such supplier.', ['input', 'supplierId']);
    if (input.purchaseOrderId != null && !isUuid(input.purchaseOrderId)) return refused(UserErrorCode.NOT_FOUND, 'No such purchase order.', ['input', 'purchaseOrderId']);
    if (input.purchaseOrderId == null && input.amount == null) return refused(UserErrorCode.BAD_USER_INPUT, 'A bill without a purchase order needs an amount.', ['input', 'amount']);
    if (input.purchaseOrderId != null && input.amount != null)
      return refused(UserErrorCode.BAD_USER_INPUT, 'A bill against a purchase order is priced from its lines; leave amount out.', ['input', 'amount']);
    const standalone = input.amount == null ? null : parseMoneyArg(input.amount, ['input', 'amount'], { min: '0.01' });
    return inTransaction(em, v, async (tx, events) => {
      const supplier = await tx.findOne(Supplier, { id: input.supplierId });
      if (!supplier) throw new Refused(UserErrorCode.NOT_FOUND, 'No such supplier.', ['input', 'supplierId']);
      const dates = domain.supplierBillDates(input.billDate ?? todayUtc(), todayUtc(), supplier.paymentTermsDays);
      if (!dates.ok) throw refusedFromDomain(dates);
      await assertOpenPeriod(tx, dates.value.billDate, ['input', 'billDate']);
      let amount = standalone;
      let order: PurchaseOrder | null = null;
      if (input.purchaseOrderId != null) {
        order = await lockPurchaseOrder(tx, input.purchaseOrderId, ['input', 'purchaseOrderId']);
        if (order.supplier.id !== supplier.id) throw new Refused(UserErrorCode.BAD_USER_INPUT, 'The purchase order is with another supplier.', ['input', 'purchaseOrderId']);
        const lines = order.lines.getItems();
        const wanted = input.lines ? linesOf(order, input.lines, ['input']) : lines.map((l, line) => ({ line, quantity: l.receivedQuantity - l.billedQuantity })).filter((q) => q.quantity > 0);
        const plan = domain.planPurchaseBill(
          lines.map((l) => ({ receivedQuantity: l.receivedQuantity, billedQuantity: l.billedQuantity, unitCost: l.unitCost })),
          wanted,
        );
        if (!plan.ok) throw refusedFromDomain(plan);
        lines.forEach((l, i) => (l.billedQuantity += plan.value.billed[i]));
        amount = domain.formatMoney(plan.value.amount);
      }
      const bill = tx.create(SupplierBill, {
        number: await nextNumber(tx, 'supplier_bill_number_seq', 'BILL'),
        supplier,
        purchaseOrder: order,
        supplierReference: input.supplierReference?.trim() || null,
        billDate: dates.value.billDate,
        dueDate: dates.value.dueDate,
        total: amount!,
      });
      await tx.flush();
      events.record({ type: 'SupplierBillRecorded', billId: bill.id, number: bill.number, supplierId: supplier.id, purchaseOrderId: order?.id ?? null, amount: bill.total, billDate: bill.billDate });
      return bill;
    });
  }

  async payBill(em: EntityManager, viewer: Viewer | null, input: PaySupplierBillInput): Promise<MutationResult<SupplierBill>> {
    const v = requireViewer(viewer);
    if (!may.billAndPaySuppliers(v)) return refused(UserErrorCode.FORBIDDEN, 'Only FINANCE or ADMIN may pay supplier bills.');
    if (!isUuid(input.billId)) return refused(UserErrorCode.NOT_FOUND, 'No such bill.', ['input', 'billId']);
    const amount = parseMoneyArg(input.amount, ['input', 'amount'], { min: '0.01' });
    const paidOn = input.paidOn ?? todayUtc();
    if (paidOn > todayUtc()) return refused(UserErrorCode.BAD_USER_INPUT, 'A payment cannot be dated in the future.', ['input', 'paidOn']);
    return inTransaction(em, v, async (tx, events) => {
      await assertOpenPeriod(tx, paidOn, ['input', 'paidOn']);
      const bill = await lockSupplierBill(tx, input.billId, ['input', 'billId']);
      const paid = domain.payBill({ total: bill.total, amountPaid: bill.amountPaid }, amount);
      if (!paid.ok) throw refusedFromDomain(paid);
      bill.amountPaid = domain.formatMoney(paid.value.amountPaid);
      bill.status = paid.value.status as SupplierBillStatus;
      tx.persist(tx.create(SupplierPayment, { bill, amount, paidOn }));
      await tx.flush();
      events.record({ type: 'SupplierBillPaid', billId: bill.id, number: bill.number, supplierId: bill.supplier.id, amount, paidOn });
      return bill;
    });
  }
}
