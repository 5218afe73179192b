import type { TimelineEntryType } from './crm.type';

/** A timeline line as SQL returns it. */
export interface TimelineRow {
  id: string;
  customer_id: string;
  kind: TimelineEntryType['kind'];
  summary: string;
  actor_id: string | null;
  occurred_at: Date | string;
  sort_at: string;
}

export const TIMELINE_COLUMNS = `t.id, t.customer_id, t.kind, t.summary, t.actor_id, t.occurred_at, t.occurred_at::text as sort_at`;

export const toTimelineEntry = (r: TimelineRow): TimelineEntryType => ({
  id: r.id,
  kind: r.kind,
  summary: r.summary,
  actorId: r.actor_id,
  occurredAt: new Date(r.occurred_at),
  sortKey: r.sort_at,
});
