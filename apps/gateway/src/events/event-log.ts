import type { BusinessEvent, BusinessEventFacts } from '@tandem/domain';
import { randomUUID } from 'node:crypto';

/**
 * The business events one write states, in order, stamped with an id, the
 * actor and the time. `record` is for what happened (dispatched inside the
 * transaction, so its consequences commit or roll back with it);
 * `recordRefusal` is for an attempt that was refused and is a fact anyway (a
 * confirmation refused for credit): it is dispatched in its own transaction
 * after the rollback.
 */
export class EventLog {
  readonly events: BusinessEvent[] = [];
  readonly refusals: BusinessEvent[] = [];

  constructor(private readonly actorId: string | null) {}

  record(facts: BusinessEventFacts): BusinessEvent {
    const e = this.stamp(facts);
    this.events.push(e);
    return e;
  }

  recordRefusal(facts: BusinessEventFacts): BusinessEvent {
    const e = this.stamp(facts);
    this.refusals.push(e);
    return e;
  }

  private stamp(facts: BusinessEventFacts): BusinessEvent {
    return { id: randomUUID(), actorId: this.actorId, occurredAt: new Date(), ...facts };
  }
}
