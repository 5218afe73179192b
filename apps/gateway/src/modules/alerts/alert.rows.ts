import type { EntityManager } from '@mikro-orm/postgresql';
import { query } from '../../db/sql';
import type { Viewer } from '../../auth/viewer';

/** An alert as stored, with the audience used to decide who may see it. */
export interface AlertRow {
  id: string;
  kind: string;
  severity: string;
  message: string;
  created_at: Date;
  acknowledged_at: Date | null;
  customer_id: string | null;
  order_id: string | null;
  invoice_id: string | null;
  product_id: string | null;
  audience_roles: string[];
  audience_user_ids: string[];
}

export const ALERT_COLUMNS = `a.id::text as id, a.kind, a.severity, a.message, a.created_at, a.acknowledged_at, a.customer_id, a.order_id,
  a.invoice_id, a.product_id, a.audience_roles, a.audience_user_ids`;

/** SQL: the alerts a viewer may see (ADMIN all; else its role or its id in the audience). Served by GIN indexes. */
export function alertVisibilitySql(viewer: Viewer): { sql: string; params: unknown[] } {
  if (viewer.role === 'ADMIN') return { sql: 'true', params: [] };
  return { sql: `(a.audience_roles @> array[?]::text[] or a.audience_user_ids @> array[?]::uuid[])`, params: [viewer.role, viewer.id] };
}

/** Alerts with an id above `afterId`, oldest first (the instance-wide feed: no viewer filter). */
export function alertsAfter(em: EntityManager, afterId: string, limit = 1000): Promise<AlertRow[]> {
  return query<AlertRow>(em, `select ${ALERT_COLUMNS} from alerts a where a.id > ?::bigint order by a.id limit ?`, [afterId, limit]);
}
