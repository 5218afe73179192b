import type { EntityManager } from '@mikro-orm/postgresql';
import * as domain from '@tandem/domain';
import { may, requireViewer } from '../../auth/policy';
import type { Viewer } from '../../auth/viewer';
import { lockLead } from '../../db/locks';
import { query } from '../../db/sql';
import { inTransaction, refused, refusedFromDomain, refusedWith, type MutationResult } from '../../db/transaction';
import { isUuid } from '../../graphql/ids';
import { Refused, UserErrorCode } from '../../graphql/user-error.type';
import { inputErrors } from '../../graphql/validate-input';
import { Contact } from '../customers/contact.entity';
import { Customer } from '../customers/customer.entity';
import { customerRef } from '../customers/customer.mapper';
import { Lead, LeadStatus } from './lead.entity';
import type { ConvertLeadInput, CreateLeadInput } from './lead.input';
import { Opportunity, OpportunityStage } from './opportunity.entity';
import { salesOwner } from '../users/sales-owner';

export interface Conversion {
  lead: Lead;
  customer: Customer;
  contact: Contact;
  opportunity: Opportunity | null;
}

/** Leads: created by the sales team, moved along the domain's table, converted once into a customer, its contact and maybe a deal. */
export class LeadService {
  async create(em: EntityManager, viewer: Viewer | null, input: CreateLeadInput): Promise<MutationResult<Lead>> {
    const v = requireViewer(viewer);
    if (!may.writeLeads(v)) return refused(UserErrorCode.FORBIDDEN, 'Your role may not create leads.');
    const invalid = await inputErrors(input);
    if (invalid.length) return refusedWith(invalid);
    if (!input.name.trim()) return refused(UserErrorCode.BAD_USER_INPUT, 'A lead needs a name.', ['input', 'name']);
    if (input.campaignId != null && !isUuid(input.campaignId)) return refused(UserErrorCode.NOT_FOUND, 'No such campaign.', ['input', 'campaignId']);
    return inTransaction(em, v, async (tx, events) => {
      if (input.campaignId != null && (await query(tx, 'select 1 from campaigns where id = ?', [input.campaignId])).length === 0) {
        throw new Refused(UserErrorCode.NOT_FOUND, 'No such campaign.', ['input', 'campaignId']);
      }
      const ownerId = await salesOwner(tx, v, input.ownerId, v.id, ['input', 'ownerId']);
      const clean = (s?: string | null) => s?.trim() || null;
      const lead = tx.create(Lead, {
        name: input.name.trim(),
        company: clean(input.company),
        email: clean(input.email),
        phone: clean(input.phone),
        source: clean(input.source),
        owner: ownerId,
        campaign: input.campaignId ?? null,
      });
      tx.persist(lead);
      events.record({ type: 'LeadCreated', leadId: lead.id, name: lead.name, ownerId, campaignId: input.campaignId ?? null });
      return lead;
    });
  }

  /** Moves a lead by the domain's table; conversion has its own operation (convertLead), which creates the customer. */
  async updateStatus(em: EntityManager, viewer: Viewer | null, id: string, status: LeadStatus): Promise<MutationResult<Lead>> {
    const v = requireViewer(viewer);
    if (!may.writeLeads(v)) return refused(UserErrorCode.FORBIDDEN, 'Your role may not change leads.');
    if (!isUuid(id)) return refused(UserErrorCode.NOT_FOUND, 'No such lead.', ['id']);
    if (status === LeadStatus.CONVERTED) return refused(UserErrorCode.INVALID_TRANSITION, 'A lead becomes CONVERTED through convertLead, which creates its customer.', ['status']);
    return inTransaction(em, v, async (tx, events) => {
      const lead = await lockLead(tx, v, id);
      const move = domain.transitionLead(lead.status, status);
      if (!move.ok) throw refusedFromDomain(move, ['status']);
      events.record({ type: 'LeadStatusChanged', leadId: lead.id, name: lead.name, statusBefore: lead.status, statusAfter: move.value });
      lead.status = move.value as LeadStatus;
      return lead;
    });
  }

  /**
   * Converts a lead in one transaction: the customer (owned by the lead's
   * owner), its contact and, when asked, a deal, as the domain plans them;
   * the lead keeps its campaign and records the customer it became. The lead
   * row is locked, so converting twice, even at the same moment, is refused.
   */
  async convert(em: EntityManager, viewer: Viewer | null, id: string, input: ConvertLeadInput | null | undefined): Promise<MutationResult<Conversion>> {
    const v = requireViewer(viewer);
    if (!may.writeLeads(v)) return refused(UserErrorCode.FORBIDDEN, 'Your role may not convert leads.');
    if (!isUuid(id)) return refused(UserErrorCode.NOT_FOUND, 'No such lead.', ['id']);
    if (input) {
      const invalid = await inputErrors(input);
      if (invalid.length) return refusedWith(invalid);
    }
    return inTransaction(em, v, async (tx, events) => {
      const lead = await lockLead(tx, v, id);
      const plan = domain.planLeadConversion({ status: lead.status, name: lead.name, company: lead.company, email: lead.email, phone: lead.phone, ownerId: lead.owner.id }, input?.opportunity ?? null);
      if (!plan.ok) throw refusedFromDomain(plan);
      const p = plan.value;
      const customer = tx.create(Customer, { name: p.customer.name, email: p.customer.email, phone: p.customer.phone, owner: p.customer.ownerId });
      const contact = tx.create(Contact, { customer, firstName: p.contact.firstName, lastName: p.contact.lastName, email: p.contact.email, phone: p.contact.phone });
      const opportunity = p.opportunity
        ? tx.create(Opportunity, { customer, owner: p.opportunity.ownerId, name: p.opportunity.name, stage: p.opportunity.stage as OpportunityStage, amount: p.opportunity.amount })
        : null;
      lead.status = LeadStatus.CONVERTED;
      lead.convertedCustomer = tx.getReference(Customer, customer.id, { wrapped: true });
      lead.convertedAt = new Date();
      await tx.flush();
      const ref = customerRef(customer);
      events.record({ type: 'CustomerCreated', customer: ref, creditLimit: null });
      events.record({ type: 'ContactCreated', customer: ref, contactId: contact.id, name: `${contact.firstName} ${contact.lastName}`.trim() });
      events.record({ type: 'LeadConverted', customer: ref, leadId: lead.id, leadName: lead.name, campaignId: lead.campaign?.id ?? null, opportunityId: opportunity?.id ?? null });
      return { lead, customer, contact, opportunity };
    });
  }
}
