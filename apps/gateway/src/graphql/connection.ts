import { Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { badUserInput } from './errors';

export const MAX_PAGE_SIZE = 100;

@ObjectType({ description: 'Where a page ends and whether another follows.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'True when a page follows this one.' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: "The last edge's cursor: pass it as `after` for the next page; null on an empty page." })
  endCursor!: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

/**
 * A Relay connection value. `totalCount` is a lazy getter (see lazyCount) so
 * the count query only runs when a client asks for it.
 */
export interface ConnectionValue<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  readonly totalCount: Promise<number>;
}

export function ConnectionType<T extends object>(node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { description: `One ${name} of a page, with its cursor.` })
  class EdgeType {
    @Field(() => String, { description: 'Opaque; pass it as `after` to continue after this edge.' })
    cursor!: string;

    @Field(() => node, { description: 'The item itself.' })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `One page of a list of ${name} items (Relay connection).` })
  class Connection {
    @Field(() => Int, { description: 'All items that match, on every page (only those the viewer may read).' })
    totalCount!: number;

    @Field(() => [EdgeType], { description: "The items of this page, in the list's order." })
    edges!: EdgeType[];

    @Field(() => PageInfo, { description: 'Where this page ends and whether another follows.' })
    pageInfo!: PageInfo;
  }
  return Connection;
}

/** Checks `first` (1..100) and decodes `after`; a bad value is BAD_USER_INPUT. */
export function pageArgs(first: number, after?: string | null): { limit: number; after: Cursor | null } {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badUserInput(`first must be between 1 and ${MAX_PAGE_SIZE}`, ['first']);
  }
  return { limit: first, after: after ? decodeCursor(after) : null };
}

/** Keyset cursor: the sort key and id of the last row seen. Opaque to clients. */
export interface Cursor {
  key: string;
  id: string;
}

export function encodeCursor(key: string, id: string): string {
  return Buffer.from(JSON.stringify([key, id])).toString('base64url');
}

export function decodeCursor(cursor: string): Cursor {
  try {
    const [key, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof key === 'string' && typeof id === 'string') return { key, id };
  } catch {
    // fall through
  }
  throw badUserInput('after is not a cursor this API returned', ['after']);
}

/**
 * An edge whose cursor is encoded only when a client selects it: a dashboard
 * page reads the customers' cursors but not those of the orders and invoices
 * nested under each customer.
 */
class LazyEdge<S, T> implements Edge<T> {
  constructor(
    private readonly source: S,
    private readonly index: number,
    readonly node: T,
    private readonly cursorOf: (source: S, index: number) => string,
  ) {}
  get cursor(): string {
    return this.cursorOf(this.source, this.index);
  }
}

/** PageInfo whose endCursor is the last edge's, encoded only when selected. */
class LazyPageInfo implements PageInfo {
  constructor(
    readonly hasNextPage: boolean,
    private readonly last: Edge<unknown> | undefined,
  ) {}
  get endCursor(): string | null {
    return this.last?.cursor ?? null;
  }
}

/** A page of edges with lazy cursors: `cursorOf(source, index)` gives the cursor of `nodeOf(source)`. */
export function pageOf<S, T>(sources: readonly S[], hasNextPage: boolean, nodeOf: (source: S) => T, cursorOf: (source: S, index: number) => string): Omit<ConnectionValue<T>, 'totalCount'> {
  const edges: Edge<T>[] = sources.map((s, i) => new LazyEdge(s, i, nodeOf(s), cursorOf));
  return { edges, pageInfo: new LazyPageInfo(hasNextPage, edges.at(-1)) };
}

/** Builds a connection from rows fetched with limit + 1 (the extra row means there is a next page). */
export function toConnection<R, T>(rows: R[], limit: number, cursorOf: (row: R) => string, nodeOf: (row: R) => T, totalCount: () => Promise<number> | number): ConnectionValue<T> {
  return lazyCount(pageOf(rows.slice(0, limit), rows.length > limit, nodeOf, cursorOf), totalCount);
}

class LazyCountConnection<T> implements ConnectionValue<T> {
  private memo: Promise<number> | undefined;
  constructor(
    readonly edges: Edge<T>[],
    readonly pageInfo: PageInfo,
    private readonly count: () => Promise<number> | number,
  ) {}
  get totalCount(): Promise<number> {
    return (this.memo ??= Promise.resolve().then(this.count));
  }
}

/**
 * Gives a page its `totalCount` as a getter, so its query runs only when a
 * client selects the field (the executor reads the property; the getter starts the count).
 */
export function lazyCount<T>(c: Omit<ConnectionValue<T>, 'totalCount'>, count: () => Promise<number> | number): ConnectionValue<T> {
  return new LazyCountConnection(c.edges, c.pageInfo, count);
}
