import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer';
import type { MutationResult } from '../db/transaction';
import type { Orm } from '../db/orm';
import type { Logger } from '../logger';
import type { Services } from '../services';
import { ActivityKind } from '../modules/crm/activity.entity';
import { LeadStatus } from '../modules/crm/lead.entity';
import { OpportunityStage } from '../modules/crm/opportunity.entity';
import { TicketPriority, TicketStatus } from '../modules/crm/ticket.entity';
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

  await seedFrontOffice(em, services, as, customer, product);
  await seedBackOffice(em, services, as, product);

  log.info({ users: DEMO_USERS.length, customers: customers.length, products: catalog.length, password: DEMO_PASSWORD }, 'seeded the demo company');
}

/**
 * The front office of the demo company, through the same services: campaigns
 * with their costs, leads in every state for both reps (one converted with a
 * deal), a pipeline in every stage for both reps, quotes (one waiting for
 * approval, one over its customer's credit, one sent), tickets (one past its
 * SLA) and activities, so every customer's timeline has something to tell.
 */
async function seedFrontOffice(em: EntityManager, services: Services, as: Record<string, Viewer>, customer: Record<string, string>, product: Record<string, string>): Promise<void> {
  const fair = must('campaign', await services.campaigns.create(em, as.manager, { name: 'Office Expo 2026', channel: 'EVENT', cost: '4800.00', startDate: daysAgo(60) }));
  const search = must('campaign', await services.campaigns.create(em, as.manager, { name: 'Ergonomics search ads', channel: 'SEARCH', cost: '1250.00', startDate: daysAgo(30) }));

  const leads: [string, string, string | null, string | null, LeadStatus][] = [
    ['rep1', 'Olivia Brandt', 'Brandt Architects', fair.id, LeadStatus.NEW],
    ['rep1', 'Marcus Webb', 'Webb & Partners', search.id, LeadStatus.CONTACTED],
    ['rep1', 'Priya Natarajan', 'Lumen Labs', fair.id, LeadStatus.QUALIFIED],
    ['rep1', 'Tom Becker', 'Becker Bakery', null, LeadStatus.DISQUALIFIED],
    ['rep2', 'Elena Rossi', 'Rossi Design', search.id, LeadStatus.NEW],
    ['rep2', 'Jamal Carter', 'Carter Logistics', fair.id, LeadStatus.CONTACTED],
    ['rep2', 'Hana Sato', 'Sato Clinics', search.id, LeadStatus.QUALIFIED],
    ['rep2', 'Leo Martin', null, null, LeadStatus.DISQUALIFIED],
  ];
  for (const [owner, name, company, campaignId, status] of leads) {
    const lead = must(
      name,
      await services.leads.create(em, as[owner], {
        name,
        company,
        email: `${name.split(' ')[0].toLowerCase()}@${(company ?? 'mail').split(' ')[0].toLowerCase()}.example`,
        source: campaignId ? 'campaign' : 'referral',
        campaignId,
      }),
    );
    if (status !== LeadStatus.NEW) must(`${name} ${status}`, await services.leads.updateStatus(em, as[owner], lead.id, status));
  }
  // Converted leads: a customer each, with its contact and a deal.
  for (const [owner, name, company, campaignId] of [
    ['rep1', 'Ines Duarte', 'Duarte Coworking', fair.id],
    ['rep2', 'Noah Fischer', 'Fischer Dental', search.id],
  ] as const) {
    const lead = must(name, await services.leads.create(em, as[owner], { name, company, source: 'campaign', campaignId }));
    must(`${name} qualified`, await services.leads.updateStatus(em, as[owner], lead.id, LeadStatus.QUALIFIED));
    must(`convert ${name}`, await services.leads.convert(em, as[owner], lead.id, { opportunity: { name: `${company} fit-out`, amount: '9400.00' } }));
  }

  // A pipeline in every stage for both reps.
  const stages = [OpportunityStage.PROSPECTING, OpportunityStage.QUALIFICATION, OpportunityStage.PROPOSAL, OpportunityStage.NEGOTIATION];
  const deals: [string, string, string, string, OpportunityStage | 'WON' | 'LOST'][] = [
    ['rep1', 'northwind', 'Northwind HQ refit', '48000.00', OpportunityStage.NEGOTIATION],
    ['rep1', 'northwind', 'Northwind branch chairs', '6200.00', OpportunityStage.PROPOSAL],
    ['rep1', 'contoso', 'Contoso monitors', '3900.00', OpportunityStage.QUALIFICATION],
    ['rep1', 'contoso', 'Contoso second floor', '15000.00', OpportunityStage.PROSPECTING],
    ['rep1', 'northwind', 'Northwind lamps', '2400.00', 'WON'],
    ['rep1', 'contoso', 'Contoso standing desks', '7800.00', 'LOST'],
    ['rep2', 'fabrikam', 'Fabrikam new wing', '52000.00', OpportunityStage.NEGOTIATION],
    ['rep2', 'adatum', 'Adatum meeting rooms', '11000.00', OpportunityStage.PROPOSAL],
    ['rep2', 'litware', 'Litware studio desks', '4200.00', OpportunityStage.QUALIFICATION],
    ['rep2', 'fabrikam', 'Fabrikam canteen', '9000.00', OpportunityStage.PROSPECTING],
    ['rep2', 'adatum', 'Adatum cable refresh', '1800.00', 'WON'],
    ['rep2', 'litware', 'Litware chairs', '2600.00', 'LOST'],
  ];
  let closeIn = 10;
  for (const [owner, key, name, amount, stage] of deals) {
    const open = stages.includes(stage as OpportunityStage) ? (stage as OpportunityStage) : OpportunityStage.NEGOTIATION;
    const deal = must(name, await services.opportunities.create(em, as[owner], { customerId: customer[key], name, amount, stage: open, expectedCloseDate: daysAgo(-(closeIn += 7)) }));
    if (stage === 'WON') must(`${name} won`, await services.opportunities.move(em, as[owner], deal.id, OpportunityStage.WON, null));
    if (stage === 'LOST') must(`${name} lost`, await services.opportunities.move(em, as[owner], deal.id, OpportunityStage.LOST, 'Went with a cheaper supplier'));
  }

  // Quotes: one within the rep's limit and sent, one waiting for a manager, one over the customer's credit.
  const quote = async (owner: string, key: string, lines: [string, number, string?][]) =>
    must(
      `quote for ${key}`,
      await services.quotes.create(em, as[owner], {
        customerId: customer[key],
        lines: lines.map(([sku, quantity, discountPercent]) => ({ productId: product[sku], quantity, discountPercent: discountPercent ?? '0' })),
      }),
    );
  const sent = await quote('rep1', 'northwind', [
    ['CHAIR-ERGO', 20, '10'],
    ['LAMP-LED', 20, '10'],
  ]);
  must('send quote', await services.quotes.send(em, as.rep1, sent.id));
  await quote('rep2', 'fabrikam', [['DESK-SIT-STAND', 10, '22']]); // over the 15 % limit: PENDING_APPROVAL
  await quote('rep1', 'contoso', [['CHAIR-ERGO', 30]]); // over Contoso's 8,000 limit: the quote shows it will be refused
  const accepted = await quote('rep1', 'contoso', [['CABLE-KIT', 30]]);
  must('accept quote', await services.quotes.accept(em, as.rep1, accepted.id));

  // Tickets: one past its SLA (opened yesterday as URGENT), one in progress, one resolved.
  const ticket = async (key: string, subject: string, priority: TicketPriority, hoursAgo = 0) =>
    must(subject, await services.tickets.open(em, as.support, { customerId: customer[key], subject, priority }, new Date(Date.now() - hoursAgo * 3_600_000)));
  await ticket('fabrikam', 'Two desks arrived with a damaged frame', TicketPriority.URGENT, 26);
  const inProgress = await ticket('northwind', 'Chair gas lift replacement', TicketPriority.NORMAL, 3);
  must('ticket in progress', await services.tickets.updateStatus(em, as.support, inProgress.id, TicketStatus.IN_PROGRESS));
  const resolved = await ticket('contoso', 'Monitor arm missing screws', TicketPriority.LOW, 30);
  must('ticket resolved', await services.tickets.updateStatus(em, as.support, resolved.id, TicketStatus.RESOLVED));

  // Activities people logged.
  const activity = async (owner: string, key: string, kind: ActivityKind, subject: string, hoursAgo: number) =>
    must(subject, await services.activities.log(em, as[owner], { customerId: customer[key], kind, subject, occurredAt: new Date(Date.now() - hoursAgo * 3_600_000) }));
  await activity('rep1', 'northwind', ActivityKind.MEETING, 'Walked the HQ floor plan with Nancy', 50);
  await activity('rep1', 'contoso', ActivityKind.CALL, 'Chased the open invoice with Kim', 20);
  await activity('rep2', 'fabrikam', ActivityKind.EMAIL, 'Sent the new-wing proposal', 30);
  await activity('rep2', 'litware', ActivityKind.CALL, 'Agreed a payment plan for the overdue invoice', 6);
  await activity('support', 'fabrikam', ActivityKind.NOTE, 'Replacement frames ordered from the supplier', 2);
}

