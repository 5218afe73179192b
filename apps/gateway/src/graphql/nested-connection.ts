import type DataLoader from 'dataloader';
import { encodeCursor, lazyCount, MAX_PAGE_SIZE, pageOf, type ConnectionValue } from './connection';
import { badUserInput } from './errors';

export interface NestedPage<T> {
  rows: T[];
  hasMore: boolean;
}

export interface NestedList<T> {
  first: number;
  after?: string | null;
  parentId: string;
  /** The first page for a whole list of parents: one batched window query. */
  firstPage: (limit: number) => DataLoader<string, NestedPage<T>>;
  /** The cursor of a node, in the same keyset order as the first page and `pageAfter`. */
  cursorOf?: (node: T, index: number) => string;
  /** A page after a cursor: one parent's own keyset query (and its own count). Without it the list offers no `after`. */
  pageAfter?: (after: string) => Promise<ConnectionValue<T>>;
  count?: () => Promise<number>;
}

const same = <T>(node: T) => node;
/** The default cursor of a nested list: the node's position on the first page, and its id. */
const positionCursor = (node: { id: string }, i: number) => encodeCursor(String(i + 1), node.id);

/**
 * A connection nested under a parent (customer.orders(first: 5)): the first
 * page for a whole list of parents comes from one batched window query; a page
 * after a cursor belongs to one parent and takes its own query.
 */
export async function nestedConnection<T extends { id: string }>(list: NestedList<T>): Promise<ConnectionValue<T>> {
  const { first, after } = list;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) throw badUserInput(`first must be between 1 and ${MAX_PAGE_SIZE}`, ['first']);
  if (after != null) {
    if (!list.pageAfter) throw badUserInput('this list has a single page; after is not offered', ['after']);
    return list.pageAfter(after);
  }
  const page = await list.firstPage(first).load(list.parentId);
  const total = list.count ?? (() => (page.hasMore ? Promise.reject(new Error('totalCount is not offered on this nested list')) : page.rows.length));
  return lazyCount(pageOf(page.rows, page.hasMore, same, list.cursorOf ?? positionCursor), total);
}
