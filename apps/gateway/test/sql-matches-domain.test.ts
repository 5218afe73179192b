import 'reflect-metadata';
import fc from 'fast-check';
import * as domain from '@tandem/domain';
import { migrate, openOrm, type Orm } from '../src/db/orm';
import { loadCreditFacts, loadOverdueHoldCandidates } from '../src/modules/customers/credit-facts';
import { creditFiguresOf } from '../src/modules/customers/credit-view';
import { loadInvoicesAsOf } from '../src/modules/receivables/aging.rows';
import { ANCHOR, arbCustomer, build, creditListsOf, EDGE_CUSTOMER, history, owedOf, SIXTY_DAYS_LATE, store, uid, type Data, type Row } from './support/receivables-data';
import { createTestDatabase } from './support/test-app';

/**
 * One home per rule: the grouped SQL behind credit figures, aging and the
 * 60-day hold must give what the domain's list-based functions give on the
 * same rows. Random customers, invoices, payments and orders go straight into
 * PostgreSQL (support/receivables-data.ts); every figure is compared as a
 * decimal string at several dates around the data's anchor, so that due on the
 * date, 60 and 61 days late all occur.
 */
const POLICY = domain.DEFAULT_CREDIT_POLICY;
const fm = domain.formatMoney;
const creditFromLists = (d: Data, c: Row, asOf: string) => domain.summarizeCredit(domain.creditInputsFromLists({ ...creditListsOf(d, c), asOf }));
const figures = (s: domain.CreditSummary, oldest: { oldestOverdueDueDate: string | null; oldestOverdueInvoiceId: string | null }) => ({
  openReceivables: fm(s.openReceivables),
  overdueAmount: fm(s.overdueAmount),
  oldestOverdueDueDate: oldest.oldestOverdueDueDate,
  oldestOverdueInvoiceId: oldest.oldestOverdueInvoiceId,
  maxDaysOverdue: s.maxDaysOverdue,
  unappliedCredit: fm(s.unappliedCredit),
  uninvoicedOrders: fm(s.uninvoicedOrders),
  exposure: fm(s.exposure),
  available: s.available && fm(s.available),
  utilization: s.utilization && s.utilization.toFixed(4),
  status: s.status,
});
const invoiceRows = (rows: domain.InvoiceAtDate[]) => rows.map((r) => ({ ...r, total: fm(r.total), paid: fm(r.paid) })).sort((a, b) => a.invoiceId.localeCompare(b.invoiceId));
const agingRows = (a: ReturnType<typeof domain.ageReceivables>) => ({
  total: Object.fromEntries(Object.entries(a.total).map(([k, v]) => [k, fm(v)])),
  customers: a.customers
    .map((c) => Object.fromEntries(Object.entries(c).map(([k, v]) => [k, typeof v === 'string' ? v : fm(v)])))
    .sort((x, y) => String(x.customerId).localeCompare(String(y.customerId))),
});

let orm: Orm;
let ownerId: string;
let productId: string;
beforeAll(async () => {
  const url = await createTestDatabase();
  orm = await openOrm(url, { poolMax: 2 });
  await migrate(orm, url);
  [ownerId, productId] = [uid('owner'), uid('product')];
  const knex = orm.em.getConnection().getKnex();
  await knex('users').insert({ id: ownerId, email: 'owner@sql.tandem', name: 'Owner', role: 'SALES_REP', password_hash: 'x', created_at: new Date().toISOString() });
  await knex('products').insert({ id: productId, sku: 'SQL-1', name: 'SQL', unit_price: '1.00', unit_cost: '1.00', tax_rate: '0', created_at: new Date().toISOString() });
});
afterAll(() => orm?.close(true));

it('credit facts, aging as of a date and the overdue hold agree with the domain on random data (property)', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(arbCustomer, { minLength: 1, maxLength: 6 }), fc.uniqueArray(fc.integer({ min: -120, max: 150 }), { maxLength: 3 }), async (raw, offsets) => {
      const d = build([EDGE_CUSTOMER, SIXTY_DAYS_LATE, ...raw], ownerId, productId);
      const em = orm.em.fork();
      await store(em, d);
      const ids = d.customers.map((c) => c.id as string);
      for (const asOf of [0, 1, 61, ...offsets].map((k) => domain.addDays(ANCHOR, k))) {
        const facts = await loadCreditFacts(em, ids, asOf);
        const sql = Object.fromEntries(ids.map((id) => [id, figures(creditFiguresOf(facts.get(id)!, asOf), facts.get(id)!)]));
        const lists = Object.fromEntries(d.customers.map((c) => [c.id, figures(creditFromLists(d, c, asOf), domain.overdueFigures(owedOf(d, c.id as string), asOf))]));
        expect({ asOf, credit: sql }).toEqual({ asOf, credit: lists });

        const held = await loadOverdueHoldCandidates(em, asOf);
        const wantHeld = d.customers
          .filter((c) => creditFromLists(d, c, asOf).maxDaysOverdue > POLICY.holdAfterDaysOverdue)
          .map((c) => {
            const o = domain.overdueFigures(owedOf(d, c.id as string), asOf);
            return { customerId: c.id as string, oldestOverdueInvoiceId: o.oldestOverdueInvoiceId, oldestOverdueDueDate: o.oldestOverdueDueDate };
          });
        const byCustomer = (list: { customerId: string }[]) => [...list].sort((a, b) => a.customerId.localeCompare(b.customerId));
        expect({ asOf, held: byCustomer(held) }).toEqual({ asOf, held: byCustomer(wantHeld) });

        const rows = await loadInvoicesAsOf(em, asOf);
        expect({ asOf, invoices: invoiceRows(rows) }).toEqual({ asOf, invoices: invoiceRows(domain.invoicesAsOf({ asOf, ...history(d) })) });
        expect({ asOf, aging: agingRows(domain.ageReceivables({ asOf, invoices: rows })) }).toEqual({ asOf, aging: agingRows(domain.ageReceivablesAsOf({ asOf, ...history(d) })) });
      }
      // Once every invoice and payment has happened, the aging total is the receivables the credit figures count.
      const late = domain.addDays(ANCHOR, 400);
      const facts = await loadCreditFacts(em, ids, late);
      const aging = domain.ageReceivables({ asOf: late, invoices: await loadInvoicesAsOf(em, late) });
      expect(fm(aging.total.total)).toBe(fm(domain.sumMoney([...facts.values()].map((f) => f.openReceivables))));
    }),
    { numRuns: 40 },
  );
}, 180_000);
