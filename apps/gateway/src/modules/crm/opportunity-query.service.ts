import type { EntityManager } from '@mikro-orm/postgresql';
import * as domain from '@tandem/domain';
import { assertMayReadOpportunities, requireViewer } from '../../auth/policy';
import type { Viewer } from '../../auth/viewer';
import { customerScopeSql, query } from '../../db/sql';
import type { ConnectionValue } from '../../graphql/connection';
import { isUuid } from '../../graphql/ids';
import { datedConnection, parseIdArg, type DateKeyset, type Sql } from '../../graphql/keyset';
import type { OpportunityType } from './crm.type';
import type { OpportunityStage } from './opportunity.entity';
import { OPPORTUNITY_COLUMNS, toOpportunity, type OpportunityRow } from './opportunity.rows';
import type { PipelineType } from './pipeline.type';

/** Newest first by the day it was created, then by id. */
const NEWEST_FIRST: DateKeyset = { date: 'o.created_at::date', tie: 'o.id', tieIsUuid: true, descending: true };

/** Reads of deals, always inside the viewer's customers (a rep: its own customers'), and the pipeline built from them by the domain. */
export class OpportunityQueryService {
  private scope(v: Viewer, ownerId: string | null | undefined): Sql[] {
    assertMayReadOpportunities(v);
    const where: Sql[] = [customerScopeSql(v, 'o.customer_id')];
    if (ownerId != null) where.push({ sql: 'o.owner_id = ?', params: [parseIdArg(ownerId, ['ownerId'])] });
    return where;
  }

  async opportunities(
    em: EntityManager,
    viewer: Viewer | null,
    args: { first: number; after?: string | null; stage?: OpportunityStage[] | null; ownerId?: string | null },
  ): Promise<ConnectionValue<OpportunityType>> {
    const v = requireViewer(viewer);
    const where = this.scope(v, args.ownerId);
    if (args.stage?.length) where.push({ sql: 'o.stage in (?)', params: [args.stage] });
    return datedConnection<OpportunityRow & { sort_date: string; sort_tie: string }, OpportunityType>(em, {
      select: OPPORTUNITY_COLUMNS,
      from: 'opportunities o',
      where,
      keyset: NEWEST_FIRST,
      first: args.first,
      after: args.after,
      node: toOpportunity,
    });
  }

  /** One deal; null when there is none or the viewer may not read its customer. */
  async opportunity(em: EntityManager, viewer: Viewer | null, id: string): Promise<OpportunityType | null> {
    const v = requireViewer(viewer);
    const where = this.scope(v, null);
    if (!isUuid(id)) return null;
    const [row] = await query<OpportunityRow>(em, `select ${OPPORTUNITY_COLUMNS} from opportunities o where o.id = ? and ${where[0].sql}`, [id, ...where[0].params]);
    return row ? toOpportunity(row) : null;
  }

  /** Every stage (empty ones at zero), the weighted open pipeline and the win rate, by the domain's definitions. */
  async pipeline(em: EntityManager, viewer: Viewer | null, ownerId: string | null | undefined): Promise<PipelineType> {
    const v = requireViewer(viewer);
    const where = this.scope(v, ownerId);
    const rows = await query<{ stage: OpportunityStage; amount: string }>(
      em,
      `select o.stage, o.amount from opportunities o where ${where.map((w) => `(${w.sql})`).join(' and ')}`,
      where.flatMap((w) => w.params),
    );
    const summary = domain.summarizePipeline(rows);
    return {
      stages: summary.stages.map((s) => ({ stage: s.stage as OpportunityStage, count: s.count, amount: domain.formatMoney(s.amount), weightedAmount: domain.formatMoney(s.weightedAmount) })),
      totalWeighted: domain.formatMoney(summary.totalWeighted),
      winRate: summary.winRate === null ? null : summary.winRate.toFixed(4),
    };
  }
}
