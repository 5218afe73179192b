import type { EntityManager } from '@mikro-orm/postgresql';
import { assertMayReadLedger, requireViewer } from '../../auth/policy';
import type { Viewer } from '../../auth/viewer';
import { query } from '../../db/sql';
import { decodeCursor, encodeCursor, pageArgs, toConnection, type ConnectionValue } from '../../graphql/connection';
import { badUserInput } from '../../graphql/errors';
import type { AuditEntryType } from './audit.type';

interface AuditRow {
  id: string;
  at: Date;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  before: unknown;
  after: unknown;
}

/** The audit trail, newest first, by entity (ADMIN, FINANCE). */
export class AuditQueryService {
  async auditLog(
    em: EntityManager,
    viewer: Viewer | null,
    args: { first: number; after?: string | null; entityType?: string | null; entityId?: string | null },
  ): Promise<ConnectionValue<AuditEntryType>> {
    assertMayReadLedger(requireViewer(viewer));
    const page = pageArgs(args.first, null);
    const where: string[] = [];
    const params: unknown[] = [];
    if (args.entityType != null) {
      if (!/^[A-Za-z]{1,40}$/.test(args.entityType)) throw badUserInput('entityType is a record kind such as Customer or Invoice', ['entityType']);
      where.push('entity_type = ?');
      params.push(args.entityType);
    }
    if (args.entityId != null) {
      if (args.entityId.length > 100) throw badUserInput('entityId is too long', ['entityId']);
      where.push('entity_id = ?');
      params.push(args.entityId.toLowerCase());
    }
    if (args.after) {
      const c = decodeCursor(args.after);
      if (!/^\d{1,19}$/.test(c.id) || c.key !== 'a') throw badUserInput('after is not a cursor this API returned', ['after']);
      where.push('id < ?');
      params.push(c.id);
    }
    const rows = await query<AuditRow>(
      em,
      `select id::text as id, at, actor_id, action, entity_type, entity_id, before, after from audit_log ${where.length ? `where ${where.join(' and ')}` : ''} order by audit_log.id desc limit ?`,
      [...params, page.limit + 1],
    );
    return toConnection(
      rows,
      page.limit,
      (r) => encodeCursor('a', r.id),
      (r) => ({ id: r.id, at: new Date(r.at), actorId: r.actor_id, action: r.action, entityType: r.entity_type, entityId: r.entity_id, before: r.before, after: r.after }),
      () => Promise.reject(new Error('totalCount is not offered on the audit log')),
    );
  }
}
