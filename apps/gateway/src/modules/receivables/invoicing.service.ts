import { assertOpenPeriod } from '../ledger/open-period';
import type { EntityManager } from '@mikro-orm/postgresql';
import * as domain from '@tandem/domain';
import { may, requireViewer } from '../../auth/policy';
import type { Viewer } from '../../auth/viewer';
import type { Policy } from '../../services';
import { todayUtc } from '../../db/sql';
import { lockOrderWithCustomer } from '../../db/locks';
import { inTransaction, refused, refusedFromDomain, type MutationResult } from '../../db/transaction';
import { UserErrorCode } from '../../graphql/user-error.type';
import { watchCredit } from '../customers/credit-watch';
import { customerRef } from '../customers/customer.mapper';
import { OrderStatus } from '../orders/order.entity';
import { nextNumber } from '../orders/order.service';
import { Invoice, InvoiceLine } from './invoice.entity';

/** Billing what was shipped and not yet invoiced (FINANCE, ADMIN). */
export class InvoicingService {
  constructor(private readonly policy: Policy) {}

  async invoiceOrder(em: EntityManager, viewer: Viewer | null, orderId: string, issueDate: string | null | undefined): Promise<MutationResult<Invoice>> {
    const v = requireViewer(viewer);
    if (!may.invoice(v)) return refused(UserErrorCode.FORBIDDEN, 'Only FINANCE may invoice orders.');
    return inTransaction(em, v, async (tx, events) => {
      const { order, customer } = await lockOrderWithCustomer(tx, v, orderId, ['orderId']);
      const credit = await watchCredit(tx, customer.id);
      const lines = order.lines.getItems();
      const plan = domain.planInvoice({
        status: order.status,
        issueDate: issueDate ?? todayUtc(),
        today: todayUtc(),
        orderDate: order.orderDate,
        backdatingDays: this.policy.backdatingDays,
        paymentTermsDays: customer.paymentTermsDays,
        lines: lines.map((l) => ({
          id: l.id,
          quantity: l.quantity,
          shippedQuantity: l.shippedQuantity,
          invoicedQuantity: l.invoicedQuantity,
          unitPrice: l.unitPrice,
          discountPercent: l.discountPercent,
          taxRate: l.taxRate,
        })),
      });
      if (!plan.ok) throw refusedFromDomain(plan, []); // its fields name the mutation's own arguments (issueDate)
      await assertOpenPeriod(tx, issueDate ?? todayUtc(), ['issueDate']);
      const invoice = tx.create(Invoice, {
        number: await nextNumber(tx, 'invoice_number_seq', 'INV'),
        customer,
        order,
        issueDate: plan.value.issueDate,
        dueDate: plan.value.dueDate,
        subtotal: domain.formatMoney(plan.value.subtotal),
        taxTotal: domain.formatMoney(plan.value.taxTotal),
        total: domain.formatMoney(plan.value.total),
      });
      const byId = new Map(lines.map((l) => [l.id, l]));
      for (const il of plan.value.lines) {
        const line = byId.get(il.lineId)!;
        line.invoicedQuantity += il.quantity;
        invoice.lines.add(tx.create(InvoiceLine, { invoice, orderLine: line, quantity: il.quantity, lineNet: domain.formatMoney(il.net), taxAmount: domain.formatMoney(il.tax) }));
      }
      order.status = plan.value.orderStatus as OrderStatus;
      // An invoice dated in the past can be overdue at once and move the customer's credit status.
      const moved = await credit.moved();
      events.record({
        type: 'InvoiceIssued',
        customer: customerRef(customer),
        orderId: order.id,
        invoice: {
          invoiceId: invoice.id,
          invoiceNumber: invoice.number,
          issueDate: invoice.issueDate,
          dueDate: invoice.dueDate,
          subtotal: invoice.subtotal,
          taxTotal: invoice.taxTotal,
          total: invoice.total,
        },
        credit: moved,
      });
      return invoice;
    });
  }
}
