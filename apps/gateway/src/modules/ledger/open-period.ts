import type { EntityManager } from '@mikro-orm/postgresql';
import * as domain from '@tandem/domain';
import { query } from '../../db/sql';
import { Refused, UserErrorCode } from '../../graphql/user-error.type';

/** The last closed date, or null while no period is closed. */
export async function closedThrough(em: EntityManager): Promise<string | null> {
  const [row] = await query<{ closed_through: string | null }>(em, 'select closed_through::text as closed_through from ledger_state where id = 1');
  return row?.closed_through ?? null;
}

/**
 * A document dated in a closed period is refused with PERIOD_CLOSED at its
 * date's input path, before anything is written. (The ledger checks again under
 * its lock, and the database once more, for a write that races a close.)
 */
export async function assertOpenPeriod(tx: EntityManager, date: string, field: string[]): Promise<void> {
  const open = domain.checkPostingDate(date, await closedThrough(tx));
  if (!open.ok) throw new Refused(UserErrorCode.PERIOD_CLOSED, open.message, field);
}
