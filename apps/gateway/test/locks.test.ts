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
