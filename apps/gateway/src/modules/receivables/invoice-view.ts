import * as domain from '@tandem/domain';
import { todayUtc } from '../../db/sql';
import type { Invoice } from './invoice.entity';
import type { InvoiceRow } from './invoice.loaders';
import type { InvoiceType } from './invoice.type';

/** An invoice as the graph shows it: balance, overdue and days overdue from the domain, as of today. */
export function invoiceView(r: InvoiceRow, today: string): InvoiceType {
  const balanceDue = domain.balanceDue({ total: r.total, amountPaid: r.amount_paid });
  const facts = { dueDate: r.due_date, balanceDue };
  return {
    id: r.id,
    number: r.number,
    status: r.status,
    issueDate: r.issue_date,
    dueDate: r.due_date,
    subtotal: r.subtotal,
    taxTotal: r.tax_total,
    total: r.total,
    amountPaid: r.amount_paid,
    balanceDue: domain.formatMoney(balanceDue),
    overdue: domain.isOverdue(facts, today),
    daysOverdue: domain.daysOverdue(facts, today),
    customerId: r.customer_id,
    orderId: r.order_id,
  };
}

export function invoiceOf(i: Invoice): InvoiceType {
  return invoiceView(
    {
      id: i.id,
      number: i.number,
      status: i.status,
      issue_date: i.issueDate,
      due_date: i.dueDate,
      subtotal: i.subtotal,
      tax_total: i.taxTotal,
      total: i.total,
      amount_paid: i.amountPaid,
      customer_id: i.customer.id,
      order_id: i.order.id,
    },
    todayUtc(),
  );
}
