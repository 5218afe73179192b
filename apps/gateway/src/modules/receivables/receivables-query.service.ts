import type { EntityManager } from '@mikro-orm/postgresql';
import { assertMayReadCommercial, requireViewer } from '../../auth/policy';
import type { Viewer } from '../../auth/viewer';
import type { ConnectionValue } from '../../graphql/connection';
import { todayUtc } from '../../db/sql';
import { dateCursor, datedConnection, dateRangeSql, parseIdArg, type DateKeyset, type Sql } from '../../graphql/keyset';
import type { InvoiceStatus } from './invoice.entity';
import { INVOICE_COLUMNS, invoiceScopeSql, type InvoiceRow } from './invoice.loaders';
import { invoiceView } from './invoice-view';
import type { InvoiceType } from './invoice.type';
import { PAYMENT_COLUMNS, toPayment, type PaymentRow } from './payment.loaders';
import type { PaymentType } from './payment.type';

export interface InvoiceListArgs {
  first: number;
  after?: string | null;
  customerId?: string | null;
  status?: InvoiceStatus[] | null;
  from?: string | null;
  to?: string | null;
  dueFrom?: string | null;
  dueTo?: string | null;
}

export interface PaymentListArgs {
  first: number;
  after?: string | null;
  customerId?: string | null;
  from?: string | null;
  to?: string | null;
}

type Sorted = { sort_date: string; sort_tie: string };

/** The top-level invoices list: newest issued first. */
export const INVOICES_NEWEST_FIRST: DateKeyset = { date: 'i.issue_date', tie: 'i.number', tieIsUuid: false, descending: true };
/** customer.invoices: oldest due first, the order a collector works in. */
export const INVOICES_OLDEST_DUE_FIRST: DateKeyset = { date: 'i.due_date', tie: 'i.number', tieIsUuid: false, descending: false };
export const invoiceDueCursor = (i: InvoiceType): string => dateCursor(i.dueDate, i.number);

/** Newest received first, in both payments and customer.payments. */
export const PAYMENTS_NEWEST_FIRST: DateKeyset = { date: 'p.received_on', tie: 'p.id', tieIsUuid: true, descending: true };
export const paymentCursor = (p: PaymentType): string => dateCursor(p.receivedOn, p.id);

/**
 * Lists of invoices and payments: commercial data, so sales (a rep only its own
 * customers'), finance and admin; FORBIDDEN for the warehouse and support.
 */
export class ReceivablesQueryService {
  async invoices(em: EntityManager, viewer: Viewer | null, args: InvoiceListArgs, order: DateKeyset = INVOICES_NEWEST_FIRST): Promise<ConnectionValue<InvoiceType>> {
    const v = requireViewer(viewer);
    assertMayReadCommercial(v, 'invoices');
    const where: Sql[] = [invoiceScopeSql(v)('i.customer_id')];
    if (args.customerId != null) where.push({ sql: 'i.customer_id = ?', params: [parseIdArg(args.customerId, ['customerId'])] });
    if (args.status?.length) where.push({ sql: 'i.status in (?)', params: [args.status] });
    where.push(...dateRangeSql('i.issue_date', args.from, args.to, ['from', 'to']));
    where.push(...dateRangeSql('i.due_date', args.dueFrom, args.dueTo, ['dueFrom', 'dueTo']));
    const today = todayUtc();
    return datedConnection<InvoiceRow & Sorted, InvoiceType>(em, {
      select: INVOICE_COLUMNS,
      from: 'invoices i',
      where,
      keyset: order,
      first: args.first,
      after: args.after,
      node: (r) => invoiceView(r, today),
    });
  }

  async payments(em: EntityManager, viewer: Viewer | null, args: PaymentListArgs): Promise<ConnectionValue<PaymentType>> {
    const v = requireViewer(viewer);
    assertMayReadCommercial(v, 'payments');
    const where: Sql[] = [invoiceScopeSql(v)('p.customer_id')];
    if (args.customerId != null) where.push({ sql: 'p.customer_id = ?', params: [parseIdArg(args.customerId, ['customerId'])] });
    where.push(...dateRangeSql('p.received_on', args.from, args.to, ['from', 'to']));
    return datedConnection<PaymentRow & Sorted, PaymentType>(em, {
      select: PAYMENT_COLUMNS,
      from: 'payments p',
      where,
      keyset: PAYMENTS_NEWEST_FIRST,
      first: args.first,
      after: args.after,
      node: toPayment,
    });
  }
}
