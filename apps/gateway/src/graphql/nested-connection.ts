import type DataLoader from 'dataloader';
import { encodeCursor, lazyCount, MAX_PAGE_SIZE, type ConnectionValue } from './connection';
import { badUserInput } from './errors';

/**
 * A connection nested under a parent (customer.orders(first: 5)): the first
 * page for a whole list of parents comes from one batched window query.
 */
export async function nestedConnection<T extends { id: string }>(
  first: number,
  loaderFor: (limit: number) => DataLoader<string, { rows: T[]; hasMore: boolean }>,
  parentId: string,
  count?: () => Promise<number>,
): Promise<ConnectionValue<T>> {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) throw badUserInput(`first must be between 1 and ${MAX_PAGE_SIZE}`, ['first']);
  const page = await loaderFor(first).load(parentId);
  const edges = page.rows.map((node, i) => ({ cursor: encodeCursor(String(i + 1), node.id), node }));
  const total = count ?? (() => (page.hasMore ? Promise.reject(new Error('totalCount is not offered on this nested list')) : edges.length));
  return lazyCount({ edges, pageInfo: { hasNextPage: page.hasMore, endCursor: edges.at(-1)?.cursor ?? null } }, total);
}
