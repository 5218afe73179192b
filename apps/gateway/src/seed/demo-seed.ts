import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer';
import type { MutationResult } from '../db/transaction';
import type { Orm } from '../db/orm';
import type { Logger } from '../logger';
import type { Services } from '../services';
import { Role, User } from '../modules/users/user.entity';

/** Demo users, one per role (two reps), all with the password `demo-password`. */
export const DEMO_PASSWORD = 'demo-password';
export const DEMO_USERS = [
  { key: 'manager', email: 'manager@demo.tandem', name: 'Maya Manager', role: Role.SALES_MANAGER },
  { key: 'rep1', email: 'rep1@demo.tandem', name: 'Ravi Rep', role: Role.SALES_REP },
  { key: 'rep2', email: 'rep2@demo.tandem', name: 'Rosa Rep', role: Role.SALES_REP },
  { key: 'finance', email: 'finance@demo.tandem', name: 'Fiona Finance', role: Role.FINANCE },
  { key: 'warehouse', email: 'warehouse@demo.tandem', name: 'Walt Warehouse', role: Role.WAREHOUSE },
  { key: 'support', email: 'support@demo.tandem', name: 'Sam Support', role: Role.SUPPORT },
] as const;

function must<T, D>(what: string, r: MutationResult<T, D>): T {
  if (!r.ok) throw new Error(`demo seed: ${what}: ${r.userErrors.map((e) => `${e.code} ${e.message}`).join('; ')}`);
  return r.value;
}

function daysAgo(n: number): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
}

/**
 * A small, believable demo company, written through the same services as the
 * API (never raw SQL around the rules): orders in every state, invoices open,
 * part-paid, paid and overdue, and one customer on credit hold. First start only.
 */
