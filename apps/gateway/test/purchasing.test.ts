import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import {
  AuditLogDocument,
  ClosePeriodDocument,
  CreatePurchaseOrderDocument,
  CreateSupplierDocument,
  PaySupplierBillDocument,
  ProductsDocument,
  PurchaseOrdersDocument,
  RecordSupplierBillDocument,
  SetCreditLimitDocument,
  SuppliersDocument,
  TrialBalanceDocument,
} from '@tandem/client';
import { Client } from 'pg';
import { createCrew, createCustomer, createProduct, type Crew } from './support/fixtures';
import { startTestGateway, type TestGateway } from './support/test-app';

/**
 * Purchasing and payables: a receipt raises stock at once and is valued at the
 * order's unit cost, a bill may not bill more than was received, payments never
 * over-pay, the ledger's payables equal the open bill balances, and every change
 * leaves an append-only audit line with its values before and after.
 */
const doc = <R>(source: string) => parse(source) as TypedDocumentNode<R, Record<string, unknown>>;
const UpdateUserDocument = doc<{ updateUser: { userErrors: { code: string }[] } }>(`mutation($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { userErrors { code } } }`);
const ReceiveLines = doc<{ receivePurchaseOrder: { purchaseOrder: { id: string; status: string } | null; userErrors: { code: string; field: string[] | null }[] } }>(
  `mutation($id: ID!, $lines: [PurchaseQuantityInput!]) { receivePurchaseOrder(id: $id, lines: $lines) { purchaseOrder { id status } userErrors { code field } } }`,
);

let gw: TestGateway;
let crew: Crew;
let db: Client;
let supplierId: string;
let product: { id: string };

beforeAll(async () => {
  gw = await startTestGateway({ ALERT_SCAN_INTERVAL_MS: '3600000' });
  crew = await createCrew(gw);
  db = new Client({ connectionString: gw.databaseUrl });
  await db.connect();
  const s = await gw.gql(CreateSupplierDocument, { input: { name: 'Chairs Wholesale', email: 'sales@chairs.example', paymentTermsDays: 45 } }, crew.finance);
  expect(s.createSupplier.userErrors).toEqual([]);
  supplierId = s.createSupplier.supplier!.id;
  product = await createProduct(gw, crew.manager, { sku: 'PO-CHAIR', unitPrice: '100.00', taxRate: '0', initialStock: 0, reorderPoint: 5 });
});
afterAll(async () => {
  await db?.end();
  await gw?.stop();
});

const lowStock = async () => (await gw.gql(ProductsDocument, { first: 100, lowStock: true }, crew.warehouse)).products.edges.map((e) => e.node.id);
const balance = async (code: string) => (await gw.gql(TrialBalanceDocument, {}, crew.finance)).trialBalance!.lines.find((l) => l.account.code === code)!.balance;

