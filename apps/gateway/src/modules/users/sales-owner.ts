import type { EntityManager } from '@mikro-orm/postgresql';
import { Role, type Viewer } from '../../auth/viewer';
import { query } from '../../db/sql';
import { isUuid } from '../../graphql/ids';
import { Refused, UserErrorCode } from '../../graphql/user-error.type';

/**
 * Who owns a new lead or deal: a rep always itself; a manager or admin the
 * active sales user it names (anything else is NOT_FOUND on `field`), or
 * `fallback` when it names none.
 */
export async function salesOwner(tx: EntityManager, v: Viewer, requested: string | null | undefined, fallback: string, field: string[]): Promise<string> {
  if (v.role === Role.SALES_REP) return v.id;
  if (requested == null) return fallback;
  const [owner] = isUuid(requested) ? await query<{ id: string }>(tx, `select id from users where id = ? and role in ('SALES_REP', 'SALES_MANAGER', 'ADMIN') and active`, [requested]) : [];
  if (!owner) throw new Refused(UserErrorCode.NOT_FOUND, 'No such sales user.', field);
  return owner.id;
}
