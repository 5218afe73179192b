import {
  ConfirmOrderDocument,
  CreateContactDocument,
  CreateCustomerDocument,
  CreateOrderDocument,
  CreateProductDocument,
  CreateUserDocument,
  InvoiceOrderDocument,
  MeDocument,
  SetCreditLimitDocument,
  ShipOrderDocument,
} from '@tandem/client';
import { ADMIN, type TestGateway } from './test-app';

export type RoleName = 'ADMIN' | 'SALES_MANAGER' | 'SALES_REP' | 'FINANCE' | 'WAREHOUSE' | 'SUPPORT';

export interface Crew {
  admin: string;
  manager: string;
  rep1: string;
  rep2: string;
  finance: string;
  warehouse: string;
  support: string;
  ids: Record<'admin' | 'manager' | 'rep1' | 'rep2' | 'finance' | 'warehouse' | 'support', string>;
}

/** One signed-in user per role (two reps), through the API. */
export async function createCrew(gw: TestGateway, tag = ''): Promise<Crew> {
  const admin = await gw.login(ADMIN.email, ADMIN.password);
  const people: [keyof Crew['ids'], RoleName][] = [
    ['manager', 'SALES_MANAGER'],
    ['rep1', 'SALES_REP'],
    ['rep2', 'SALES_REP'],
    ['finance', 'FINANCE'],
    ['warehouse', 'WAREHOUSE'],
    ['support', 'SUPPORT'],
  ];
  const crew = { admin, ids: {} } as Crew;
  crew.ids.admin = (await gw.gql(MeDocument, {}, admin)).me.id;
  for (const [key, role] of people) {
    const email = `${key}${tag}@t.tandem`;
    const r = await gw.gql(CreateUserDocument, { input: { email, name: `${key} ${tag}`.trim(), role, password: 'crew-password' } }, admin);
    if (!r.createUser.user) throw new Error(JSON.stringify(r.createUser.userErrors));
    crew.ids[key] = r.createUser.user.id;
    (crew as unknown as Record<string, string>)[key] = await gw.login(email, 'crew-password');
  }
  return crew;
}

export async function createProduct(gw: TestGateway, token: string, input: { sku: string; unitPrice: string; taxRate?: string; initialStock?: number; reorderPoint?: number; name?: string }) {
  const r = await gw.gql(CreateProductDocument, { input: { name: input.name ?? input.sku, unitCost: '1.00', ...input } }, token);
  if (!r.createProduct.product) throw new Error(JSON.stringify(r.createProduct.userErrors));
  return r.createProduct.product;
}

export async function createCustomer(gw: TestGateway, token: string, input: { name: string; ownerId?: string; paymentTermsDays?: number }, creditLimit?: { finance: string; limit: string | null }) {
  const r = await gw.gql(CreateCustomerDocument, { input }, token);
  if (!r.createCustomer.customer) throw new Error(JSON.stringify(r.createCustomer.userErrors));
  if (creditLimit) {
    const s = await gw.gql(SetCreditLimitDocument, { customerId: r.createCustomer.customer.id, limit: creditLimit.limit }, creditLimit.finance);
    if (s.setCreditLimit.userErrors.length) throw new Error(JSON.stringify(s.setCreditLimit.userErrors));
  }
  return r.createCustomer.customer;
}

export async function createContact(gw: TestGateway, token: string, customerId: string, firstName: string, lastName: string) {
  const r = await gw.gql(CreateContactDocument, { input: { customerId, firstName, lastName, email: `${firstName}.${lastName}@example.com`.toLowerCase() } }, token);
  if (!r.createContact.contact) throw new Error(JSON.stringify(r.createContact.userErrors));
  return r.createContact.contact;
}

export async function createOrder(
  gw: TestGateway,
  token: string,
  customerId: string,
  lines: { productId: string; quantity: number; discountPercent?: string; unitPrice?: string }[],
  orderDate?: string,
) {
  const r = await gw.gql(CreateOrderDocument, { input: { customerId, lines, orderDate } }, token);
  if (!r.createOrder.order) throw new Error(JSON.stringify(r.createOrder.userErrors));
  return r.createOrder.order;
}

/** Draft → confirmed → shipped → invoiced, failing loudly at any refusal. */
export async function orderToInvoice(gw: TestGateway, crew: Crew, token: string, customerId: string, lines: { productId: string; quantity: number }[], issueDate?: string) {
  const order = await createOrder(gw, token, customerId, lines);
  const c = await gw.gql(ConfirmOrderDocument, { id: order.id }, token);
  if (c.confirmOrder.userErrors.length) throw new Error(JSON.stringify(c.confirmOrder.userErrors));
  const s = await gw.gql(ShipOrderDocument, { id: order.id }, crew.warehouse);
  if (s.shipOrder.userErrors.length) throw new Error(JSON.stringify(s.shipOrder.userErrors));
  const i = await gw.gql(InvoiceOrderDocument, { orderId: order.id, issueDate }, crew.finance);
  if (!i.invoiceOrder.invoice) throw new Error(JSON.stringify(i.invoiceOrder.userErrors));
  return { order, invoice: i.invoiceOrder.invoice };
}