it('orders, receives by line and in full, raising stock at once, and bills no more than was received', async () => {
  const po = await gw.gql(CreatePurchaseOrderDocument, { input: { supplierId, lines: [{ productId: product.id, quantity: 10, unitCost: '40.00' }] } }, crew.warehouse);
  expect(po.createPurchaseOrder.userErrors).toEqual([]);
  expect(po.createPurchaseOrder.purchaseOrder).toMatchObject({ number: expect.stringMatching(/^PO-\d{6}$/), status: 'OPEN', total: '400.00', lines: [{ quantity: 10, unitCost: '40.00' }] });
  const id = po.createPurchaseOrder.purchaseOrder!.id;
  expect(await lowStock()).toContain(product.id);

  const part = (await gw.gql(ReceiveLines, { id, lines: [{ productId: product.id, quantity: 6 }] }, crew.warehouse)).receivePurchaseOrder;
  expect(part).toEqual({ purchaseOrder: { id, status: 'PARTIALLY_RECEIVED' }, userErrors: [] });
  expect(await lowStock()).not.toContain(product.id); // 6 on hand is over the reorder point of 5, at once
  expect((await db.query('select inventory_value::text as v from products where id = $1', [product.id])).rows[0].v).toBe('240.00');

  const over = await gw.gql(RecordSupplierBillDocument, { input: { supplierId, purchaseOrderId: id, lines: [{ productId: product.id, quantity: 7 }] } }, crew.finance);
  expect(over.recordSupplierBill.userErrors).toEqual([expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'lines', '0', 'quantity'] })]);
  const bill = (await gw.gql(RecordSupplierBillDocument, { input: { supplierId, purchaseOrderId: id } }, crew.finance)).recordSupplierBill;
  expect(bill.userErrors).toEqual([]);
  const due = new Date(Date.now() + 45 * 86_400_000).toISOString().slice(0, 10);
  expect(bill.bill).toMatchObject({ total: '240.00', balanceDue: '240.00', dueDate: due, supplier: { id: supplierId } });

  expect((await gw.gql(ReceiveLines, { id, lines: null }, crew.warehouse)).receivePurchaseOrder.purchaseOrder?.status).toBe('RECEIVED');
  expect((await gw.gql(ReceiveLines, { id, lines: null }, crew.warehouse)).receivePurchaseOrder.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_TRANSITION' })]);
  expect((await gw.gql(ReceiveLines, { id, lines: null }, crew.finance)).receivePurchaseOrder.userErrors).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);

  // Payables are the open bills; received-not-billed goods are what is still to be billed.
  expect(await balance('2000')).toBe('-240.00');
  expect(await balance('2100')).toBe('-160.00');
  const paid = (await gw.gql(PaySupplierBillDocument, { input: { billId: bill.bill!.id, amount: '100.00' } }, crew.finance)).paySupplierBill;
  expect(paid).toEqual({ bill: { id: bill.bill!.id, balanceDue: '140.00' }, userErrors: [] });
  expect((await gw.gql(PaySupplierBillDocument, { input: { billId: bill.bill!.id, amount: '140.01' } }, crew.finance)).paySupplierBill.userErrors).toEqual([
    expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'amount'] }),
  ]);
  const open = await db.query(`select coalesce(sum(total - amount_paid), 0)::text as s from supplier_bills`);
  expect(await balance('2000')).toBe(`-${open.rows[0].s}`);
});

it('records a standalone bill and refuses bad input with its path, writing nothing', async () => {
  const before = Number((await db.query('select count(*) as n from supplier_bills')).rows[0].n);
  const bad = async (input: Record<string, unknown>) => {
    const r = await gw.request(RecordSupplierBillDocument, { input: { supplierId, ...input } }, crew.finance);
    return r.errors?.[0] ? { code: r.errors[0].extensions?.code } : r.data!.recordSupplierBill.userErrors[0];
  };
  expect(await bad({})).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'amount'] });
  expect(await bad({ amount: '-5.00' })).toMatchObject({ code: 'BAD_USER_INPUT' });
  expect(await bad({ amount: '5.001' })).toMatchObject({ code: 'BAD_USER_INPUT' });
  expect(await bad({ amount: '5.00', billDate: '2999-01-01' })).toMatchObject({ code: 'BAD_USER_INPUT' });
  expect(await bad({ supplierId: '00000000-0000-4000-8000-000000000000', amount: '5.00' })).toMatchObject({ code: 'NOT_FOUND', field: ['input', 'supplierId'] });
  expect(Number((await db.query('select count(*) as n from supplier_bills')).rows[0].n)).toBe(before);
  const ok = (await gw.gql(RecordSupplierBillDocument, { input: { supplierId, amount: '55.50', supplierReference: 'INV-77' } }, crew.finance)).recordSupplierBill;
  expect(ok).toMatchObject({ bill: { total: '55.50', balanceDue: '55.50' }, userErrors: [] });
  const po = await gw.request(CreatePurchaseOrderDocument, { input: { supplierId, lines: [{ productId: product.id, quantity: 0 }] } }, crew.finance);
  expect(po.data?.createPurchaseOrder.userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'lines', '0', 'quantity'] });
});

