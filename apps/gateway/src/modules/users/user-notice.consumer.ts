import type { EntityManager } from '@mikro-orm/postgresql';
import type { BusinessEvent } from '@tandem/domain';
import { USER_CHANNEL, type UserNotice } from '../../auth/user-directory';
import { query } from '../../db/sql';
import type { EventConsumer } from '../../events/event-consumer';

/**
 * A changed role or standing is announced to every instance with NOTIFY in the
 * change's own transaction: PostgreSQL sends it on commit, never for a rollback,
 * and in commit order with the alerts (auth/user-directory.ts).
 */
export const userNoticeConsumer: EventConsumer = {
  name: 'user-notice',
  alone(_em: EntityManager, events: readonly BusinessEvent[]) {
    return events.some((e) => e.type === 'UserUpdated') ? undefined : null;
  },
  async consume(tx: EntityManager, events: readonly BusinessEvent[]): Promise<void> {
    for (const e of events) {
      if (e.type !== 'UserUpdated') continue;
      const notice: UserNotice = { id: e.userId, role: e.after.role as UserNotice['role'], active: e.after.active };
      await query(tx, 'select pg_notify(?, ?)', [USER_CHANNEL, JSON.stringify(notice)]);
    }
  },
};
