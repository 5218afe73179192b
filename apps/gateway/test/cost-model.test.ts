import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isEnumType, isInputObjectType, isListType, isNonNullType, Kind, parse, typeFromAST, type GraphQLInputType, type GraphQLSchema } from 'graphql';
import { loadConfig } from '../src/config';
import { CostBudget } from '../src/graphql/cost-budget';
import { queryCost, UncountableQueryError } from '../src/graphql/query-cost';
import { createSchema } from '../src/schema';

/** The cost model and the leaky bucket on their own; query-cost.test.ts holds them to the running gateway. */
const root = resolve(__dirname, '../../..');
let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await createSchema();
});

const cost = (query: string, variables: Record<string, unknown> = {}) => queryCost(schema, parse(query), undefined, variables);

describe('the cost model', () => {
  it('counts an object once, a scalar not at all', () => {
    expect(cost('{ me { id name email role } }')).toBe(1);
    expect(cost('{ customer(id: "1") { name owner { name } credit { status } } }')).toBe(3);
  });

  it('multiplies a connection by first and counts its edges and pageInfo as the page it already counted', () => {
    expect(cost('{ products(first: 20) { totalCount edges { cursor node { id } } pageInfo { hasNextPage } } }')).toBe(1 + 20);
    expect(cost('{ products(first: 20) { edges { node { stock { onHand } } } } }')).toBe(1 + 20 * 2);
  });

  it('multiplies nested pages: a product, not a sum', () => {
    const nested = 'query($c: Int!, $o: Int!) { customers(first: $c) { edges { node { orders(first: $o) { edges { node { id } } } } } } }';
    expect(cost(nested, { c: 10, o: 10 })).toBe(1 + 10 * (1 + (1 + 10 * 1)));
    expect(cost(nested, { c: 100, o: 100 })).toBe(1 + 100 * (1 + (1 + 100 * 1)));
  });

  it('uses the default page size of a nested connection, and counts a page over the cap as the cap (the resolver refuses it)', () => {
    expect(cost('{ customer(id: "1") { orders { edges { node { id } } } } }')).toBe(1 + (1 + 10));
    expect(cost('{ products(first: 1000000) { edges { node { id } } } }')).toBe(1 + 100);
  });

  it('assumes a size for a plain list: 50 lines an order, 10 of any other nested list', () => {
    expect(cost('{ order(id: "1") { lines { id product { sku } } } }')).toBe(1 + 50 * 2);
    expect(cost('{ customer(id: "1") { contacts { id } openTickets { id } } }')).toBe(1 + 10 + 10);
  });

  it('adds 10 for a mutation: it writes and locks', () => {
    expect(cost('mutation { acknowledgeAlert(id: "1") { alert { id } userErrors { code } } }')).toBe(11 + 1 + 10);
  });

  it('costs a subscription by its selection', () => {
    expect(cost('subscription { alertRaised { id customer { name } } }')).toBe(2);
  });

  it('refuses to count fragments that expand past the node cap', () => {
    const fanOut = (name: string) => `...${name} `.repeat(100);
    const bomb = ['query { ' + fanOut('F0') + '}'];
    for (let i = 0; i < 4; i++) bomb.push(`fragment F${i} on Query { ${i === 3 ? 'me { id }' : fanOut(`F${i + 1}`)}}`);
    expect(() => cost(bomb.join('\n'))).toThrow(UncountableQueryError);
  });

  describe('every contract operation, at pages of 100', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { activeOperations } = require(join(root, 'codegen.ts')) as { activeOperations: string[] };
    const SCALARS: Record<string, unknown> = { Int: 100, Float: 1, String: 'x', ID: 'x', Boolean: false, Decimal: '1.00', Date: '2025-01-31', DateTime: '2025-01-31T00:00:00.000Z' };
    const sample = (type: GraphQLInputType): unknown => {
      if (isNonNullType(type)) return sample(type.ofType);
      if (isListType(type)) return [sample(type.ofType)];
      if (isEnumType(type)) return type.getValues()[0].value;
      if (isInputObjectType(type))
        return Object.fromEntries(
          Object.values(type.getFields())
            .filter((f) => isNonNullType(f.type))
            .map((f) => [f.name, sample(f.type)]),
        );
      return SCALARS[type.name];
    };
    const costs = () => {
      const all: Record<string, number> = {};
      for (const file of activeOperations) {
        const document = parse(readFileSync(join(root, file), 'utf8'));
        for (const op of document.definitions) {
          if (op.kind !== Kind.OPERATION_DEFINITION) continue;
          const variables = Object.fromEntries((op.variableDefinitions ?? []).map((v) => [v.variable.name.value, sample(typeFromAST(schema, v.type as never) as GraphQLInputType)]));
          all[op.name!.value] = queryCost(schema, document, op.name!.value, variables);
        }
      }
      return all;
    };

    it('stays well under the default maximum', () => {
      const all = costs();
      expect(Object.keys(all).length).toBeGreaterThan(20);
      for (const [name, value] of Object.entries(all)) expect([name, value <= loadConfig({}).QUERY_COST_MAX / 10]).toEqual([name, true]);
      expect(all).toMatchObject({ Me: 1, CustomerDashboard: 3001, Customer360: 1062, Order: 112, AlertStream: 5 });
    });
  });
});

