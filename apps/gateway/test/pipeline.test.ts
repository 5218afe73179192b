import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import { summarizePipeline } from '@tandem/domain';
import { AlertsDocument } from '@tandem/client';
import { createCrew, createCustomer, type Crew } from './support/fixtures';
import { startTestGateway, type TestGateway } from './support/test-app';

/**
 * The pipeline over the API: deals on a customer the viewer may write, moves by
 * the domain's table (LOST needs a reason, WON and LOST final with closedAt,
 * WON raises DEAL_WON through the outbox), lists and the forecast with the
 * domain's numbers, and the role table on every path.
 */
type Err = { code: string; field: string[] | null; message: string };
type Opp = { id: string; name: string; stage: string; amount: string; probability: number; closedAt: string | null; lostReason: string | null; customer: { id: string }; owner: { id: string } | null };
const doc = <R>(source: string) => parse(source) as TypedDocumentNode<R, Record<string, unknown>>;
const OPP = 'id name stage amount probability closedAt lostReason customer { id } owner { id }';
const Create = doc<{ createOpportunity: { opportunity: Opp | null; userErrors: Err[] } }>(
  `mutation($input: CreateOpportunityInput!) { createOpportunity(input: $input) { opportunity { ${OPP} } userErrors { code field message } } }`,
);
const Move = doc<{ moveOpportunity: { opportunity: Opp | null; userErrors: Err[] } }>(
  `mutation($id: ID!, $stage: OpportunityStage!, $lostReason: String) { moveOpportunity(id: $id, stage: $stage, lostReason: $lostReason) { opportunity { ${OPP} } userErrors { code field message } } }`,
);
const Pipeline = doc<{ pipeline: { stages: { stage: string; count: number; amount: string; weightedAmount: string }[]; totalWeighted: string; winRate: string | null } | null }>(
  'query($ownerId: ID) { pipeline(ownerId: $ownerId) { stages { stage count amount weightedAmount } totalWeighted winRate } }',
);
const List = doc<{ opportunities: { totalCount: number; edges: { node: Opp }[] } | null }>(
  `query($stage: [OpportunityStage!], $ownerId: ID) { opportunities(first: 100, stage: $stage, ownerId: $ownerId) { totalCount edges { node { ${OPP} } } } }`,
);
const One = doc<{ opportunity: Opp | null }>(`query($id: ID!) { opportunity(id: $id) { ${OPP} } }`);

let gw: TestGateway;
let crew: Crew;
let mine: string;
let theirs: string;

beforeAll(async () => {
  gw = await startTestGateway({ ALERT_SCAN_INTERVAL_MS: '3600000' });
  crew = await createCrew(gw);
  mine = (await createCustomer(gw, crew.rep1, { name: 'Deal Co' })).id;
  theirs = (await createCustomer(gw, crew.rep2, { name: 'Other Deal Co' })).id;
});
afterAll(() => gw?.stop());

const create = async (token: string, input: Record<string, unknown>) => (await gw.gql(Create, { input }, token)).createOpportunity;
const count = async () => (await gw.gql(List, {}, crew.manager)).opportunities!.totalCount;

it('opens deals on the viewer’s own customers, owned by the rep; another rep’s customer is NOT_FOUND like a missing one', async () => {
  const deal = await create(crew.rep1, { customerId: mine, name: 'Fleet renewal', amount: '12000.00' });
  expect(deal.userErrors).toEqual([]);
  expect(deal.opportunity).toMatchObject({ stage: 'PROSPECTING', amount: '12000.00', probability: 10, closedAt: null, customer: { id: mine }, owner: { id: crew.ids.rep1 } });

  const before = await count();
  const other = await create(crew.rep1, { customerId: theirs, name: 'Not mine', amount: '1.00' });
  const missing = await create(crew.rep1, { customerId: '00000000-0000-4000-8000-000000000000', name: 'Nobody', amount: '1.00' });
  expect(other).toEqual(missing);
  expect(other.userErrors).toEqual([{ code: 'NOT_FOUND', field: ['input', 'customerId'], message: 'No such customer.' }]);
  expect(await count()).toBe(before);
});

it('moves by the domain’s table: LOST needs a reason, WON is final and raises DEAL_WON once, through the outbox', async () => {
  const deal = (await create(crew.rep1, { customerId: mine, name: 'Big win', amount: '5000.00' })).opportunity!;
  const proposal = (await gw.gql(Move, { id: deal.id, stage: 'PROPOSAL' }, crew.rep1)).moveOpportunity;
  expect(proposal.opportunity).toMatchObject({ stage: 'PROPOSAL', probability: 50, closedAt: null });

  const noReason = (await gw.gql(Move, { id: deal.id, stage: 'LOST', lostReason: '  ' }, crew.rep1)).moveOpportunity;
  expect(noReason).toEqual({ opportunity: null, userErrors: [{ code: 'BAD_USER_INPUT', field: ['lostReason'], message: 'A lost opportunity needs a reason.' }] });
  expect((await gw.gql(One, { id: deal.id }, crew.rep1)).opportunity?.stage).toBe('PROPOSAL');

  const won = (await gw.gql(Move, { id: deal.id, stage: 'WON' }, crew.rep1)).moveOpportunity;
  expect(won.opportunity).toMatchObject({ stage: 'WON', probability: 100, lostReason: null });
  expect(won.opportunity!.closedAt).not.toBeNull();
  const again = (await gw.gql(Move, { id: deal.id, stage: 'NEGOTIATION' }, crew.rep1)).moveOpportunity;
  expect(again.userErrors.map((e) => e.code)).toEqual(['INVALID_TRANSITION']);

  const dealWon = async (token: string) => (await gw.gql(AlertsDocument, { first: 100 }, token)).alerts.edges.filter((e) => e.node.kind === 'DEAL_WON' && e.node.message.includes('Big win'));
  expect(await dealWon(crew.rep1)).toHaveLength(1);
  expect(await dealWon(crew.manager)).toHaveLength(1);
  expect(await dealWon(crew.rep2)).toHaveLength(0);

  const lost = (await create(crew.rep1, { customerId: mine, name: 'Lost one', amount: '700.00' })).opportunity!;
  const gone = (await gw.gql(Move, { id: lost.id, stage: 'LOST', lostReason: ' Price ' }, crew.rep1)).moveOpportunity;
  expect(gone.opportunity).toMatchObject({ stage: 'LOST', probability: 0, lostReason: 'Price' });
});

