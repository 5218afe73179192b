import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer';
import { mayReadCommercial } from '../../auth/policy';
import { customerScopeSql, groupBy, query, todayUtc } from '../../db/sql';
import type { UserType } from '../users/user.type';
import { creditView } from './credit-view';
import { loadCreditFacts } from './credit-facts';
import type { ContactType, CreditType, CustomerType } from './customer.type';

export interface CustomerRow {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  payment_terms_days: number;
  owner_id: string;
}

export function toCustomer(r: CustomerRow): CustomerType {
  return { id: r.id, name: r.name, email: r.email, phone: r.phone, paymentTermsDays: r.payment_terms_days, ownerId: r.owner_id };
}

export interface ContactRow {
  id: string;
  customer_id: string;
  first_name: string;
  last_name: string;
  email: string | null;
  phone: string | null;
  title: string | null;
}

export function toContact(r: ContactRow): ContactType {
  return { id: r.id, customerId: r.customer_id, firstName: r.first_name, lastName: r.last_name, email: r.email, phone: r.phone, title: r.title };
}

/** Per-request batch loaders for customers and what hangs off them; all scoped to the viewer. */
export function createCustomerLoaders(em: EntityManager, viewer: Viewer | null) {
  const scoped = (column: string) => (viewer ? customerScopeSql(viewer, column) : { sql: 'false', params: [] });
  return {
    user: new DataLoader<string, UserType | null>(async (ids) => {
      const rows = await query<UserType>(em, 'select id, email, name, role from users where id in (?)', [[...ids]]);
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),

    /** null for a customer that does not exist or that the viewer may not read. */
    customer: new DataLoader<string, CustomerType | null>(async (ids) => {
      const s = scoped('id');
      const rows = await query<CustomerRow>(em, `select id, name, email, phone, payment_terms_days, owner_id from customers where id in (?) and ${s.sql}`, [[...ids], ...s.params]);
      const byId = new Map(rows.map((r) => [r.id, toCustomer(r)]));
      return ids.map((id) => byId.get(id) ?? null);
    }),

    contactsByCustomer: new DataLoader<string, ContactType[]>(async (ids) => {
      const s = scoped('customer_id');
      const rows = await query<ContactRow>(
        em,
        `select id, customer_id, first_name, last_name, email, phone, title from contacts
          where customer_id in (?) and ${s.sql} order by last_name, first_name, id`,
        [[...ids], ...s.params],
      );
      return groupBy(ids, rows.map(toContact), (c) => c.customerId);
    }),

    /** The whole page's credit figures in two grouped statements. */
    creditByCustomer: new DataLoader<string, CreditType | null>(async (ids) => {
      const facts = await loadCreditFacts(em, ids, todayUtc(), scoped);
      const restricted = !viewer || !mayReadCommercial(viewer);
      return ids.map((id) => {
        const f = facts.get(id);
        return f ? creditView(f, todayUtc(), restricted) : null;
      });
    }),
  };
}

export type CustomerLoaders = ReturnType<typeof createCustomerLoaders>;
