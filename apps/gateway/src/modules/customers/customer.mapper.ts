import type { CustomerRef } from '@tandem/domain';
import type { Contact } from './contact.entity';
import type { Customer } from './customer.entity';
import type { ContactType, CustomerType } from './customer.type';

export const customerOf = (c: Customer): CustomerType => ({
  id: c.id,
  name: c.name,
  email: c.email ?? null,
  phone: c.phone ?? null,
  paymentTermsDays: c.paymentTermsDays,
  ownerId: c.owner.id,
});

export const contactOf = (c: Contact): ContactType => ({
  id: c.id,
  customerId: c.customer.id,
  firstName: c.firstName,
  lastName: c.lastName,
  email: c.email ?? null,
  phone: c.phone ?? null,
  title: c.title ?? null,
});

/** The customer as business events name it: id, name and owning rep. */
export const customerRef = (c: Customer): CustomerRef => ({ customerId: c.id, customerName: c.name, ownerId: c.owner.id });
