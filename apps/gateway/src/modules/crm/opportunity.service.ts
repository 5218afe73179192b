import type { EntityManager } from '@mikro-orm/postgresql';
import * as domain from '@tandem/domain';
import { may, requireViewer } from '../../auth/policy';
import type { Viewer } from '../../auth/viewer';
import { lockCustomer, lockOpportunityWithCustomer } from '../../db/locks';
import { inTransaction, refused, refusedFromDomain, refusedWith, type MutationResult } from '../../db/transaction';
import { isUuid } from '../../graphql/ids';
import { UserErrorCode } from '../../graphql/user-error.type';
import { inputErrors } from '../../graphql/validate-input';
import { customerRef } from '../customers/customer.mapper';
import { salesOwner } from '../users/sales-owner';
import { Opportunity, OpportunityStage } from './opportunity.entity';
import type { CreateOpportunityInput } from './opportunity.input';

/** Deals: creating one on a customer the viewer may write, and moving it through the pipeline by the domain's table. */
export class OpportunityService {
  async create(em: EntityManager, viewer: Viewer | null, input: CreateOpportunityInput): Promise<MutationResult<Opportunity>> {
    const v = requireViewer(viewer);
    if (!may.writeCustomers(v)) return refused(UserErrorCode.FORBIDDEN, 'Your role may not create opportunities.');
    const invalid = await inputErrors(input);
    if (invalid.length) return refusedWith(invalid);
    if (!isUuid(input.customerId)) return refused(UserErrorCode.NOT_FOUND, 'No such customer.', ['input', 'customerId']);
    const parsed = domain.parseMoneyInput(input.amount);
    if (!parsed.ok || parsed.value.lte(0)) return refused(UserErrorCode.BAD_USER_INPUT, 'amount must be more than 0 with at most 2 decimals', ['input', 'amount']);
    const amount = parsed.value;
    const stage = input.stage ?? OpportunityStage.PROSPECTING;
    if (domain.isFinalStage(stage)) return refused(UserErrorCode.BAD_USER_INPUT, 'A new opportunity starts in an open stage; move it to WON or LOST afterwards.', ['input', 'stage']);
    return inTransaction(em, v, async (tx, events) => {
      const customer = await lockCustomer(tx, v, input.customerId, ['input', 'customerId']);
      const ownerId = await salesOwner(tx, v, input.ownerId, customer.owner.id, ['input', 'ownerId']);
      const opportunity = tx.create(Opportunity, {
        customer: customer.id,
        owner: ownerId,
        name: input.name.trim(),
        stage,
        amount: domain.formatMoney(amount),
        expectedCloseDate: input.expectedCloseDate ?? null,
      });
      tx.persist(opportunity);
      events.record({ type: 'OpportunityCreated', customer: customerRef(customer), opportunityId: opportunity.id, name: opportunity.name, amount: opportunity.amount, stage: opportunity.stage });
      return opportunity;
    });
  }

  /**
   * Moves a deal by the domain's table: LOST needs a reason, WON and LOST are
   * final and stamp closedAt, and a move into WON states OpportunityStageChanged,
   * from which the alert outbox raises DEAL_WON in the same transaction.
   */
  async move(em: EntityManager, viewer: Viewer | null, id: string, stage: OpportunityStage, lostReason: string | null | undefined): Promise<MutationResult<Opportunity>> {
    const v = requireViewer(viewer);
    if (!may.writeCustomers(v)) return refused(UserErrorCode.FORBIDDEN, 'Your role may not move opportunities.');
    if (!isUuid(id)) return refused(UserErrorCode.NOT_FOUND, 'No such opportunity.', ['id']);
    return inTransaction(em, v, async (tx, events) => {
      const { opportunity, customer } = await lockOpportunityWithCustomer(tx, v, id);
      const move = domain.moveOpportunity(opportunity.stage, stage, lostReason);
      if (!move.ok) throw refusedFromDomain(move, []);
      const before = opportunity.stage;
      opportunity.stage = move.value.stage as OpportunityStage;
      opportunity.lostReason = move.value.lostReason;
      if (move.value.closes) opportunity.closedAt = new Date();
      events.record({
        type: 'OpportunityStageChanged',
        customer: customerRef(customer),
        opportunityId: opportunity.id,
        name: opportunity.name,
        amount: opportunity.amount,
        stageBefore: before,
        stageAfter: opportunity.stage,
      });
      return opportunity;
    });
  }
}
