import { getNamedType, isLeafType, isListType, isNonNullType, isObjectType, type DocumentNode, type GraphQLNamedType, type GraphQLOutputType, type GraphQLSchema } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { MAX_PAGE_SIZE } from './connection';

/**
 * The cost model: roughly how many objects a document makes the gateway load,
 * counted before it runs (GitHub's and Shopify's public APIs count the same way).
 *
 * - a scalar or enum field costs nothing: it comes with its object;
 * - an object costs 1, once per time it is returned;
 * - a connection (`first`) costs 1 plus `first` times its selection, so nested
 *   pages multiply: 100 customers × 100 orders × their lines is a product;
 *   its `edges`, `pageInfo` and `totalCount` add nothing of their own;
 * - a plain list (no `first`) counts as LIST_SIZE of its items;
 * - a mutation's root field costs MUTATION_COST more: it writes in a
 *   transaction and takes row locks.
 */
export const OBJECT_COST = 1;
export const MUTATION_COST = 10;
/**
 * Assumed length of a plain list. Nested lists are small (a customer's contacts
 * and open tickets, an order's invoices, a payment's allocations, a mutation's
 * userErrors); an order or a quote may have up to 500 lines, but few have more than 50;
 * receivables aging has a row per customer that owes something.
 */
export const DEFAULT_LIST_SIZE = 10;
export const LIST_SIZE: Readonly<Record<string, number>> = {
  'Order.lines': 50,
  'Shipment.lines': 50,
  'Quote.lines': 50,
  'ReceivablesAging.customers': 200,
};

/** How many items a page brings: `first`, which the resolvers refuse outside 1..MAX_PAGE_SIZE. */
function pageSize(first: unknown): number {
  return typeof first === 'number' && Number.isInteger(first) ? Math.min(Math.max(first, 0), MAX_PAGE_SIZE) : MAX_PAGE_SIZE;
}

function isConnection(type: GraphQLNamedType): boolean {
  return isObjectType(type) && 'edges' in type.getFields() && 'pageInfo' in type.getFields();
}

function returnsList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

const estimator: ComplexityEstimator = ({ type, field, args, childComplexity, context }) => {
  const named = getNamedType(field.type);
  if (isLeafType(named)) return 0;
  // Inside a connection, edges and pageInfo are the page the connection already counted.
  if (isConnection(type)) return childComplexity;
  const own = type === (context as { mutationType?: unknown } | undefined)?.mutationType ? OBJECT_COST + MUTATION_COST : OBJECT_COST;
  if (isConnection(named)) return own + pageSize(args.first) * childComplexity;
  if (returnsList(field.type)) return (LIST_SIZE[`${type.name}.${field.name}`] ?? DEFAULT_LIST_SIZE) * (own + childComplexity);
  return own + childComplexity;
};

/** Thrown when fragments spread into one another expand past what is worth counting. */
export class UncountableQueryError extends Error {}

/** Fields visited while counting; a document under the token cap that expands past this does so by reusing fragments. */
export const MAX_COUNTED_NODES = 10_000;

/**
 * The cost of the operation a request runs, with its variables (`first: $first`).
 * Throws a GraphQLError when the variables do not fit the operation, and
 * UncountableQueryError when fragments expand past MAX_COUNTED_NODES.
 */
export function queryCost(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> | null | undefined): number {
  try {
    return getComplexity({
      schema,
      query: document,
      operationName: operationName ?? undefined,
      variables: variables ?? {},
      estimators: [estimator],
      context: { mutationType: schema.getMutationType() },
      maxQueryNodes: MAX_COUNTED_NODES,
    });
  } catch (err) {
    if (err instanceof Error && /maximum allowed number of nodes/.test(err.message)) throw new UncountableQueryError(err.message);
    throw err;
  }
}