it('refuses bills and bill payments dated in a closed period', async () => {
  const through = new Date(Date.now() - 20 * 86_400_000).toISOString().slice(0, 10);
  expect((await gw.gql(ClosePeriodDocument, { through }, crew.finance)).closePeriod.userErrors).toEqual([]);
  const r = await gw.gql(RecordSupplierBillDocument, { input: { supplierId, amount: '1.00', billDate: through } }, crew.finance);
  expect(r.recordSupplierBill.userErrors).toEqual([expect.objectContaining({ code: 'PERIOD_CLOSED', field: ['input', 'billDate'] })]);
  const bill = (await gw.gql(RecordSupplierBillDocument, { input: { supplierId, amount: '1.00' } }, crew.finance)).recordSupplierBill.bill!;
  const p = await gw.gql(PaySupplierBillDocument, { input: { billId: bill.id, amount: '1.00', paidOn: through } }, crew.finance);
  expect(p.paySupplierBill.userErrors).toEqual([expect.objectContaining({ code: 'PERIOD_CLOSED', field: ['input', 'paidOn'] })]);
});

it('keeps purchasing to finance, the warehouse and admin', async () => {
  for (const token of [crew.manager, crew.rep1, crew.support]) {
    expect((await gw.request(SuppliersDocument, { first: 5 }, token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await gw.request(PurchaseOrdersDocument, { first: 5 }, token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await gw.gql(CreateSupplierDocument, { input: { name: 'X' } }, token)).createSupplier.userErrors[0].code).toBe('FORBIDDEN');
  }
  expect((await gw.gql(CreateSupplierDocument, { input: { name: 'X' } }, crew.warehouse)).createSupplier.userErrors[0].code).toBe('FORBIDDEN');
  expect((await gw.gql(SuppliersDocument, { first: 5 }, crew.warehouse)).suppliers!.totalCount).toBeGreaterThan(0);
  const orders = (await gw.gql(PurchaseOrdersDocument, { first: 5, status: ['RECEIVED' as never] }, crew.finance)).purchaseOrders!;
  expect(orders.edges.every((e) => e.node.status === 'RECEIVED' && e.node.supplier?.name === 'Chairs Wholesale')).toBe(true);
});

it('records every change in an append-only audit log, with values before and after, for ADMIN and FINANCE only', async () => {
  const c = await createCustomer(gw, crew.rep1, { name: 'Audited Co' });
  await gw.gql(SetCreditLimitDocument, { customerId: c.id, limit: '750.00' }, crew.finance);
  const log = (await gw.gql(AuditLogDocument, { first: 10, entityType: 'Customer', entityId: c.id }, crew.admin)).auditLog!.edges.map((e) => e.node);
  expect(log.map((l) => l.action)).toEqual(['CreditLimitChanged', 'CustomerCreated']);
  expect(log[0]).toMatchObject({ actor: { id: crew.ids.finance }, entityType: 'Customer', entityId: c.id, before: { creditLimit: null }, after: { creditLimit: '750.00' } });
  expect(log[1]).toMatchObject({ actor: { id: crew.ids.rep1 }, before: null, after: { customer: { customerName: 'Audited Co' } } });
  expect((await gw.gql(UpdateUserDocument, { id: crew.ids.rep2, input: { name: 'Rosa Renamed' } }, crew.admin)).updateUser.userErrors).toEqual([]);
  const renamed = (await gw.gql(AuditLogDocument, { first: 1, entityType: 'User', entityId: crew.ids.rep2 }, crew.admin)).auditLog!.edges[0].node;
  expect(renamed).toMatchObject({ action: 'UserUpdated', actor: { id: crew.ids.admin }, before: { name: 'rep2' }, after: { name: 'Rosa Renamed' } });
  const sqlstate = (sql: string) =>
    db.query(sql).then(
      () => 'ok',
      (e: { code: string }) => e.code,
    );
  expect(await sqlstate(`update audit_log set action = 'x'`)).toBe('LG001');
  expect(await sqlstate(`delete from audit_log`)).toBe('LG001');
  for (const token of [crew.manager, crew.rep1, crew.warehouse, crew.support]) {
    expect((await gw.request(AuditLogDocument, { first: 1 }, token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  }
  const pages: string[] = [];
  let after: string | null = null;
  for (let i = 0; i < 3; i++) {
    const p: { edges: { node: { id: string } }[]; pageInfo: { endCursor: string | null } } = (await gw.gql(AuditLogDocument, { first: 2, after }, crew.finance)).auditLog!;
    pages.push(...p.edges.map((e) => e.node.id));
    after = p.pageInfo.endCursor;
  }
  expect(pages.map(Number)).toEqual([...pages.map(Number)].sort((a, b) => b - a));
  expect(new Set(pages).size).toBe(6);
});
