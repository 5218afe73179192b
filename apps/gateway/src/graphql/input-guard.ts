import {
  BREAK,
  getArgumentValues,
  getNullableType,
  getVariableValues,
  GraphQLError,
  isInputObjectType,
  isListType,
  isScalarType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLArgument,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { badUserInput } from './errors';
import { isAlertId, isUuid } from './ids';

type IdCheck = (value: string) => boolean;

/**
 * The ID arguments that are not row UUIDs: alert ids (numbers), and the audit
 * log's record id (a row's UUID or an alert's number). Every other ID names a
 * row by UUID.
 */
const ID_KINDS: Readonly<Record<string, IdCheck>> = {
  'Mutation.acknowledgeAlert.id': isAlertId,
  'Subscription.alertRaised.after': isAlertId,
  'Query.auditLog.entityId': (v) => isUuid(v) || isAlertId(v),
};

type Check = (value: unknown, path: string[]) => void;

function forEachItem(check: Check): Check {
  return (value, path) => {
    if (Array.isArray(value)) value.forEach((v, i) => v != null && check(v, [...path, String(i)]));
    else if (value != null) check(value, path);
  };
}

/** What to check in a value of an input type: IDs of the right kind, and no NUL in any string. null: nothing to check. */
function checkerFor(type: GraphQLInputType, idCheck: IdCheck, depth = 0): Check | null {
  const t = getNullableType(type);
  if (depth > 8) return null;
  if (isListType(t)) {
    const inner = checkerFor(t.ofType, idCheck, depth + 1);
    return inner && forEachItem(inner);
  }
  if (isInputObjectType(t)) {
    const fields = Object.values(t.getFields())
      .map((f) => ({ name: f.name, check: checkerFor(f.type, isUuid, depth + 1) }))
      .filter((f): f is { name: string; check: Check } => f.check !== null);
    if (fields.length === 0) return null;
    return (value, path) => {
      const obj = value as Record<string, unknown>;
      for (const f of fields) if (obj[f.name] != null) f.check(obj[f.name], [...path, f.name]);
    };
  }
  if (isScalarType(t) && (t.name === 'ID' || t.name === 'String')) {
    const isId = t.name === 'ID';
    return (value, path) => {
      if (typeof value !== 'string') return;
      if (value.includes('\u0000')) throw badUserInput(`${path.at(-1)} must not contain NUL characters`, path);
      if (!isId) return;
      if (!idCheck(value)) throw badUserInput(`${path.at(-1)} is not an id this API returned`, path);
    };
  }
  return null;
}

const checkers = new WeakMap<readonly GraphQLArgument[], Check | null>();

function argumentsChecker(coordinate: string, args: readonly GraphQLArgument[]): Check | null {
  if (checkers.has(args)) return checkers.get(args)!;
  const parts = args.map((a) => ({ name: a.name, check: checkerFor(a.type, ID_KINDS[`${coordinate}.${a.name}`] ?? isUuid) })).filter((a): a is { name: string; check: Check } => a.check !== null);
  const check: Check | null = parts.length
    ? (value) => {
        const given = value as Record<string, unknown>;
        for (const p of parts) if (given[p.name] != null) p.check(given[p.name], [p.name]);
      }
    : null;
  checkers.set(args, check);
  return check;
}

/**
 * Bad input stops at the argument level, before anything executes: every ID
 * argument (at any depth of an input) must be a UUID (alert ids: a 64-bit
 * number), and no string may carry a NUL character (PostgreSQL refuses them
 * in text). Checked once per operation over its whole document with the
 * variables as given, so no resolver, and no SQL, ever sees such a value.
 * Returns the first error (BAD_USER_INPUT naming the argument path), or
 * null; anything the document or its variables get wrong otherwise is left
 * to GraphQL's own validation and coercion.
 */
export function documentInputError(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
): GraphQLError | null {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  if (!operation) return null;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
  if (coerced.errors) return null;
  const typeInfo = new TypeInfo(schema);
  let error: GraphQLError | null = null;
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
  const check = (node: OperationDefinitionNode | FragmentDefinitionNode) =>
    visit(
      node,
      visitWithTypeInfo(typeInfo, {
        Field(field) {
          if (error) return BREAK;
          const def = typeInfo.getFieldDef();
          const parent = typeInfo.getParentType();
          if (!def || !parent || def.args.length === 0) return undefined;
          const checker = argumentsChecker(`${parent.name}.${def.name}`, def.args);
          if (!checker) return undefined;
          try {
            checker(getArgumentValues(def, field, coerced.coerced), []);
          } catch (err) {
            if (err instanceof GraphQLError && err.extensions.code === 'BAD_USER_INPUT') {
              error = err;
              return BREAK;
            }
            // Anything else (a missing required argument...) is for execution to report.
          }
          return undefined;
        },
      }),
    );
  check(operation);
  for (const f of fragments.values()) if (!error) check(f);
  return error;
}

/** The input guard on HTTP: refuses the operation before execution, with HTTP 400. */
export function inputGuardPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request }) {
          const error = documentInputError(schema, document, request.operationName, request.variables);
          if (error) throw new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status: 400 } } });
        },
      };
    },
  };
}