describe('the per-viewer leaky bucket', () => {
  function clock() {
    let t = 0;
    return { now: () => t, advance: (ms: number) => (t += ms) };
  }

  it('lets a burst up to its capacity through, then refuses with the wait until the cost fits', () => {
    const c = clock();
    const budget = new CostBudget({ capacity: 1000, perSecond: 100, now: c.now });
    expect(budget.charge('a', 600)).toEqual({ ok: true, remaining: 400 });
    expect(budget.charge('a', 400)).toEqual({ ok: true, remaining: 0 });
    expect(budget.charge('a', 50)).toEqual({ ok: false, remaining: 0, retryAfterMs: 500 });
    c.advance(499);
    expect(budget.charge('a', 50).ok).toBe(false);
    c.advance(1);
    expect(budget.charge('a', 50)).toEqual({ ok: true, remaining: 0 });
  });

  it('pours nothing for a refused request, and drains at its rate down to empty', () => {
    const c = clock();
    const budget = new CostBudget({ capacity: 1000, perSecond: 100, now: c.now });
    budget.charge('a', 900);
    expect(budget.charge('a', 200)).toEqual({ ok: false, remaining: 100, retryAfterMs: 1000 });
    expect(budget.remaining('a')).toBe(100);
    c.advance(2000);
    expect(budget.remaining('a')).toBe(300);
    c.advance(60_000);
    expect(budget.remaining('a')).toBe(1000);
  });

  it('gives back a refunded charge, never below empty', () => {
    const c = clock();
    const budget = new CostBudget({ capacity: 1000, perSecond: 100, now: c.now });
    budget.charge('a', 600);
    budget.charge('a', 300);
    budget.refund('a', 300);
    expect(budget.remaining('a')).toBe(400);
    budget.refund('a', 5000);
    expect(budget.remaining('a')).toBe(1000);
    budget.refund('b', 10);
    expect(budget.remaining('b')).toBe(1000);
  });

  it("keeps one bucket per key: one viewer cannot spend another one's budget", () => {
    const budget = new CostBudget({ capacity: 1000, perSecond: 100, now: clock().now });
    expect(budget.charge('user:1', 1000).ok).toBe(true);
    expect(budget.charge('user:1', 1).ok).toBe(false);
    expect(budget.charge('user:2', 1000)).toEqual({ ok: true, remaining: 0 });
  });

  it('forgets buckets that have drained empty', () => {
    const c = clock();
    const budget = new CostBudget({ capacity: 1000, perSecond: 100, now: c.now });
    for (let i = 0; i < 100; i++) budget.charge(`user:${i}`, 500);
    expect(budget.size).toBe(100);
    c.advance(61_000);
    budget.charge('user:new', 1);
    expect(budget.size).toBe(1);
  });
});

describe('configuration', () => {
  it('defaults to 50 000 a query, 20 000 a second and bursts of 100 000', () => {
    expect(loadConfig({})).toMatchObject({ QUERY_COST_MAX: 50_000, QUERY_COST_PER_SECOND: 20_000, QUERY_COST_BURST: 100_000 });
  });

  it('refuses a burst smaller than the maximum: such a query could never run', () => {
    expect(() => loadConfig({ QUERY_COST_MAX: '5000', QUERY_COST_BURST: '4000' })).toThrow(/QUERY_COST_BURST must be at least QUERY_COST_MAX \(5000\)/);
    expect(() => loadConfig({ QUERY_COST_PER_SECOND: '0' })).toThrow(/QUERY_COST_PER_SECOND/);
  });
});
