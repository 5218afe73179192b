import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema, getNamedType, getNullableType, isEnumType, isInputObjectType, isListType, isNonNullType, isScalarType,
  type GraphQLField, type GraphQLInputType, type GraphQLObjectType,
} from 'graphql';
import { ADMIN, startTestGateway, type TestGateway } from './support/test-app';

/**
 * Every argument of every query and mutation, generated from the schema: a
 * value that is not an id where an ID goes, and a NUL character where a
 * string goes, must come back as BAD_USER_INPUT, never as an internal error or
 * an HTTP 5xx. A new argument joins this test by existing.
 */
const schema = buildSchema(readFileSync(join(__dirname, '../../../schema/schema.graphql'), 'utf8'));
let gw: TestGateway;
let admin: string;

beforeAll(async () => {
  gw = await startTestGateway();
  admin = await gw.login(ADMIN.email, ADMIN.password);
});
afterAll(() => gw?.stop());

const SAMPLE_ID = '00000000-0000-4000-8000-000000000000';
const ALERT_ID_ARGS = new Set(['Mutation.acknowledgeAlert.id']);

/** A valid value of an input type, filling only what is required. */
function sample(type: GraphQLInputType, coordinate: string): unknown {
  const t = getNullableType(type);
  if (isListType(t)) return [sample(t.ofType, coordinate)];
  if (isEnumType(t)) return t.getValues()[0].value;
  if (isInputObjectType(t)) {
    return Object.fromEntries(Object.values(t.getFields()).filter((f) => isNonNullType(f.type)).map((f) => [f.name, sample(f.type, `${coordinate}.${f.name}`)]));
  }
  if (isScalarType(t)) {
    switch (t.name) {
      case 'ID': return ALERT_ID_ARGS.has(coordinate) ? '1' : SAMPLE_ID;
      case 'Int': return 1;
      case 'Boolean': return true;
      case 'Decimal': return '1.00';
      case 'Date': return '2025-01-02';
      case 'DateTime': return '2025-01-02T00:00:00Z';
      default: return 'x';
    }
  }
  throw new Error(`no sample for ${String(type)}`);
}

/** Every place (path inside the arguments) an ID or a String can go, optional ones included. */
function leaves(type: GraphQLInputType, path: string[], depth = 0): { path: string[]; scalar: string }[] {
  const t = getNullableType(type);
  if (depth > 4) return [];
  if (isListType(t)) return leaves(t.ofType, [...path, '0'], depth + 1);
  if (isInputObjectType(t)) return Object.values(t.getFields()).flatMap((f) => leaves(f.type, [...path, f.name], depth + 1));
  if (isScalarType(t) && (t.name === 'ID' || t.name === 'String')) return [{ path, scalar: t.name }];
  return [];
}

function setAt(target: Record<string, unknown>, path: string[], value: unknown, types: GraphQLInputType, coordinate: string): void {
  let node: Record<string, unknown> | unknown[] = target;
  let type = getNullableType(types);
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i];
    const next = isListType(type) ? getNullableType(type.ofType) : isInputObjectType(type) ? getNullableType(type.getFields()[path[i + 1]]?.type ?? type) : type;
    const container = node;
    if (container[key] == null) container[key] = isListType(getNullableType(isInputObjectType(type) ? type.getFields()[key].type : type)) ? [] : {};
    if (Array.isArray(container[key]) && (container[key] as unknown[]).length === 0) {
      const listType = getNullableType((isInputObjectType(type) ? type.getFields()[key].type : type));
      (container[key] as unknown[]).push(isListType(listType) ? sample(listType.ofType, coordinate) : {});
    }
    node = container[key] as Record<string, unknown>;
    type = next;
  }
  (node)[path[path.length - 1]] = value;
}

interface Case {
  name: string;
  query: string;
  variables: Record<string, unknown>;
}

function casesFor(root: GraphQLObjectType, keyword: 'query' | 'mutation'): Case[] {
  const cases: Case[] = [];
  for (const field of Object.values(root.getFields()) as GraphQLField<unknown, unknown>[]) {
    if (field.args.length === 0) continue;
    const defs = field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
    const call = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
    const named = getNamedType(field.type);
    const selection = isScalarType(named) || isEnumType(named) ? '' : ' { __typename }';
    const query = `${keyword} Hostile(${defs}) { ${field.name}(${call})${selection} }`;
    const base = () => Object.fromEntries(field.args.filter((a) => isNonNullType(a.type)).map((a) => [a.name, sample(a.type, `${root.name}.${field.name}.${a.name}`)]));
    for (const arg of field.args) {
      for (const leaf of leaves(arg.type, [arg.name])) {
        const bad = leaf.scalar === 'ID' ? ['not-a-uuid', `${SAMPLE_ID}'; drop table customers; --`, '99999999999999999999'] : ['nul\u0000inside'];
        for (const value of bad) {
          const variables = base();
          if (leaf.path.length === 1) variables[arg.name] = value;
          else {
            variables[arg.name] ??= sample(arg.type, `${root.name}.${field.name}.${arg.name}`);
            setAt(variables, leaf.path, value, arg.type, `${root.name}.${field.name}.${arg.name}`);
          }
          cases.push({ name: `${root.name}.${field.name}(${leaf.path.join('.')}: ${JSON.stringify(value).slice(0, 30)})`, query, variables });
        }
      }
    }
  }
  return cases;
}

const cases = [...casesFor(schema.getQueryType()!, 'query'), ...casesFor(schema.getMutationType()!, 'mutation')];

it('generates a case for every ID and String argument of the schema', () => {
  expect(cases.length).toBeGreaterThan(100);
});

it.each(cases.map((c) => [c.name, c] as const))('%s is BAD_USER_INPUT', async (_name, c) => {
  const res = await fetch(gw.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
    body: JSON.stringify({ query: c.query, variables: c.variables }),
  });
  const text = await res.text();
  expect(res.status).toBeLessThan(500);
  expect(text).not.toMatch(/INTERNAL_SERVER_ERROR|node_modules|\/work\/|\bat [A-Za-z.]+ \(/);
  const body = JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] };
  expect(body.errors?.map((e) => e.extensions?.code)).toContain('BAD_USER_INPUT');
});
