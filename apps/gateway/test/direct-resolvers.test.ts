import 'reflect-metadata';
import { graphql, type GraphQLSchema } from 'graphql';
import { directResolvers } from '../src/graphql/direct-resolvers';
import { createSchema } from '../src/schema';

/**
 * Which resolvers skip type-graphql's pipeline (graphql/direct-resolvers.ts):
 * the dashboard's nested lists and credit figures do; a resolver with an input
 * object argument keeps type-graphql's conversion. What they answer is held to
 * type-graphql's own pipeline by executor-parity.test.ts.
 */
let plain: GraphQLSchema;
let rewired: string[];

beforeAll(async () => {
  plain = await createSchema({ directResolvers: false });
  rewired = directResolvers(await createSchema({ directResolvers: false }));
});

it("rewires the dashboard's resolvers: lists with scalar and enum arguments, loaders, the credit figures", () => {
  expect(rewired).toEqual(
    expect.arrayContaining(['Customer.owner', 'Customer.contacts', 'Customer.credit', 'Customer.orders', 'Customer.invoices', 'Credit.exposure', 'Credit.status', 'Query.customer', 'Query.orders']),
  );
});

it('leaves a resolver with an input object argument to type-graphql, which builds the input class', () => {
  expect(rewired).not.toContain('Query.customers');
  expect(rewired.length).toBeGreaterThan(50);
});

it("a direct resolver refuses like type-graphql's: without a viewer, UNAUTHENTICATED", async () => {
  const direct = await createSchema();
  for (const schema of [plain, direct]) {
    const r = await graphql({ schema, source: '{ customer(id: "00000000-0000-0000-0000-000000000000") { id } }', contextValue: { viewer: null } });
    expect(r.errors?.map((e) => e.extensions?.code ?? e.message)).toEqual(['UNAUTHENTICATED']);
  }
});
