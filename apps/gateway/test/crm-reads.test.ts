import { Client } from 'pg';
import { Customer360Document } from '@tandem/client';
import { createCrew, createCustomer, type Crew } from './support/fixtures';
import { startTestGateway, type TestGateway } from './support/test-app';

/**
 * Customer360's CRM fields read real tables now; their write mutations come
 * with the CRM operations, so this test writes the rows directly.
 */
let gw: TestGateway;
let crew: Crew;
beforeAll(async () => {
  gw = await startTestGateway();
  crew = await createCrew(gw);
});
afterAll(() => gw?.stop());

it('shows open tickets, opportunities and activities beside the back-office figures', async () => {
  const c = await createCustomer(gw, crew.rep1, { name: 'CRM Reads' });
  const db = new Client({ connectionString: gw.databaseUrl });
  await db.connect();
  try {
    await db.query(
      `insert into tickets (id, customer_id, subject, priority, status, sla_due_at, created_at) values
         (gen_random_uuid(), $1, 'Late delivery', 'HIGH', 'OPEN', '2025-01-01T17:00:00Z', '2025-01-01T09:00:00Z'),
         (gen_random_uuid(), $1, 'Fixed already', 'LOW', 'RESOLVED', '2025-01-04T09:00:00Z', '2025-01-01T09:00:00Z')`,
      [c.id],
    );
    await db.query(
      `insert into opportunities (id, customer_id, owner_id, name, stage, amount, expected_close_date, created_at) values
         (gen_random_uuid(), $1, $2, 'Fit-out', 'NEGOTIATION', 12000.00, '2025-03-31', now())`,
      [c.id, crew.ids.rep1],
    );
    await db.query(
      `insert into activities (id, customer_id, kind, subject, occurred_at, created_at) values
         (gen_random_uuid(), $1, 'CALL', 'Intro call', '2025-01-02T10:00:00Z', now()),
         (gen_random_uuid(), $1, 'MEETING', 'Site visit', '2025-01-05T10:00:00Z', now())`,
      [c.id],
    );
  } finally {
    await db.end();
  }
  const r = await gw.gql(Customer360Document, { id: c.id }, crew.rep1);
  expect(r.customer?.openTickets).toEqual([{ id: expect.any(String), subject: 'Late delivery', priority: 'HIGH', status: 'OPEN', slaDueAt: '2025-01-01T17:00:00.000Z' }]);
  expect(r.customer?.opportunities?.edges.map((e) => e.node)).toEqual([
    { id: expect.any(String), name: 'Fit-out', stage: 'NEGOTIATION', amount: '12000.00', probability: 75, expectedCloseDate: '2025-03-31' },
  ]);
  expect(r.customer?.activities.edges.map((e) => [e.node.kind, e.node.subject, e.node.occurredAt])).toEqual([
    ['MEETING', 'Site visit', '2025-01-05T10:00:00.000Z'],
    ['CALL', 'Intro call', '2025-01-02T10:00:00.000Z'],
  ]);
  expect(r.customer?.lifetimeValue).toBe('0.00');
});