/**
 * The back office of the demo company: suppliers, purchase orders received and
 * still open, bills paid and due, and the books closed through the end of the
 * month before last, so the trial balance and the KPIs show real figures.
 */
async function seedBackOffice(em: EntityManager, services: Services, as: Record<string, Viewer>, product: Record<string, string>): Promise<void> {
  const chairs = must('supplier', await services.purchasing.createSupplier(em, as.finance, { name: 'Seating Supply Co', email: 'orders@seating.example', paymentTermsDays: 30 }));
  const lights = must('supplier', await services.purchasing.createSupplier(em, as.finance, { name: 'Bright Lights GmbH', email: 'sales@bright.example', paymentTermsDays: 14 }));
  const po = async (supplierId: string, lines: [string, number, string][]) =>
    must(
      'purchase order',
      await services.purchasing.createPurchaseOrder(em, as.warehouse, { supplierId, lines: lines.map(([sku, quantity, unitCost]) => ({ productId: product[sku], quantity, unitCost })) }),
    );

  // Received in full, billed and paid.
  const p1 = await po(chairs.id, [['CHAIR-ERGO', 20, '150.00']]);
  must('receive', await services.purchasing.receive(em, as.warehouse, p1.id, null));
  const b1 = must('bill', await services.purchasing.recordBill(em, as.finance, { supplierId: chairs.id, purchaseOrderId: p1.id, supplierReference: 'SSC-2291', billDate: daysAgo(12) }));
  must('pay bill', await services.purchasing.payBill(em, as.finance, { billId: b1.id, amount: b1.total, paidOn: daysAgo(2) }));
  // Received in part, billed for what arrived, not yet paid.
  const p2 = await po(lights.id, [
    ['LAMP-LED', 60, '17.90'],
    ['MON-27', 10, '238.00'],
  ]);
  must('receive part', await services.purchasing.receive(em, as.warehouse, p2.id, [{ productId: product['LAMP-LED'], quantity: 60 }]));
  must('bill part', await services.purchasing.recordBill(em, as.finance, { supplierId: lights.id, purchaseOrderId: p2.id, supplierReference: 'BL-7781' }));
  // Still open: nothing received yet.
  await po(chairs.id, [['DESK-SIT-STAND', 8, '385.00']]);
  // A standalone bill (delivery charges), due.
  must('standalone bill', await services.purchasing.recordBill(em, as.finance, { supplierId: lights.id, amount: '120.00', supplierReference: 'BL-FREIGHT-12', billDate: daysAgo(3) }));

  // The books are closed through the end of the month before last.
  const now = new Date();
  const endOfMonthBeforeLast = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 0)).toISOString().slice(0, 10);
  must('close period', await services.periodClose.close(em, as.finance, endOfMonthBeforeLast));
}
