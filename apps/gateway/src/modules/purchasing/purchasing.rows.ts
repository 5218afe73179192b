import * as domain from '@tandem/domain';
import type { PurchaseOrder, PurchaseOrderStatus } from './purchase-order.entity';
import type { SupplierBill } from './supplier-bill.entity';
import type { Supplier } from './supplier.entity';
import type { PurchaseOrderType, SupplierBillType, SupplierType } from './purchasing.type';

export const supplierOf = (s: Supplier): SupplierType => ({ id: s.id, name: s.name, email: s.email ?? null, paymentTermsDays: s.paymentTermsDays });

export interface SupplierRow {
  id: string;
  name: string;
  email: string | null;
  payment_terms_days: number;
}
export const SUPPLIER_COLUMNS = 's.id, s.name, s.email, s.payment_terms_days';
export const toSupplier = (r: SupplierRow): SupplierType => ({ id: r.id, name: r.name, email: r.email, paymentTermsDays: r.payment_terms_days });

export interface PurchaseOrderRow {
  id: string;
  number: string;
  status: PurchaseOrderStatus;
  total: string;
  supplier_id: string;
}
export const PURCHASE_ORDER_COLUMNS = 'po.id, po.number, po.status, po.total, po.supplier_id';
export const toPurchaseOrder = (r: PurchaseOrderRow): PurchaseOrderType => ({ id: r.id, number: r.number, status: r.status, total: r.total, supplierId: r.supplier_id });
export const purchaseOrderOf = (o: PurchaseOrder): PurchaseOrderType => toPurchaseOrder({ id: o.id, number: o.number, status: o.status, total: o.total, supplier_id: o.supplier.id });

export const supplierBillOf = (b: SupplierBill): SupplierBillType => ({
  id: b.id,
  number: b.number,
  supplierReference: b.supplierReference ?? null,
  billDate: b.billDate,
  dueDate: b.dueDate,
  total: b.total,
  amountPaid: b.amountPaid,
  balanceDue: domain.formatMoney(domain.money(b.total).minus(b.amountPaid)),
  status: b.status,
  supplierId: b.supplier.id,
});
