import { getNamedType, isEnumType, isScalarType, type GraphQLField, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

type Resolve = GraphQLFieldResolver<unknown, unknown, Record<string, unknown>>;
type ParamOf = (root: unknown, args: Record<string, unknown>, context: unknown, info: unknown) => unknown;
// type-graphql's parameter metadata (exported only as types deep inside its build).
type Param =
  | { kind: 'root'; index: number; propertyName?: string; getType?: () => unknown }
  | { kind: 'context'; index: number; propertyName?: string }
  | { kind: 'info'; index: number }
  | { kind: 'arg'; index: number; name: string }
  | { kind: 'args' | 'custom' | 'pubSub'; index: number };
interface HandlerMeta {
  target: new () => object;
  methodName: string;
  schemaName: string;
  params?: Param[];
  middlewares?: unknown[];
  roles?: unknown[];
}

/**
 * A class whose instances are only data: no methods or accessors anywhere on
 * its prototype chain and no field initialisers. type-graphql turns a plain
 * root into a fresh instance of the declared @Root type on every call; for
 * such a class that instance reads exactly like the root (its own fields,
 * copied), so the root can be passed as it is.
 */
function dataOnly(type: unknown): boolean {
  if (typeof type !== 'function') return true;
  for (let proto = type.prototype as object | null; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto) as object | null) {
    if (Object.getOwnPropertyNames(proto).some((k) => k !== 'constructor')) return false;
  }
  try {
    return Object.values(new (type as new () => object)()).every((v) => v === undefined);
  } catch {
    return false;
  }
}

/** A root that type-graphql would hand over as it is (an instance of the declared type, or nothing to convert). */
function asIs(root: unknown, type: unknown): boolean {
  return root == null || typeof type !== 'function' || typeof root !== 'object' || root instanceof type;
}

/**
 * One getter per parameter, or null when one needs type-graphql's own
 * handling: an input object or @Args class to instantiate, a custom decorator.
 * A scalar or enum argument is the value graphql-js coerced (type-graphql's
 * conversion returns it unchanged); a root is passed when it already is an
 * instance of its declared type, and `fallback` (type-graphql's resolver)
 * takes the call otherwise.
 */
function paramGetters(params: Param[], field: GraphQLField<unknown, unknown>): { getters: ParamOf[]; rootType: unknown } | null {
  const getters: ParamOf[] = [];
  let rootType: unknown;
  for (const p of [...params].sort((a, b) => a.index - b.index)) {
    switch (p.kind) {
      case 'root': {
        const declared = p.getType?.();
        if (!dataOnly(declared)) rootType = declared;
        const prop = p.propertyName;
        if (prop) return null;
        getters.push((root) => root);
        break;
      }
      case 'context': {
        const prop = p.propertyName;
        getters.push(prop ? (_r, _a, ctx) => (ctx as Record<string, unknown>)[prop] : (_r, _a, ctx) => ctx);
        break;
      }
      case 'info':
        getters.push((_r, _a, _c, info) => info);
        break;
      case 'arg': {
        const arg = field.args.find((a) => a.name === p.name);
        const named = arg && getNamedType(arg.type);
        if (!named || !(isScalarType(named) || isEnumType(named))) return null;
        const name = p.name;
        getters.push((_r, args) => args[name]);
        break;
      }
      default:
        return null;
    }
  }
  return { getters, rootType };
}

/**
 * Calls resolvers straight, where type-graphql's pipeline would change
 * nothing. Validation is off (`validate: false`) and nothing here uses
 * middlewares or an auth checker, yet type-graphql still runs every call
 * through an async validateArg per argument (a promise each, then
 * Promise.all and one more turn) and turns a plain root into a new instance
 * of its declared @Root class per call: on the dashboard read, 250 customer
 * field resolvers and 200 credit getters a page, about a fifth of its CPU
 * (bench:race --variant typegraphql:GRAPHQL_DIRECT_RESOLVERS=0). For a query or a field
 * resolver whose parameters are only root, context, info and scalar or enum
 * arguments, with no middleware and no roles, this installs a direct call of
 * the same method with the same arguments (and the root as it is where its
 * declared type is data only: dataOnly). Anything else, and any call whose
 * root would have to become an instance of its declared type, keeps
 * type-graphql's resolver. Returns the fields rewired (Type.field);
 * executor-parity.test.ts holds their answers, errors and paths to
 * graphql-js through type-graphql's own pipeline (GRAPHQL_DIRECT_RESOLVERS=0).
 */
export function directResolvers(schema: GraphQLSchema): string[] {
  const storage = getMetadataStorage() as unknown as {
    queries: HandlerMeta[];
    fieldResolvers: (HandlerMeta & { kind: 'internal' | 'external'; getObjectType?: () => unknown })[];
    objectTypes: { target: unknown; name: string }[];
  };
  const typeNames = new Map(storage.objectTypes.map((o) => [o.target, o.name]));
  const instances = new Map<unknown, object>();
  const instanceOf = (target: new () => object) => {
    let instance = instances.get(target);
    if (!instance) instances.set(target, (instance = new target()));
    return instance;
  };
  const rewired: string[] = [];
  /**
   * Rewires one field. `call` builds the direct resolver from the parameter
   * getters; `owner` (a method of the object type itself) must be the root's
   * class, checked per call like the declared type of a @Root parameter.
   */
  const rewire = (typeName: string | undefined, meta: HandlerMeta, call: (getters: ParamOf[]) => Resolve, owner?: unknown) => {
    if (meta.middlewares?.length || meta.roles) return;
    const type = typeName ? schema.getType(typeName) : undefined;
    const field = type && 'getFields' in type ? (type.getFields() as Record<string, GraphQLField<unknown, unknown, Record<string, unknown>>>)[meta.schemaName] : undefined;
    const fallback = field?.resolve;
    if (!field || !fallback) return;
    const plan = paramGetters(meta.params ?? [], field);
    if (!plan) return;
    const direct = call(plan.getters);
    const guards = [owner, plan.rootType].filter((t) => t !== undefined);
    field.resolve =
      guards.length === 0
        ? direct
        : (root, args, ctx, info) => {
            for (const t of guards) if (!asIs(root, t)) return fallback(root, args, ctx, info);
            return direct(root, args, ctx, info);
          };
    rewired.push(`${typeName}.${meta.schemaName}`);
  };
  const onInstance = (instance: object, method: string) => (getters: ParamOf[]) => {
    const fn = (instance as Record<string, (...a: unknown[]) => unknown>)[method];
    const resolve: Resolve = (root, args, ctx, info) =>
      fn.apply(
        instance,
        getters.map((g) => g(root, args, ctx, info)),
      );
    return resolve;
  };
  // A method or getter of the object type itself, called on the root (type-graphql reads a getter's value).
  const onRoot = (method: string) => (getters: ParamOf[]) => {
    const resolve: Resolve = (root, args, ctx, info) => {
      const value = (root as Record<string, unknown>)[method];
      return typeof value === 'function'
        ? (value as (...a: unknown[]) => unknown).apply(
            root,
            getters.map((g) => g(root, args, ctx, info)),
          )
        : value;
    };
    return resolve;
  };
  for (const q of storage.queries) rewire(schema.getQueryType()?.name, q, onInstance(instanceOf(q.target), q.methodName));
  for (const r of storage.fieldResolvers) {
    if (r.kind === 'external') rewire(typeNames.get(r.getObjectType?.()), r, onInstance(instanceOf(r.target), r.methodName));
    else {
      const owner = r.getObjectType?.() ?? r.target;
      rewire(typeNames.get(owner), r, onRoot(r.methodName), owner);
    }
  }
  return rewired;
}
