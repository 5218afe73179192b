import {
  ConfirmOrderDocument,
  CreateContactDocument,
  CreateCustomerDocument,
  CreateOrderDocument,
  CreateProductDocument,
  CreditCheckDocument,
  Customer360Document,
  CustomerDashboardDocument,
  InvoiceDocument,
  InvoiceOrderDocument,
  OrderDocument,
  PlaceCreditHoldDocument,
  ProductsDocument,
  ReceivablesAgingDocument,
  ReceiveStockDocument,
  RecordPaymentDocument,
  ReleaseCreditHoldDocument,
  RepContactsDocument,
  SetCreditLimitDocument,
  ShipOrderDocument,
  UpdateCustomerDocument,
  CancelOrderDocument,
  AcceptQuoteDocument,
  ApproveQuoteDocument,
  ConvertLeadDocument,
  CreateCampaignDocument,
  CreateLeadDocument,
  CreateOpportunityDocument,
  CreateQuoteDocument,
  LogActivityDocument,
  MoveOpportunityDocument,
  OpenTicketDocument,
  SendQuoteDocument,
  UpdateLeadStatusDocument,
  UpdateTicketStatusDocument,
  ClosePeriodDocument,
  CreatePurchaseOrderDocument,
  CreateSupplierDocument,
  PaySupplierBillDocument,
  ReceivePurchaseOrderDocument,
  RecordSupplierBillDocument,
} from '@tandem/client';
import { createContact, createCrew, createCustomer, createProduct, orderToInvoice, type Crew } from './support/fixtures';
import { startTestGateway, type TestGateway } from './support/test-app';

/**
 * The contract's role table, walked: each role against each operation, and a
 * rep reaching another rep's customer through every path (lists, counts,
 * search, nested fields, credit checks, aging, direct ids).
 */
let gw: TestGateway;
let crew: Crew;
let mine: { id: string };
let theirs: { id: string };
let theirOrderId: string;
let theirInvoiceId: string;
let productId: string;

type Token = keyof Omit<Crew, 'ids'>;
const ROLES: Token[] = ['admin', 'manager', 'rep1', 'finance', 'warehouse', 'support'];

beforeAll(async () => {
  gw = await startTestGateway();
  crew = await createCrew(gw);
  productId = (await createProduct(gw, crew.manager, { sku: 'ROLE-1', unitPrice: '10.00', taxRate: '0', initialStock: 100 })).id;
  mine = await createCustomer(gw, crew.rep1, { name: 'Zeta Mine' }, { finance: crew.finance, limit: '5000.00' });
  theirs = await createCustomer(gw, crew.rep2, { name: 'Zeta Theirs' }, { finance: crew.finance, limit: '5000.00' });
  await createContact(gw, crew.rep1, mine.id, 'Mia', 'Mine');
  await createContact(gw, crew.rep2, theirs.id, 'Theo', 'Theirs');
  await orderToInvoice(gw, crew, crew.rep1, mine.id, [{ productId, quantity: 1 }]);
  const t = await orderToInvoice(gw, crew, crew.rep2, theirs.id, [{ productId, quantity: 2 }]);
  theirOrderId = t.order.id;
  theirInvoiceId = t.invoice.id;
});
afterAll(() => gw?.stop());

/** A payload's userErrors and what it wrote, for `result`. */
const pick = <P extends { userErrors: { code: string }[] }>(payload: P, field: keyof P): [P, unknown] => [payload, payload[field]];

const codes = (errors: readonly { extensions?: Record<string, unknown> }[] | undefined) => (errors ?? []).map((e) => e.extensions?.code);