export async function seedDemo(orm: Orm, services: Services, log: Logger): Promise<void> {
  const em: EntityManager = orm.em.fork();
  const admin = await em.findOneOrFail(User, { role: Role.ADMIN }, { orderBy: { createdAt: 'asc' } });
  const as: Record<string, Viewer> = { admin: { id: admin.id, role: Role.ADMIN } };
  for (const u of DEMO_USERS) {
    const user = must(u.email, await services.users.createUser(em, as.admin, { email: u.email, name: u.name, role: u.role, password: DEMO_PASSWORD }));
    as[u.key] = { id: user.id, role: u.role };
  }

  const catalog = [
    { sku: 'CHAIR-ERGO', name: 'Ergonomic office chair', unitPrice: '289.00', unitCost: '151.00', taxRate: '0.2', reorderPoint: 10, initialStock: 60 },
    { sku: 'DESK-SIT-STAND', name: 'Sit-stand desk 160 cm', unitPrice: '649.00', unitCost: '388.00', taxRate: '0.2', reorderPoint: 5, initialStock: 25 },
    { sku: 'LAMP-LED', name: 'LED desk lamp', unitPrice: '49.90', unitCost: '18.20', taxRate: '0.2', reorderPoint: 20, initialStock: 120 },
    { sku: 'MON-27', name: '27" monitor', unitPrice: '329.00', unitCost: '240.00', taxRate: '0.2', reorderPoint: 8, initialStock: 9 },
    { sku: 'CABLE-KIT', name: 'Cable management kit', unitPrice: '19.99', unitCost: '6.10', taxRate: '0.2', reorderPoint: 50, initialStock: 400 },
  ];
  const product: Record<string, string> = {};
  for (const p of catalog) product[p.sku] = must(p.sku, await services.catalog.createProduct(em, as.manager, p)).id;

  const customers = [
    {
      key: 'northwind',
      owner: 'rep1',
      name: 'Northwind Traders',
      email: 'buying@northwind.example',
      limit: '25000.00',
      terms: 30,
      contacts: [
        ['Nancy', 'Davolio', 'Purchasing manager'],
        ['Andrew', 'Fuller', 'CFO'],
      ],
    },
    { key: 'contoso', owner: 'rep1', name: 'Contoso Ltd', email: 'ap@contoso.example', limit: '8000.00', terms: 14, contacts: [['Kim', 'Abercrombie', 'Office manager']] },
    {
      key: 'fabrikam',
      owner: 'rep2',
      name: 'Fabrikam Inc',
      email: 'orders@fabrikam.example',
      limit: '15000.00',
      terms: 30,
      contacts: [
        ['Jon', 'Morris', 'Facilities'],
        ['Ana', 'Trujillo', 'Accounts payable'],
      ],
    },
    { key: 'litware', owner: 'rep2', name: 'Litware Studio', email: 'hello@litware.example', limit: '3000.00', terms: 30, contacts: [['Pat', 'Kline', 'Founder']] },
    { key: 'adatum', owner: 'rep2', name: 'Adatum Corp', email: 'finance@adatum.example', limit: null, terms: 45, contacts: [['Lee', 'Chen', 'Procurement']] },
  ] as const;
  const customer: Record<string, string> = {};
  for (const c of customers) {
    const created = must(c.name, await services.customers.createCustomer(em, as[c.owner], { name: c.name, email: c.email, paymentTermsDays: c.terms }));
    customer[c.key] = created.id;
    must(`${c.name} limit`, await services.credit.setCreditLimit(em, as.finance, created.id, c.limit));
    for (const [firstName, lastName, title] of c.contacts) {
      must(
        `${firstName} ${lastName}`,
        await services.customers.createContact(em, as[c.owner], { customerId: created.id, firstName, lastName, title, email: `${firstName}.${lastName}@${c.email.split('@')[1]}`.toLowerCase() }),
      );
    }
  }

  const order = async (owner: string, key: string, lines: [string, number, string?][], daysBack: number) =>
    must(
      `order for ${key}`,
      await services.orders.createOrder(em, as[owner], {
        customerId: customer[key],
        orderDate: daysAgo(daysBack),
        lines: lines.map(([sku, quantity, discountPercent]) => ({ productId: product[sku], quantity, discountPercent: discountPercent ?? '0' })),
      }),
    ).id;
  const confirm = async (owner: string, id: string) => must('confirm', await services.fulfilment.confirmOrder(em, as[owner], id)).order;
  const ship = async (id: string, lines?: { productId: string; quantity: number }[]) => must('ship', await services.fulfilment.shipOrder(em, as.warehouse, id, lines));
  const invoice = async (id: string, daysBack: number) => must('invoice', await services.invoicing.invoiceOrder(em, as.finance, id, daysAgo(daysBack)));

  // Northwind: a long-standing customer, paid up, with a fresh confirmed order.
  const nw1 = await order(
    'rep1',
    'northwind',
    [
      ['CHAIR-ERGO', 12, '5'],
      ['LAMP-LED', 12],
    ],
    70,
  );
  await confirm('rep1', nw1);
  await ship(nw1);
  const nwInv = await invoice(nw1, 65);
  must('payment', await services.payments.recordPayment(em, as.finance, { customerId: customer.northwind, amount: nwInv.total, receivedOn: daysAgo(40), reference: 'NW-BACS-0412' }));
  const nw2 = await order('rep1', 'northwind', [['DESK-SIT-STAND', 6, '7.5']], 3);
  await confirm('rep1', nw2);
  await order('rep1', 'northwind', [['CABLE-KIT', 40]], 0); // a draft still being put together

  // Contoso: part-paid and a partial shipment.
  const co1 = await order(
    'rep1',
    'contoso',
    [
      ['MON-27', 4],
      ['CABLE-KIT', 10],
    ],
    20,
  );
  await confirm('rep1', co1);
  await ship(co1);
  await invoice(co1, 18);
  must('part payment', await services.payments.recordPayment(em, as.finance, { customerId: customer.contoso, amount: '500.00', receivedOn: daysAgo(5), reference: 'CT-CHQ-1183' }));
  const co2 = await order(
    'rep1',
    'contoso',
    [
      ['LAMP-LED', 20],
      ['CHAIR-ERGO', 2],
    ],
    2,
  );
  await confirm('rep1', co2);
  await ship(co2, [{ productId: product['LAMP-LED'], quantity: 20 }]);

  // Fabrikam: overdue by a few weeks (credit WARNING), plus a shipped order awaiting its invoice.
  const fa1 = await order(
    'rep2',
    'fabrikam',
    [
      ['DESK-SIT-STAND', 8],
      ['CHAIR-ERGO', 8],
    ],
    75,
  );
  await confirm('rep2', fa1);
  await ship(fa1);
  await invoice(fa1, 72);
  const fa2 = await order('rep2', 'fabrikam', [['LAMP-LED', 15]], 6);
  await confirm('rep2', fa2);
  await ship(fa2);

  // Litware: more than 60 days overdue, so its credit status is ON_HOLD; a cancelled order too.
  const li1 = await order(
    'rep2',
    'litware',
    [
      ['MON-27', 3],
      ['CABLE-KIT', 5],
    ],
    120,
  );
  const li2 = await order('rep2', 'litware', [['CHAIR-ERGO', 2]], 30);
  await confirm('rep2', li1);
  await confirm('rep2', li2);
  await ship(li1);
  must('cancel', await services.fulfilment.cancelOrder(em, as.rep2, li2, 'Customer postponed the refit'));
  await invoice(li1, 118);

  // Adatum: no credit limit, placed on hold by finance by hand.
  const ad1 = await order('rep2', 'adatum', [['CABLE-KIT', 100, '10']], 10);
  await confirm('rep2', ad1);
  must('hold', await services.credit.placeCreditHold(em, as.finance, customer.adatum, 'Bank details changed; verifying before shipping'));

  log.info({ users: DEMO_USERS.length, customers: customers.length, products: catalog.length, password: DEMO_PASSWORD }, 'seeded the demo company');
}
