import { assertOpenPeriod } from '../ledger/open-period';
import type { EntityManager } from '@mikro-orm/postgresql';
import * as domain from '@tandem/domain';
import { may, requireViewer } from '../../auth/policy';
import type { Viewer } from '../../auth/viewer';
import type { Policy } from '../../services';
import { todayUtc } from '../../db/sql';
import { lockCustomer, lockOpenInvoices } from '../../db/locks';
import { inTransaction, refused, refusedFromDomain, type MutationResult } from '../../db/transaction';
import { parseMoneyArg } from '../../graphql/money-args';
import { UserErrorCode } from '../../graphql/user-error.type';
import { watchCredit } from '../customers/credit-watch';
import { customerRef } from '../customers/customer.mapper';
import { InvoiceStatus } from './invoice.entity';
import { Payment, PaymentAllocation } from './payment.entity';
import type { RecordPaymentInput } from './payment.type';

/** Cash received from a customer, applied to its invoices (FINANCE, ADMIN). */
export class PaymentService {
  constructor(private readonly policy: Policy) {}

  async recordPayment(em: EntityManager, viewer: Viewer | null, input: RecordPaymentInput): Promise<MutationResult<Payment>> {
    const v = requireViewer(viewer);
    if (!may.recordPayments(v)) return refused(UserErrorCode.FORBIDDEN, 'Only FINANCE may record payments.');
    const amount = parseMoneyArg(input.amount, ['input', 'amount'], { min: '0.01' });
    const requested = input.allocations?.map((a, i) => ({ invoiceId: a.invoiceId, amount: parseMoneyArg(a.amount, ['input', 'allocations', String(i), 'amount'], { min: '0.01' }) }));
    return inTransaction(em, v, async (tx, events) => {
      const customer = await lockCustomer(tx, v, input.customerId, ['input', 'customerId']);
      const credit = await watchCredit(tx, customer.id);
      const open = await lockOpenInvoices(tx, customer.id);
      const receivedOn = input.receivedOn ?? todayUtc();
      await assertOpenPeriod(tx, receivedOn, ['input', 'receivedOn']);
      const allocation = domain.allocatePayment({
        amount,
        receivedOn,
        today: todayUtc(),
        backdatingDays: this.policy.backdatingDays,
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
      await tx.flush();
      events.record({
        type: 'PaymentReceived',
        customer: customerRef(customer),
        paymentId: payment.id,
        amount: payment.amount,
        receivedOn: payment.receivedOn,
        allocations: allocation.value.allocations.map((a) => ({ invoiceId: a.invoiceId, amount: domain.formatMoney(a.amount) })),
        unapplied: payment.unappliedAmount,
        credit: await credit.moved(),
      });
      return payment;
    });
  }
}