describe('reads', () => {
  it.each(ROLES)('customers list for %s', async (role) => {
    const r = await gw.request(CustomerDashboardDocument, { first: 50, filter: { search: 'zeta' } }, crew[role]);
    if (role === 'warehouse') {
      expect(codes(r.errors)).toEqual(['FORBIDDEN']);
      return;
    }
    const names = r.data!.customers!.edges.map((e) => e.node.name).sort();
    expect(names).toEqual(role === 'rep1' ? ['Zeta Mine'] : ['Zeta Mine', 'Zeta Theirs']);
    expect(r.data!.customers!.totalCount).toBe(names.length);
    if (role === 'support') {
      // support sees credit.status only: the figures fail at their path, the rest arrives
      expect(codes(r.errors).every((c) => c === 'FORBIDDEN')).toBe(true);
      expect(r.errors!.some((e) => e.path?.includes('limit'))).toBe(true);
      expect(r.errors!.some((e) => e.path?.includes('orders'))).toBe(true);
      expect(r.data!.customers!.edges[0].node.contacts.length).toBe(1);
    } else {
      expect(r.errors).toBeUndefined();
      expect(r.data!.customers!.edges.every((e) => e.node.credit.limit === '5000.00')).toBe(true);
    }
  });

  it.each(ROLES)("Customer360 of another rep's customer for %s", async (role) => {
    const r = await gw.request(Customer360Document, { id: theirs.id }, crew[role]);
    if (role === 'warehouse') return expect(codes(r.errors)).toEqual(['FORBIDDEN']);
    if (role === 'rep1') {
      expect(r.errors).toBeUndefined();
      return expect(r.data!.customer).toBeNull();
    }
    expect(r.data!.customer!.name).toBe('Zeta Theirs');
    expect(r.data!.customer!.credit.status).toBeDefined();
    if (role === 'support') {
      const forbidden = new Set(r.errors!.map((e) => e.path!.join('.')));
      const figures = ['limit', 'openReceivables', 'uninvoicedOrders', 'unappliedCredit', 'exposure', 'available', 'utilization', 'overdueAmount', 'holdReason'];
      expect(forbidden).toEqual(new Set([...figures.map((f) => `customer.credit.${f}`), 'customer.orders', 'customer.invoices', 'customer.opportunities', 'customer.lifetimeValue']));
      expect(codes(r.errors).every((c) => c === 'FORBIDDEN')).toBe(true);
      expect(r.data!.customer!.contacts).toHaveLength(1);
      expect(r.data!.customer!.credit.onHold).toBe(false);
    } else {
      expect(r.errors).toBeUndefined();
      expect(r.data!.customer!.invoices!.totalCount).toBe(1);
    }
  });

  it("keeps another rep's contacts out of the rep's list, count and search", async () => {
    const all = await gw.gql(RepContactsDocument, { first: 100 }, crew.rep1);
    expect(all.contacts!.edges.map((e) => e.node.fullName)).toEqual(['Mia Mine']);
    expect(all.contacts!.totalCount).toBe(1);
    const search = await gw.gql(RepContactsDocument, { first: 100, search: 'theo' }, crew.rep1);
    expect(search.contacts!.totalCount).toBe(0);
    expect(search.contacts!.edges).toEqual([]);
    const manager = await gw.gql(RepContactsDocument, { first: 100, search: 'theo' }, crew.manager);
    expect(manager.contacts!.edges.map((e) => e.node.customer.name)).toEqual(['Zeta Theirs']);
  });

  it("keeps another rep's orders, invoices, credit checks and aging rows from the rep", async () => {
    expect((await gw.gql(OrderDocument, { id: theirOrderId }, crew.rep1)).order).toBeNull();
    expect((await gw.gql(InvoiceDocument, { id: theirInvoiceId }, crew.rep1)).invoice).toBeNull();
    expect((await gw.gql(CreditCheckDocument, { customerId: theirs.id, amount: '1.00' }, crew.rep1)).creditCheck).toBeNull();
    const aging = await gw.gql(ReceivablesAgingDocument, {}, crew.rep1);
    expect(aging.receivablesAging!.customers.map((c) => c.customer.id)).toEqual([mine.id]);
    const filtered = await gw.gql(CustomerDashboardDocument, { first: 10, filter: { ownerId: crew.ids.rep2 } }, crew.rep1);
    expect(filtered.customers!.totalCount).toBe(0);
  });

  it("lets the warehouse read an order's lines and status but not its customer", async () => {
    const r = await gw.request(OrderDocument, { id: theirOrderId }, crew.warehouse);
    expect(r.data!.order!.status).toBe('INVOICED');
    expect(r.data!.order!.lines).toHaveLength(1);
    expect(r.data!.order!.customer).toBeNull();
    expect(new Set(codes(r.errors))).toEqual(new Set(['FORBIDDEN']));
    expect(r.errors!.map((e) => e.path!.join('.')).sort()).toEqual(['order.customer', 'order.invoices']);
  });

  it.each([
    ['support', 'creditCheck'],
    ['warehouse', 'creditCheck'],
    ['support', 'aging'],
    ['warehouse', 'aging'],
    ['support', 'order'],
    ['warehouse', 'invoice'],
  ] as const)('refuses %s a %s with FORBIDDEN', async (role, what) => {
    const r =
      what === 'creditCheck'
        ? await gw.request(CreditCheckDocument, { customerId: theirs.id, amount: '1.00' }, crew[role])
        : what === 'aging'
          ? await gw.request(ReceivablesAgingDocument, {}, crew[role])
          : what === 'order'
            ? await gw.request(OrderDocument, { id: theirOrderId }, crew[role])
            : await gw.request(InvoiceDocument, { id: theirInvoiceId }, crew[role]);
    expect(codes(r.errors)).toEqual(['FORBIDDEN']);
  });

  it.each(ROLES)('the catalog is open to %s', async (role) => {
    const r = await gw.gql(ProductsDocument, { first: 10 }, crew[role]);
    expect(r.products.totalCount).toBeGreaterThan(0);
  });

  it('refuses everything to a caller without a token', async () => {
    const r = await gw.request(CustomerDashboardDocument, { first: 10 });
    expect(codes(r.errors)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('writes', () => {
  type Attempt = (token: string) => Promise<{ code?: string; ok: boolean }>;
  const attempts: Record<string, { allowed: Token[]; run: Attempt }> = {
    createCustomer: {
      allowed: ['admin', 'manager', 'rep1'],
      run: async (t) => {
        const r = await gw.gql(CreateCustomerDocument, { input: { name: 'W Probe' } }, t);
        return { ok: !!r.createCustomer.customer, code: r.createCustomer.userErrors[0]?.code };
      },
    },
    createProduct: {
      allowed: ['admin', 'manager'],
      run: async (t) => {
        const r = await gw.gql(CreateProductDocument, { input: { sku: `W-${Math.random().toString(36).slice(2)}`, name: 'W', unitPrice: '1.00' } }, t);
        return { ok: !!r.createProduct.product, code: r.createProduct.userErrors[0]?.code };
      },
    },
    receiveStock: {
      allowed: ['admin', 'warehouse'],
      run: async (t) => {
        const r = await gw.gql(ReceiveStockDocument, { input: { productId, quantity: 1 } }, t);
        return { ok: !!r.receiveStock.product, code: r.receiveStock.userErrors[0]?.code };
      },
    },
    setCreditLimit: {
      allowed: ['admin', 'finance'],
      run: async (t) => {
        const r = await gw.gql(SetCreditLimitDocument, { customerId: mine.id, limit: '5000.00' }, t);
        return { ok: !!r.setCreditLimit.customer, code: r.setCreditLimit.userErrors[0]?.code };
      },
    },
    recordPayment: {
      allowed: ['admin', 'finance'],
      run: async (t) => {
        const r = await gw.gql(RecordPaymentDocument, { input: { customerId: mine.id, amount: '0.01' } }, t);
        return { ok: !!r.recordPayment.payment, code: r.recordPayment.userErrors[0]?.code };
      },
    },
  };

  // Order operations on rep1's own customer, each attempt on a fresh order in the state it needs.
  const draft = async () => (await gw.gql(CreateOrderDocument, { input: { customerId: mine.id, lines: [{ productId, quantity: 1 }] } }, crew.rep1)).createOrder.order!.id;
  const confirmed = async () => {
    const id = await draft();
    await gw.gql(ConfirmOrderDocument, { id }, crew.rep1);
    return id;
  };
  const shipped = async () => {
    const id = await confirmed();
    await gw.gql(ShipOrderDocument, { id }, crew.warehouse);
    return id;
  };
  Object.assign(attempts, {
    createOrder: {
      allowed: ['admin', 'manager', 'rep1'],
      run: async (t: string) => {
        const r = await gw.gql(CreateOrderDocument, { input: { customerId: mine.id, lines: [{ productId, quantity: 1 }] } }, t);
        return { ok: !!r.createOrder.order, code: r.createOrder.userErrors[0]?.code };
      },
    },
    confirmOrder: {
      allowed: ['admin', 'manager', 'rep1'],
      run: async (t: string) => {
        const r = await gw.gql(ConfirmOrderDocument, { id: await draft() }, t);
        return { ok: !!r.confirmOrder.order, code: r.confirmOrder.userErrors[0]?.code };
      },
    },
    cancelOrder: {
      allowed: ['admin', 'manager', 'rep1'],
      run: async (t: string) => {
        const r = await gw.gql(CancelOrderDocument, { id: await confirmed() }, t);
        return { ok: !!r.cancelOrder.order, code: r.cancelOrder.userErrors[0]?.code };
      },
    },
    shipOrder: {
      allowed: ['admin', 'warehouse'],
      run: async (t: string) => {
        const r = await gw.gql(ShipOrderDocument, { id: await confirmed() }, t);
        return { ok: !!r.shipOrder.order, code: r.shipOrder.userErrors[0]?.code };
      },
    },
    invoiceOrder: {
      allowed: ['admin', 'finance'],
      run: async (t: string) => {
        const r = await gw.gql(InvoiceOrderDocument, { orderId: await shipped() }, t);
        return { ok: !!r.invoiceOrder.invoice, code: r.invoiceOrder.userErrors[0]?.code };
      },
    },
    createContact: {
      allowed: ['admin', 'manager', 'rep1'],
      run: async (t: string) => {
        const r = await gw.gql(CreateContactDocument, { input: { customerId: mine.id, firstName: 'Role', lastName: 'Probe' } }, t);
        return { ok: !!r.createContact.contact, code: r.createContact.userErrors[0]?.code };
      },
    },
    updateCustomer: {
      allowed: ['admin', 'manager', 'rep1'],
      run: async (t: string) => {
        const r = await gw.gql(UpdateCustomerDocument, { id: mine.id, input: { phone: '+44 20 7946 0000' } }, t);
        return { ok: !!r.updateCustomer.customer, code: r.updateCustomer.userErrors[0]?.code };
      },
    },
    placeAndReleaseCreditHold: {
      allowed: ['admin', 'finance'],
      run: async (t: string) => {
        const r = await gw.gql(PlaceCreditHoldDocument, { customerId: mine.id, reason: 'role probe' }, t);
        if (r.placeCreditHold.customer) {
          const back = await gw.gql(ReleaseCreditHoldDocument, { customerId: mine.id }, t);
          expect(back.releaseCreditHold.userErrors).toEqual([]);
        }
        return { ok: !!r.placeCreditHold.customer, code: r.placeCreditHold.userErrors[0]?.code };
      },
    },
  });

  // The front office, each attempt on a fresh document of rep1's own customer in the state it needs.
  const SALES: Token[] = ['admin', 'manager', 'rep1'];
  const lead = async () => (await gw.gql(CreateLeadDocument, { input: { name: 'Role Lead' } }, crew.rep1)).createLead.lead!.id;
  const quote = async (discountPercent = '0') =>
    (await gw.gql(CreateQuoteDocument, { input: { customerId: mine.id, lines: [{ productId, quantity: 1, discountPercent }] } }, crew.rep1)).createQuote.quote!.id;
  const deal = async () => (await gw.gql(CreateOpportunityDocument, { input: { customerId: mine.id, name: 'Role deal', amount: '10.00' } }, crew.rep1)).createOpportunity.opportunity!.id;
  const ticket = async () => (await gw.gql(OpenTicketDocument, { input: { customerId: mine.id, subject: 'Role ticket', priority: 'LOW' as never } }, crew.support)).openTicket.ticket!.id;
  const result = (r: { userErrors: { code: string }[] }, written: unknown) => ({ ok: !!written, code: r.userErrors[0]?.code });
  Object.assign(attempts, {
    createCampaign: {
      allowed: ['admin', 'manager'],
      run: async (t: string) => {
        const r = (await gw.gql(CreateCampaignDocument, { input: { name: 'Role campaign', channel: 'EMAIL', cost: '1.00' } }, t)).createCampaign;
        return result(r, r.campaign);
      },
    },
    createLead: { allowed: SALES, run: async (t: string) => result(...pick((await gw.gql(CreateLeadDocument, { input: { name: 'Role Probe' } }, t)).createLead, 'lead')) },
    updateLeadStatus: {
      allowed: SALES,
      run: async (t: string) => result(...pick((await gw.gql(UpdateLeadStatusDocument, { id: await lead(), status: 'CONTACTED' as never }, t)).updateLeadStatus, 'lead')),
    },
    convertLead: { allowed: SALES, run: async (t: string) => result(...pick((await gw.gql(ConvertLeadDocument, { id: await lead() }, t)).convertLead, 'customer')) },
    createQuote: {
      allowed: SALES,
      run: async (t: string) => result(...pick((await gw.gql(CreateQuoteDocument, { input: { customerId: mine.id, lines: [{ productId, quantity: 1 }] } }, t)).createQuote, 'quote')),
    },
    approveQuote: { allowed: ['admin', 'manager'], run: async (t: string) => result(...pick((await gw.gql(ApproveQuoteDocument, { id: await quote('30') }, t)).approveQuote, 'quote')) },
    sendQuote: { allowed: SALES, run: async (t: string) => result(...pick((await gw.gql(SendQuoteDocument, { id: await quote() }, t)).sendQuote, 'quote')) },
    acceptQuote: { allowed: SALES, run: async (t: string) => result(...pick((await gw.gql(AcceptQuoteDocument, { id: await quote() }, t)).acceptQuote, 'order')) },
    createOpportunity: {
      allowed: SALES,
      run: async (t: string) => result(...pick((await gw.gql(CreateOpportunityDocument, { input: { customerId: mine.id, name: 'Probe', amount: '1.00' } }, t)).createOpportunity, 'opportunity')),
    },
    moveOpportunity: {
      allowed: SALES,
      run: async (t: string) => result(...pick((await gw.gql(MoveOpportunityDocument, { id: await deal(), stage: 'PROPOSAL' as never }, t)).moveOpportunity, 'opportunity')),
    },
    logActivity: {
      allowed: [...SALES, 'support'],
      run: async (t: string) => result(...pick((await gw.gql(LogActivityDocument, { input: { customerId: mine.id, kind: 'NOTE' as never, subject: 'Role probe' } }, t)).logActivity, 'activity')),
    },
    openTicket: {
      allowed: ['admin', 'support'],
      run: async (t: string) => result(...pick((await gw.gql(OpenTicketDocument, { input: { customerId: mine.id, subject: 'Probe', priority: 'LOW' as never } }, t)).openTicket, 'ticket')),
    },
    updateTicketStatus: {
      allowed: ['admin', 'support'],
      run: async (t: string) => result(...pick((await gw.gql(UpdateTicketStatusDocument, { id: await ticket(), status: 'IN_PROGRESS' as never }, t)).updateTicketStatus, 'ticket')),
    },
  });

  // The back office, each attempt on fresh documents made by the roles that may.
  const supplier = async () => (await gw.gql(CreateSupplierDocument, { input: { name: 'Role supplier' } }, crew.finance)).createSupplier.supplier!.id;
  const purchaseOrder = async () =>
    (await gw.gql(CreatePurchaseOrderDocument, { input: { supplierId: await supplier(), lines: [{ productId, quantity: 1, unitCost: '1.00' }] } }, crew.finance)).createPurchaseOrder.purchaseOrder!.id;
  const bill = async () => (await gw.gql(RecordSupplierBillDocument, { input: { supplierId: await supplier(), amount: '5.00' } }, crew.finance)).recordSupplierBill.bill!.id;
  let closeDay = 400;
  Object.assign(attempts, {
    createSupplier: { allowed: ['admin', 'finance'], run: async (t: string) => result(...pick((await gw.gql(CreateSupplierDocument, { input: { name: 'Probe' } }, t)).createSupplier, 'supplier')) },
    createPurchaseOrder: {
      allowed: ['admin', 'finance', 'warehouse'],
      run: async (t: string) =>
        result(...pick((await gw.gql(CreatePurchaseOrderDocument, { input: { supplierId: await supplier(), lines: [{ productId, quantity: 1 }] } }, t)).createPurchaseOrder, 'purchaseOrder')),
    },
    receivePurchaseOrder: {
      allowed: ['admin', 'warehouse'],
      run: async (t: string) => result(...pick((await gw.gql(ReceivePurchaseOrderDocument, { id: await purchaseOrder() }, t)).receivePurchaseOrder, 'purchaseOrder')),
    },
    recordSupplierBill: {
      allowed: ['admin', 'finance'],
      run: async (t: string) => result(...pick((await gw.gql(RecordSupplierBillDocument, { input: { supplierId: await supplier(), amount: '1.00' } }, t)).recordSupplierBill, 'bill')),
    },
    paySupplierBill: {
      allowed: ['admin', 'finance'],
      run: async (t: string) => result(...pick((await gw.gql(PaySupplierBillDocument, { input: { billId: await bill(), amount: '1.00' } }, t)).paySupplierBill, 'bill')),
    },
    closePeriod: {
      allowed: ['admin', 'finance'],
      run: async (t: string) => {
        const through = new Date(Date.now() - (closeDay -= 1) * 86_400_000).toISOString().slice(0, 10);
        const r = (await gw.gql(ClosePeriodDocument, { through }, t)).closePeriod;
        return result(r, r.closedThrough);
      },
    },
  });

  describe.each(Object.entries(attempts))('%s', (_name, { allowed, run }) => {
    it.each(ROLES)('as %s', async (role) => {
      const r = await run(crew[role]);
      if (allowed.includes(role)) expect(r).toEqual({ ok: true, code: undefined });
      else expect(r).toEqual({ ok: false, code: 'FORBIDDEN' });
    });
  });

  it("treats another rep's customer as not found for every write", async () => {
    const u = await gw.gql(UpdateCustomerDocument, { id: theirs.id, input: { name: 'Stolen' } }, crew.rep1);
    expect(u.updateCustomer.userErrors[0].code).toBe('NOT_FOUND');
    const c = await gw.gql(CreateContactDocument, { input: { customerId: theirs.id, firstName: 'X', lastName: 'Y' } }, crew.rep1);
    expect(c.createContact.userErrors[0].code).toBe('NOT_FOUND');
    const o = await gw.gql(CreateOrderDocument, { input: { customerId: theirs.id, lines: [{ productId, quantity: 1 }] } }, crew.rep1);
    expect(o.createOrder.userErrors[0]).toMatchObject({ code: 'NOT_FOUND', field: ['input', 'customerId'] });
    const conf = await gw.gql(ConfirmOrderDocument, { id: theirOrderId }, crew.rep1);
    expect(conf.confirmOrder.userErrors[0].code).toBe('NOT_FOUND');
  });

  it('keeps shipping to the warehouse, invoicing and holds to finance', async () => {
    expect((await gw.gql(ShipOrderDocument, { id: theirOrderId }, crew.rep2)).shipOrder.userErrors[0].code).toBe('FORBIDDEN');
    expect((await gw.gql(InvoiceOrderDocument, { orderId: theirOrderId }, crew.manager)).invoiceOrder.userErrors[0].code).toBe('FORBIDDEN');
    expect((await gw.gql(PlaceCreditHoldDocument, { customerId: theirs.id, reason: 'x' }, crew.rep2)).placeCreditHold.userErrors[0].code).toBe('FORBIDDEN');
  });
});
