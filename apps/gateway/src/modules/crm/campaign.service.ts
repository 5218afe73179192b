import type { EntityManager } from '@mikro-orm/postgresql';
import { may, requireViewer } from '../../auth/policy';
import type { Viewer } from '../../auth/viewer';
import { todayUtc } from '../../db/sql';
import { inTransaction, refused, refusedWith, type MutationResult } from '../../db/transaction';
import { parseMoneyArg } from '../../graphql/money-args';
import { UserErrorCode } from '../../graphql/user-error.type';
import { inputErrors } from '../../graphql/validate-input';
import { Campaign } from './campaign.entity';
import type { CreateCampaignInput } from './campaign.input';

/** Campaigns: SALES_MANAGER and ADMIN record them with their cost, so acquisition cost can be computed from the leads they bring. */
export class CampaignService {
  async create(em: EntityManager, viewer: Viewer | null, input: CreateCampaignInput): Promise<MutationResult<Campaign>> {
    const v = requireViewer(viewer);
    if (!may.writeCampaigns(v)) return refused(UserErrorCode.FORBIDDEN, 'Only a SALES_MANAGER or ADMIN may create campaigns.');
    const invalid = await inputErrors(input);
    if (invalid.length) return refusedWith(invalid);
    if (!input.name.trim()) return refused(UserErrorCode.BAD_USER_INPUT, 'A campaign needs a name.', ['input', 'name']);
    const cost = parseMoneyArg(input.cost, ['input', 'cost'], { min: '0' });
    return inTransaction(em, v, async (tx, events) => {
      const campaign = tx.create(Campaign, { name: input.name.trim(), channel: input.channel.trim().toUpperCase(), cost, startDate: input.startDate ?? todayUtc() });
      tx.persist(campaign);
      events.record({ type: 'CampaignCreated', campaignId: campaign.id, name: campaign.name, cost });
      return campaign;
    });
  }
}
