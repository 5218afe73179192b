import type { EntityManager } from '@mikro-orm/postgresql';
import * as domain from '@tandem/domain';
import { may, requireViewer } from '../../auth/policy';
import type { Viewer } from '../../auth/viewer';
import { lockLedger } from '../../db/locks';
import { query, todayUtc } from '../../db/sql';
import { inTransaction, refused, refusedFromDomain, type MutationResult } from '../../db/transaction';
import { UserErrorCode } from '../../graphql/user-error.type';

/**
 * Closing the books through a date (FINANCE, ADMIN): forward only, and only
 * for ended dates (the domain's planPeriodClose). Under the ledger lock, so a
 * posting racing the close either commits before it or is refused after it.
 */
export class PeriodCloseService {
  async close(em: EntityManager, viewer: Viewer | null, through: string): Promise<MutationResult<string>> {
    const v = requireViewer(viewer);
    if (!may.closePeriods(v)) return refused(UserErrorCode.FORBIDDEN, 'Only FINANCE or ADMIN may close a period.');
    return inTransaction(em, v, async (tx, events) => {
      const state = await lockLedger(tx);
      const plan = domain.planPeriodClose({ closedThrough: state.closedThrough, through, today: todayUtc() });
      if (!plan.ok) throw refusedFromDomain(plan, []);
      await query(tx, 'update ledger_state set closed_through = ?, closed_after_number = head_number where id = 1', [plan.value]);
      events.record({ type: 'PeriodClosed', closedThrough: plan.value, closedBefore: state.closedThrough });
      return plan.value;
    });
  }
}
