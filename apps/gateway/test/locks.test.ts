import { UpdateCustomerDocument } from '@tandem/client';
import { Client } from 'pg';
import { Role } from '../src/auth/viewer';
import { lockCustomer, lockOrderWithCustomer, lockProducts } from '../src/db/locks';
import { createCrew, createCustomer, createOrder, createProduct, type Crew } from './support/fixtures';
import { startTestGateway, type TestGateway } from './support/test-app';

/**
 * The lock module states one global order (customer → order → invoices →
 * products by id → alert outbox) and enforces it: a write that takes a lock
 * out of order fails at once instead of deadlocking one day in production.
 */
let gw: TestGateway;
let crew: Crew;

beforeAll(async () => {
  gw = await startTestGateway();
  crew = await createCrew(gw);
});
afterAll(async () => {
  await gw?.stop();
});

const admin = () => ({ id: crew.ids.admin, role: Role.ADMIN, expiresAt: Date.now() + 60_000 });

it('takes customer, order and products in the global order', async () => {
  const p1 = await createProduct(gw, crew.manager, { sku: 'LOCK-1', unitPrice: '1.00', initialStock: 5 });
  const p2 = await createProduct(gw, crew.manager, { sku: 'LOCK-2', unitPrice: '1.00', initialStock: 5 });
  const c = await createCustomer(gw, crew.rep1, { name: 'Lock Order Co' });
  const o = await createOrder(gw, crew.rep1, c.id, [
    { productId: p2.id, quantity: 1 },
    { productId: p1.id, quantity: 1 },
  ]);
  await gw.app.orm.em.fork().transactional(async (tx) => {
    const { order, customer } = await lockOrderWithCustomer(tx, admin(), o.id);
    expect(customer.id).toBe(c.id);
    expect(order.lines.getItems()).toHaveLength(2);
    const products = await lockProducts(tx, [p2.id, p1.id, p2.id]);
    expect([...products.keys()].sort()).toEqual([p1.id, p2.id].sort());
  });
});

it('refuses a lock taken out of order, before it can deadlock', async () => {
  const p = await createProduct(gw, crew.manager, { sku: 'LOCK-3', unitPrice: '1.00', initialStock: 5 });
  const c = await createCustomer(gw, crew.rep1, { name: 'Out Of Order Co' });
  await expect(
    gw.app.orm.em.fork().transactional(async (tx) => {
      await lockProducts(tx, [p.id]);
      await lockCustomer(tx, admin(), c.id, ['id']);
    }),
  ).rejects.toThrow(/lock order violated: customer/);
});

it('refuses a second batch of products below one already locked', async () => {
  const [a, b] = [await createProduct(gw, crew.manager, { sku: 'LOCK-4', unitPrice: '1.00' }), await createProduct(gw, crew.manager, { sku: 'LOCK-5', unitPrice: '1.00' })].sort((x, y) =>
    x.id.localeCompare(y.id),
  );
  await expect(
    gw.app.orm.em.fork().transactional(async (tx) => {
      await lockProducts(tx, [b.id]);
      await lockProducts(tx, [a.id]);
    }),
  ).rejects.toThrow(/lock order violated: products/);
});

it('hides a customer the viewer may not read behind NOT_FOUND', async () => {
  const c = await createCustomer(gw, crew.rep1, { name: 'Not Yours Co' });
  await expect(gw.app.orm.em.fork().transactional((tx) => lockCustomer(tx, { id: crew.ids.rep2, role: Role.SALES_REP, expiresAt: Date.now() + 60_000 }, c.id, ['id']))).rejects.toMatchObject({
    name: 'Refused',
    code: 'NOT_FOUND',
  });
});

it('answers a write on a customer the viewer may not read like one on a customer that does not exist, without waiting on its lock', async () => {
  const theirs = await createCustomer(gw, crew.rep1, { name: 'Locked Elsewhere Co' });
  const holder = new Client({ connectionString: gw.databaseUrl });
  await holder.connect();
  try {
    // Someone else holds the customer's row lock for a while.
    await holder.query('begin');
    await holder.query('select id from customers where id = $1 for update', [theirs.id]);
    const started = Date.now();
    const other = await gw.gql(UpdateCustomerDocument, { id: theirs.id, input: { name: 'Probe' } }, crew.rep2);
    const elapsed = Date.now() - started;
    const missing = await gw.gql(UpdateCustomerDocument, { id: '00000000-0000-4000-8000-000000000000', input: { name: 'Probe' } }, crew.rep2);
    expect(other.updateCustomer.userErrors).toEqual(missing.updateCustomer.userErrors);
    expect(other.updateCustomer.userErrors[0].code).toBe('NOT_FOUND');
    expect(elapsed).toBeLessThan(1000); // before the change it waited until the lock was released
  } finally {
    await holder.query('rollback');
    await holder.end();
  }
});
