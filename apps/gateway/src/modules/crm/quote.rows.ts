import * as domain from '@tandem/domain';
import type { QuoteLineType, QuoteType } from './crm.type';
import { todayUtc } from '../../db/sql';
import type { Quote, QuoteStatus } from './quote.entity';

/** A quote as SQL returns it. */
export interface QuoteRow {
  id: string;
  number: string;
  customer_id: string;
  opportunity_id: string | null;
  order_id: string | null;
  status: QuoteStatus;
  valid_until: string;
  requires_approval: boolean;
  subtotal: string;
  tax_total: string;
  total: string;
  created_at: Date | string;
}

export const QUOTE_COLUMNS = `q.id, q.number, q.customer_id, q.opportunity_id, q.order_id, q.status, q.valid_until::text as valid_until, q.requires_approval, q.subtotal, q.tax_total, q.total, q.created_at`;

/** The status is shown as of today: an open quote past its date reads EXPIRED before the scan writes it. */
export function toQuote(r: QuoteRow, today: string): QuoteType {
  return {
    id: r.id,
    number: r.number,
    customerId: r.customer_id,
    opportunityId: r.opportunity_id,
    orderId: r.order_id,
    status: domain.quoteStatusAsOf({ status: r.status, validUntil: r.valid_until }, today) as QuoteStatus,
    validUntil: r.valid_until,
    requiresApproval: r.requires_approval,
    subtotal: r.subtotal,
    taxTotal: r.tax_total,
    total: r.total,
    createdAt: new Date(r.created_at),
  };
}

export interface QuoteLineRow {
  id: string;
  quote_id: string;
  product_id: string;
  quantity: number;
  unit_price: string;
  discount_percent: string;
  line_net: string;
}

export const toQuoteLine = (r: QuoteLineRow): QuoteLineType => ({
  id: r.id,
  productId: r.product_id,
  quantity: r.quantity,
  unitPrice: r.unit_price,
  discountPercent: r.discount_percent,
  lineTotal: r.line_net,
});

/** A quote entity (just written) as the graph shows it. */
export const quoteOf = (q: Quote): QuoteType =>
  toQuote(
    {
      id: q.id,
      number: q.number,
      customer_id: q.customer.id,
      opportunity_id: q.opportunity?.id ?? null,
      order_id: q.order?.id ?? null,
      status: q.status,
      valid_until: q.validUntil,
      requires_approval: q.requiresApproval,
      subtotal: q.subtotal,
      tax_total: q.taxTotal,
      total: q.total,
      created_at: q.createdAt,
    },
    todayUtc(),
  );
