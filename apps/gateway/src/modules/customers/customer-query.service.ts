import type { EntityManager } from '@mikro-orm/postgresql';
import { assertMayReadCustomers, requireViewer } from '../../auth/policy';
import type { Viewer } from '../../auth/viewer';
import { encodeCursor, pageArgs, toConnection, type ConnectionValue } from '../../graphql/connection';
import { customerScopeSql, query } from '../../db/sql';
import { toContact, toCustomer, type ContactRow, type CustomerRow } from './customer.loaders';
import type { ContactType, CustomerFilter, CustomerType } from './customer.type';

function likePattern(search: string): string {
  return `%${search
    .trim()
    .toLowerCase()
    .replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
}

/** Lists of customers and contacts, limited to what the viewer may read, with keyset pagination. */
export class CustomerQueryService {
  async customers(em: EntityManager, viewer: Viewer | null, first: number, after: string | null | undefined, filter: CustomerFilter | null | undefined): Promise<ConnectionValue<CustomerType>> {
    const v = requireViewer(viewer);
    assertMayReadCustomers(v);
    const page = pageArgs(first, after);
    const scope = customerScopeSql(v, 'c.id');
    const where = [scope.sql];
    const params: unknown[] = [...scope.params];
    if (filter?.search?.trim()) {
      where.push(`lower(c.name) like ?`);
      params.push(likePattern(filter.search));
    }
    if (filter?.ownerId) {
      where.push('c.owner_id = ?');
      params.push(filter.ownerId);
    }
    if (filter?.onHold !== undefined && filter?.onHold !== null) {
      where.push('c.on_hold = ?');
      params.push(filter.onHold);
    }
    const filterSql = where.join(' and ');
    const keyset = page.after ? { sql: ' and (c.name, c.id) > (?, ?)', params: [page.after.key, page.after.id] } : { sql: '', params: [] };
    const rows = await query<CustomerRow>(
      em,
      `select c.id, c.name, c.email, c.phone, c.payment_terms_days, c.owner_id from customers c
        where ${filterSql}${keyset.sql} order by c.name, c.id limit ?`,
      [...params, ...keyset.params, page.limit + 1],
    );
    return toConnection(
      rows,
      page.limit,
      (r) => encodeCursor(r.name, r.id),
      toCustomer,
      async () => {
        const [{ n }] = await query<{ n: string }>(em, `select count(*) as n from customers c where ${filterSql}`, params);
        return Number(n);
      },
    );
  }

  async contacts(em: EntityManager, viewer: Viewer | null, first: number, after: string | null | undefined, search: string | null | undefined): Promise<ConnectionValue<ContactType>> {
    const v = requireViewer(viewer);
    assertMayReadCustomers(v);
    const page = pageArgs(first, after);
    const scope = customerScopeSql(v, 'ct.customer_id');
    const where = [scope.sql];
    const params: unknown[] = [...scope.params];
    if (search?.trim()) {
      where.push(`lower(ct.first_name || ' ' || ct.last_name || ' ' || coalesce(ct.email, '')) like ?`);
      params.push(likePattern(search));
    }
    const filterSql = where.join(' and ');
    const sortKey = `ct.last_name || ' ' || ct.first_name`;
    const keyset = page.after ? { sql: ` and (${sortKey}, ct.id) > (?, ?)`, params: [page.after.key, page.after.id] } : { sql: '', params: [] };
    const rows = await query<ContactRow & { sort_key: string }>(
      em,
      `select ct.id, ct.customer_id, ct.first_name, ct.last_name, ct.email, ct.phone, ct.title, ${sortKey} as sort_key
         from contacts ct where ${filterSql}${keyset.sql} order by ${sortKey}, ct.id limit ?`,
      [...params, ...keyset.params, page.limit + 1],
    );
    return toConnection(
      rows,
      page.limit,
      (r) => encodeCursor(r.sort_key, r.id),
      toContact,
      async () => {
        const [{ n }] = await query<{ n: string }>(em, `select count(*) as n from contacts ct where ${filterSql}`, params);
        return Number(n);
      },
    );
  }
}
