import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildSchema, getNamedType, isInterfaceType, isObjectType, type GraphQLObjectType } from 'graphql';

/**
 * packages/client/README.md tells urql users which types to give graphcache a
 * `keys` entry returning null: every object type without an `id: ID!` that
 * graphcache would otherwise warn about. This checks that list against the
 * committed schema, so a new id-less value type cannot be left out.
 */
const repo = resolve(__dirname, '../../..');
const schema = buildSchema(readFileSync(resolve(repo, 'schema/schema.graphql'), 'utf8'));
const readme = readFileSync(resolve(repo, 'packages/client/README.md'), 'utf8');

/** The names in the README's `const VALUE_TYPES = [...]`. */
function listedValueTypes(): string[] {
  const list = /const VALUE_TYPES = \[([^\]]*)\]/.exec(readme);
  if (!list) throw new Error('packages/client/README.md has no `const VALUE_TYPES = [...]` for graphcache');
  return [...list[1].matchAll(/'(\w+)'/g)].map((m) => m[1]);
}

const mutation = schema.getMutationType()?.name;
const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].map((t) => t?.name));
const objectTypes = Object.values(schema.getTypeMap()).filter((t): t is GraphQLObjectType => isObjectType(t) && !t.name.startsWith('__') && !roots.has(t.name));
const idless = objectTypes.filter((t) => String(t.getFields().id?.type) !== 'ID!').map((t) => t.name);

// graphcache embeds these without a warning by itself (its KEYLESS_TYPE_RE in operations/write.ts).
const embeddedByGraphcache = /^__|PageInfo|(Connection|Edge)$/;
// A mutation's result is not normalised: a type only ever returned by a Mutation field (a payload) needs no key.
const outsideMutations = new Set(
  Object.values(schema.getTypeMap())
    .filter((t) => (isObjectType(t) || isInterfaceType(t)) && t.name !== mutation)
    .flatMap((t) => Object.values((t as GraphQLObjectType).getFields()).map((f) => getNamedType(f.type).name)),
);

describe('the graphcache keys in packages/client/README.md', () => {
  it('finds id-less value types in the schema (the check below has something to check)', () => {
    expect(idless).toEqual(expect.arrayContaining(['Credit', 'AgingRow', 'Kpis', 'TrialBalanceLine', 'CustomerConnection', 'ConfirmOrderPayload']));
    expect(idless).not.toContain('Customer');
  });

  it('lists every id-less object type graphcache would warn about', () => {
    const needed = idless.filter((name) => !embeddedByGraphcache.test(name) && outsideMutations.has(name));
    expect(needed.filter((name) => !listedValueTypes().includes(name))).toEqual([]);
  });

  it('lists only id-less object types of the schema, once each', () => {
    const listed = listedValueTypes();
    expect(listed.filter((name) => !idless.includes(name))).toEqual([]);
    expect(new Set(listed).size).toBe(listed.length);
  });
});
