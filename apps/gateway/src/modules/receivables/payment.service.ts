import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import * as domain from '@tandem/domain';
import { may, requireViewer } from '../../auth/policy';
import type { Viewer } from '../../auth/viewer';
import { todayUtc } from '../../db/sql';
import { inTransaction, refused, refusedFromDomain, type MutationResult } from '../../db/transaction';
import { parseMoneyArg } from '../../graphql/money-args';
import { UserErrorCode } from '../../graphql/user-error.type';
import { writeAlerts } from '../alerts/alert-writer';
import { creditChangeAlerts, creditStatusNow } from '../customers/credit-alerts';
import { lockCustomer } from '../customers/customer.service';
import { Invoice, InvoiceStatus } from './invoice.entity';
import { Payment, PaymentAllocation } from './payment.entity';
import type { RecordPaymentInput } from './payment.type';

/** Cash received from a customer, applied to its invoices (FINANCE, ADMIN). */
export class PaymentService {
  async recordPayment(em: EntityManager, viewer: Viewer | null, input: RecordPaymentInput): Promise<MutationResult<Payment>> {
    const v = requireViewer(viewer);
    if (!may.recordPayments(v)) return refused(UserErrorCode.FORBIDDEN, 'Only FINANCE may record payments.');
    const amount = parseMoneyArg(input.amount, ['input', 'amount'], { min: '0.01' });
    const requested = input.allocations?.map((a, i) => ({ invoiceId: a.invoiceId, amount: parseMoneyArg(a.amount, ['input', 'allocations', String(i), 'amount'], { min: '0.01' }) }));
    return inTransaction(em, async (tx) => {
      const customer = await lockCustomer(tx, v, input.customerId, ['input', 'customerId']);
      const before = await creditStatusNow(tx, customer.id);
      // The customer's open invoices, locked, oldest due first.
      const open = await tx.find(
        Invoice,
        { customer, status: { $in: [InvoiceStatus.OPEN, InvoiceStatus.PARTIALLY_PAID] } },
        { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { dueDate: 'asc', number: 'asc' } },
      );
      const receivedOn = input.receivedOn ?? todayUtc();
      const allocation = domain.allocatePayment({
        amount,
        receivedOn,
        today: todayUtc(),
        invoices: open.map((i) => ({ id: i.id, dueDate: i.dueDate, issueDate: i.issueDate, balanceDue: domain.balanceDue(i) })),
        requested: requested ?? undefined,
      });
      if (!allocation.ok) throw refusedFromDomain(allocation, ['input']);
      const payment = tx.create(Payment, {
        customer,
        amount,
        receivedOn,
        reference: input.reference?.trim() || null,
        unappliedAmount: domain.formatMoney(allocation.value.unapplied),
      });
      const byId = new Map(open.map((i) => [i.id, i]));
      for (const a of allocation.value.allocations) {
        const invoice = byId.get(a.invoiceId)!;
        invoice.amountPaid = domain.formatMoney(domain.money(invoice.amountPaid).plus(a.amount));
        invoice.status = domain.invoiceStatus({ total: invoice.total, amountPaid: invoice.amountPaid }) as InvoiceStatus;
        payment.allocations.add(tx.create(PaymentAllocation, { payment, invoice, amount: domain.formatMoney(a.amount) }));
      }
      await writeAlerts(tx, await creditChangeAlerts(tx, customer, before));
      return payment;
    });
  }
}
