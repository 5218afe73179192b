import type { EntityManager } from '@mikro-orm/postgresql';
import * as domain from '@tandem/domain';
import { query } from '../db/sql';
import { encodeCursor, pageArgs, toConnection, type ConnectionValue, type Cursor } from './connection';
import { badUserInput } from './errors';
import { isUuid } from './ids';

/** A parameterised SQL fragment. */
export interface Sql {
  sql: string;
  params: unknown[];
}

/**
 * The order of a dated list: a date column, then a unique tie-breaker, both in
 * one direction, so `(date, tie) < cursor` resumes exactly after the last row
 * seen, whatever was inserted meanwhile.
 */
export interface DateKeyset {
  date: string;
  tie: string;
  tieIsUuid: boolean;
  descending: boolean;
}

const MAX_TIE_LENGTH = 100;

/** An ID argument that must name a row: anything but a UUID is the client's mistake, not a SQL error. */
export function parseIdArg(id: string, field: string[]): string {
  if (!isUuid(id)) throw badUserInput(`${field.at(-1)} is not an id this API returned`, field);
  return id.toLowerCase();
}

/** An inclusive date range; `from` after `to` is refused rather than answered with nothing. */
export function dateRangeSql(column: string, from: string | null | undefined, to: string | null | undefined, fields: [string, string]): Sql[] {
  if (from && to && from > to) throw badUserInput(`${fields[0]} must not be after ${fields[1]}`, [fields[0]]);
  return [...(from ? [{ sql: `${column} >= ?`, params: [from] }] : []), ...(to ? [{ sql: `${column} <= ?`, params: [to] }] : [])];
}

/** The cursor of a row in a dated list. */
export function dateCursor(date: string, tie: string): string {
  return encodeCursor(date, tie);
}

/** Checks `first` and decodes `after`, which must carry a real date and a tie-breaker of the list's kind. */
export function datePageArgs(keyset: DateKeyset, first: number, after: string | null | undefined): { limit: number; after: Cursor | null } {
  const page = pageArgs(first, after);
  if (page.after) {
    const { key, id } = page.after;
    const tieOk = keyset.tieIsUuid ? isUuid(id) : id.length > 0 && id.length <= MAX_TIE_LENGTH;
    if (!domain.isIsoDate(key) || !tieOk) throw badUserInput('after is not a cursor this API returned', ['after']);
  }
  return page;
}

function keysetSql(keyset: DateKeyset, after: Cursor | null): { order: string; after: Sql | null } {
  const dir = keyset.descending ? 'desc' : 'asc';
  const tieType = keyset.tieIsUuid ? 'uuid' : 'text';
  return {
    order: `${keyset.date} ${dir}, ${keyset.tie} ${dir}`,
    after: after ? { sql: `(${keyset.date}, ${keyset.tie}) ${keyset.descending ? '<' : '>'} (?::date, ?::${tieType})`, params: [after.key, after.id] } : null,
  };
}

/**
 * One page of a dated list: the rows after the cursor (limit + 1, to know
 * whether another page follows) and a count of every matching row that runs
 * only when a client selects totalCount.
 */
export async function datedConnection<R extends { sort_date: string; sort_tie: string }, T>(
  em: EntityManager,
  list: { select: string; from: string; where: Sql[]; keyset: DateKeyset; first: number; after: string | null | undefined; node: (row: R) => T },
): Promise<ConnectionValue<T>> {
  const page = datePageArgs(list.keyset, list.first, list.after);
  const ks = keysetSql(list.keyset, page.after);
  const where = list.where.length ? list.where : [{ sql: 'true', params: [] }];
  const filterSql = where.map((w) => `(${w.sql})`).join(' and ');
  const params = where.flatMap((w) => w.params);
  const rows = await query<R>(
    em,
    `select ${list.select}, ${list.keyset.date}::text as sort_date, ${list.keyset.tie}::text as sort_tie
       from ${list.from} where ${filterSql}${ks.after ? ` and ${ks.after.sql}` : ''} order by ${ks.order} limit ?`,
    [...params, ...(ks.after?.params ?? []), page.limit + 1],
  );
  return toConnection(
    rows,
    page.limit,
    (r) => dateCursor(r.sort_date, r.sort_tie),
    list.node,
    async () => {
      const [{ n }] = await query<{ n: string }>(em, `select count(*) as n from ${list.from} where ${filterSql}`, params);
      return Number(n);
    },
  );
}
