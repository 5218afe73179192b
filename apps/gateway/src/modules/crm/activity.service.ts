import type { EntityManager } from '@mikro-orm/postgresql';
import { may, requireViewer } from '../../auth/policy';
import type { Viewer } from '../../auth/viewer';
import { lockCustomer } from '../../db/locks';
import { query } from '../../db/sql';
import { inTransaction, refused, refusedWith, type MutationResult } from '../../db/transaction';
import { isUuid } from '../../graphql/ids';
import { Refused, UserErrorCode } from '../../graphql/user-error.type';
import { inputErrors } from '../../graphql/validate-input';
import { customerRef } from '../customers/customer.mapper';
import { Activity } from './activity.entity';
import type { LogActivityInput } from './activity.input';

/** How far ahead an activity may be dated (a meeting later today is fine; next year is a typo). */
const MAX_AHEAD_MS = 86_400_000;

/** Activities: sales and support log them on customers they may read; each one joins the customer's timeline. */
export class ActivityService {
  async log(em: EntityManager, viewer: Viewer | null, input: LogActivityInput): Promise<MutationResult<Activity>> {
    const v = requireViewer(viewer);
    if (!may.logActivities(v)) return refused(UserErrorCode.FORBIDDEN, 'Your role may not log activities.');
    const invalid = await inputErrors(input);
    if (invalid.length) return refusedWith(invalid);
    if (!input.subject.trim()) return refused(UserErrorCode.BAD_USER_INPUT, 'An activity needs a subject.', ['input', 'subject']);
    if (!isUuid(input.customerId)) return refused(UserErrorCode.NOT_FOUND, 'No such customer.', ['input', 'customerId']);
    if (input.contactId != null && !isUuid(input.contactId)) return refused(UserErrorCode.NOT_FOUND, 'No such contact.', ['input', 'contactId']);
    const occurredAt = input.occurredAt ?? new Date();
    if (occurredAt.getTime() > Date.now() + MAX_AHEAD_MS) return refused(UserErrorCode.BAD_USER_INPUT, 'occurredAt may be at most a day ahead.', ['input', 'occurredAt']);
    return inTransaction(em, v, async (tx, events) => {
      const customer = await lockCustomer(tx, v, input.customerId, ['input', 'customerId']);
      if (input.contactId != null && (await query(tx, 'select 1 from contacts where id = ? and customer_id = ?', [input.contactId, customer.id])).length === 0) {
        throw new Refused(UserErrorCode.NOT_FOUND, 'No such contact of this customer.', ['input', 'contactId']);
      }
      const activity = tx.create(Activity, { customer, contact: input.contactId ?? null, kind: input.kind, subject: input.subject.trim(), occurredAt });
      tx.persist(activity);
      await tx.flush();
      events.record({ type: 'ActivityLogged', customer: customerRef(customer), activityId: activity.id, kind: activity.kind, subject: activity.subject, activityAt: occurredAt });
      return activity;
    });
  }
}
