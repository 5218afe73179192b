import type { EntityManager } from '@mikro-orm/postgresql';
import type { FieldChange } from '@tandem/domain';
import { may, requireViewer } from '../../auth/policy';
import type { Viewer } from '../../auth/viewer';
import { Role } from '../../auth/viewer';
import { lockCustomer } from '../../db/locks';
import { inTransaction, refused, refusedWith, type MutationResult } from '../../db/transaction';
import { Refused, UserErrorCode } from '../../graphql/user-error.type';
import { inputErrors } from '../../graphql/validate-input';
import { User } from '../users/user.entity';
import { parseMoneyArg } from '../../graphql/money-args';
import { Contact } from './contact.entity';
import { Customer } from './customer.entity';
import { customerRef } from './customer.mapper';
import type { CreateContactInput, CreateCustomerInput, UpdateCustomerInput } from './customer.input';

/** Customer master data and contacts: sales write them (a rep only its own); finance sets credit terms. */
export class CustomerService {
  async createCustomer(em: EntityManager, viewer: Viewer | null, input: CreateCustomerInput): Promise<MutationResult<Customer>> {
    const v = requireViewer(viewer);
    if (!may.writeCustomers(v)) return refused(UserErrorCode.FORBIDDEN, 'Your role may not create customers.');
    const invalid = await inputErrors(input);
    if (invalid.length) return refusedWith(invalid);
    const creditLimit = input.creditLimit == null ? null : parseMoneyArg(input.creditLimit, ['input', 'creditLimit'], { min: '0' });
    return inTransaction(em, v, async (tx, events) => {
      if (creditLimit !== null && !may.manageCredit(v)) throw new Refused(UserErrorCode.FORBIDDEN, 'Only FINANCE or ADMIN may set a credit limit.', ['input', 'creditLimit']);
      const ownerId = await this.resolveOwner(tx, v, input.ownerId);
      const customer = tx.create(Customer, {
        name: input.name.trim(),
        email: input.email ?? null,
        phone: input.phone ?? null,
        paymentTermsDays: input.paymentTermsDays ?? 30,
        owner: ownerId,
        creditLimit,
      });
      await tx.flush();
      events.record({ type: 'CustomerCreated', customer: customerRef(customer), creditLimit });
      return customer;
    });
  }

  async updateCustomer(em: EntityManager, viewer: Viewer | null, id: string, input: UpdateCustomerInput): Promise<MutationResult<Customer>> {
    const v = requireViewer(viewer);
    if (!may.writeCustomers(v)) return refused(UserErrorCode.FORBIDDEN, 'Your role may not change customers.');
    const invalid = await inputErrors(input);
    if (invalid.length) return refusedWith(invalid);
    return inTransaction(em, v, async (tx, events) => {
      const customer = await lockCustomer(tx, v, id, ['id']);
      const before = { name: customer.name, email: customer.email ?? null, phone: customer.phone ?? null, paymentTermsDays: customer.paymentTermsDays, ownerId: customer.owner.id };
      if (input.name != null) customer.name = input.name.trim();
      if (input.email !== undefined) customer.email = input.email;
      if (input.phone !== undefined) customer.phone = input.phone;
      if (input.paymentTermsDays != null) customer.paymentTermsDays = input.paymentTermsDays;
      if (input.ownerId != null && input.ownerId !== customer.owner.id) {
        if (!may.reassignCustomers(v)) throw new Refused(UserErrorCode.FORBIDDEN, 'Only a SALES_MANAGER or ADMIN may change the owner.', ['input', 'ownerId']);
        customer.owner = tx.getReference(User, await this.resolveOwner(tx, v, input.ownerId), { wrapped: true });
      }
      await tx.flush();
      const after: typeof before = { name: customer.name, email: customer.email ?? null, phone: customer.phone ?? null, paymentTermsDays: customer.paymentTermsDays, ownerId: customer.owner.id };
      const changes: FieldChange[] = (Object.keys(before) as (keyof typeof before)[])
        .filter((field) => before[field] !== after[field])
        .map((field) => ({ field, before: before[field], after: after[field] }));
      if (changes.length) events.record({ type: 'CustomerUpdated', customer: customerRef(customer), changes });
      return customer;
    });
  }

  async createContact(em: EntityManager, viewer: Viewer | null, input: CreateContactInput): Promise<MutationResult<Contact>> {
    const v = requireViewer(viewer);
    if (!may.writeCustomers(v)) return refused(UserErrorCode.FORBIDDEN, 'Your role may not create contacts.');
    const invalid = await inputErrors(input);
    if (invalid.length) return refusedWith(invalid);
    return inTransaction(em, v, async (tx, events) => {
      const customer = await lockCustomer(tx, v, input.customerId, ['input', 'customerId']);
      const contact = tx.create(Contact, {
        customer,
        firstName: input.firstName.trim(),
        lastName: input.lastName.trim(),
        email: input.email ?? null,
        phone: input.phone ?? null,
        title: input.title ?? null,
      });
      await tx.flush();
      events.record({ type: 'ContactCreated', customer: customerRef(customer), contactId: contact.id, name: `${contact.firstName} ${contact.lastName}` });
      return contact;
    });
  }

  /** A rep always owns what it creates; a manager or admin may name any sales user. */
  private async resolveOwner(tx: EntityManager, v: Viewer, ownerId: string | null | undefined): Promise<string> {
    if (!ownerId || ownerId === v.id) return v.id;
    if (!may.reassignCustomers(v)) throw new Refused(UserErrorCode.FORBIDDEN, 'Only a SALES_MANAGER or ADMIN may name another owner.', ['input', 'ownerId']);
    const owner = await tx.findOne(User, { id: ownerId });
    if (!owner || ![Role.SALES_REP, Role.SALES_MANAGER, Role.ADMIN].includes(owner.role)) {
      throw new Refused(UserErrorCode.NOT_FOUND, 'No such sales user.', ['input', 'ownerId']);
    }
    return owner.id;
  }
}