it('gives the pipeline with the domain’s numbers: every stage, empty ones at zero, the weighted open total and the win rate', async () => {
  const deals = (await gw.gql(List, { ownerId: crew.ids.rep1 }, crew.manager)).opportunities!.edges.map((e) => e.node);
  const expected = summarizePipeline(deals.map((d) => ({ stage: d.stage as 'WON', amount: d.amount })));
  const got = (await gw.gql(Pipeline, { ownerId: crew.ids.rep1 }, crew.manager)).pipeline!;
  expect(got).toEqual({
    stages: expected.stages.map((s) => ({ stage: s.stage, count: s.count, amount: s.amount.toFixed(2), weightedAmount: s.weightedAmount.toFixed(2) })),
    totalWeighted: expected.totalWeighted.toFixed(2),
    winRate: expected.winRate!.toFixed(4),
  });
  expect(got.stages.map((s) => s.stage)).toEqual(['PROSPECTING', 'QUALIFICATION', 'PROPOSAL', 'NEGOTIATION', 'WON', 'LOST']);
  expect(got.stages.find((s) => s.stage === 'QUALIFICATION')).toEqual({ stage: 'QUALIFICATION', count: 0, amount: '0.00', weightedAmount: '0.00' });
  expect(got.winRate).toBe('0.5000');
  // 12000.00 × 10 % open; the won and lost deals are not pipeline.
  expect(got.totalWeighted).toBe('1200.00');
});

it('follows the role table on every path', async () => {
  const deal = (await create(crew.rep1, { customerId: mine, name: 'Private', amount: '10.00' })).opportunity!;
  // Another rep: not in its list, its pipeline, or by id; it cannot move it.
  expect((await gw.gql(List, {}, crew.rep2)).opportunities!.edges.map((e) => e.node.id)).not.toContain(deal.id);
  expect((await gw.gql(One, { id: deal.id }, crew.rep2)).opportunity).toBeNull();
  expect((await gw.gql(Pipeline, { ownerId: crew.ids.rep1 }, crew.rep2)).pipeline!.stages.every((s) => s.count === 0)).toBe(true);
  expect((await gw.gql(Move, { id: deal.id, stage: 'PROPOSAL' }, crew.rep2)).moveOpportunity.userErrors).toEqual([{ code: 'NOT_FOUND', field: ['id'], message: 'No such opportunity.' }]);
  // Finance reads, but does not sell.
  expect((await gw.gql(One, { id: deal.id }, crew.finance)).opportunity?.id).toBe(deal.id);
  expect((await create(crew.finance, { customerId: mine, name: 'x', amount: '1.00' })).userErrors.map((e) => e.code)).toEqual(['FORBIDDEN']);
  expect((await gw.gql(Move, { id: deal.id, stage: 'PROPOSAL' }, crew.finance)).moveOpportunity.userErrors.map((e) => e.code)).toEqual(['FORBIDDEN']);
  // Support and the warehouse see no deals at all.
  for (const token of [crew.support, crew.warehouse]) {
    const answers = [await gw.request(List, {}, token), await gw.request(Pipeline, {}, token), await gw.request(One, { id: deal.id }, token)];
    for (const r of answers) expect(r.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  }
  // The manager reads and moves any.
  expect((await gw.gql(Move, { id: deal.id, stage: 'QUALIFICATION' }, crew.manager)).moveOpportunity.userErrors).toEqual([]);
});

it('refuses bad input with its path and writes nothing', async () => {
  const before = await count();
  const cases: [Record<string, unknown>, string, string[]][] = [
    [{ customerId: mine, name: '', amount: '1.00' }, 'BAD_USER_INPUT', ['input', 'name']],
    [{ customerId: mine, name: 'Neg', amount: '-5.00' }, 'BAD_USER_INPUT', ['input', 'amount']],
    [{ customerId: mine, name: 'Zero', amount: '0' }, 'BAD_USER_INPUT', ['input', 'amount']],
    [{ customerId: mine, name: 'Cents', amount: '1.005' }, 'BAD_USER_INPUT', ['input', 'amount']],
    [{ customerId: mine, name: 'Closed', amount: '1.00', stage: 'WON' }, 'BAD_USER_INPUT', ['input', 'stage']],
    [{ customerId: mine, name: 'Ghost owner', amount: '1.00', ownerId: '00000000-0000-4000-8000-000000000000' }, 'NOT_FOUND', ['input', 'ownerId']],
  ];
  for (const [input, code, field] of cases) {
    const r = await create(input.ownerId ? crew.manager : crew.rep1, input);
    expect(r.opportunity).toBeNull();
    expect(r.userErrors.map((e) => [e.code, e.field])).toEqual([[code, field]]);
  }
  const notAnId = await gw.request(Move, { id: 'nope', stage: 'WON' }, crew.rep1);
  expect(notAnId.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  const badStage = await gw.request(Move, { id: '00000000-0000-4000-8000-000000000000', stage: 'MAYBE' }, crew.rep1);
  expect(badStage.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  expect(await count()).toBe(before);
});
