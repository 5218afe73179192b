export interface BudgetOptions {
  /** How much a viewer's bucket holds: the largest burst it may spend at once. */
  capacity: number;
  /** How fast the bucket drains: the cost a viewer may spend per second, sustained. */
  perSecond: number;
  now?: () => number;
}

export type Charge = { ok: true; remaining: number } | { ok: false; remaining: number; retryAfterMs: number };

interface Bucket {
  level: number;
  at: number;
}

/** How often buckets that have drained empty are forgotten. */
const SWEEP_EVERY_MS = 60_000;

/**
 * A leaky bucket per key (a viewer, or an address when anonymous), in this
 * process's memory. Each request pours its cost in; the bucket drains at
 * `perSecond`; a request that would overflow `capacity` is refused, pours
 * nothing, and learns how long until it would fit. One viewer's spending never
 * touches another's bucket.
 */
export class CostBudget {
  private readonly buckets = new Map<string, Bucket>();
  private readonly now: () => number;
  private lastSweep: number;

  constructor(private readonly options: BudgetOptions) {
    this.now = options.now ?? (() => performance.now());
    this.lastSweep = this.now();
  }

  get capacity(): number {
    return this.options.capacity;
  }

  private levelOf(key: string, at: number): number {
    const bucket = this.buckets.get(key);
    if (!bucket) return 0;
    return Math.max(0, bucket.level - ((at - bucket.at) / 1000) * this.options.perSecond);
  }

  /** Pours `cost` into the key's bucket if it fits. */
  charge(key: string, cost: number): Charge {
    const at = this.now();
    this.sweep(at);
    const level = this.levelOf(key, at);
    const overflow = level + cost - this.options.capacity;
    if (overflow > 0) {
      return { ok: false, remaining: Math.floor(this.options.capacity - level), retryAfterMs: Math.ceil((overflow / this.options.perSecond) * 1000) };
    }
    this.buckets.set(key, { level: level + cost, at });
    return { ok: true, remaining: Math.floor(this.options.capacity - level - cost) };
  }

  /** What the key may still spend at once. */
  /** Takes back a charge for work that never ran (an operation answered SERVER_BUSY); never below empty. */
  refund(key: string, cost: number): void {
    const at = this.now();
    const level = this.levelOf(key, at);
    if (level === 0) return;
    this.buckets.set(key, { level: Math.max(0, level - cost), at });
  }

  remaining(key: string): number {
    return Math.floor(this.options.capacity - this.levelOf(key, this.now()));
  }

  /** How many keys hold a bucket (drained ones are forgotten once a minute). */
  get size(): number {
    return this.buckets.size;
  }

  private sweep(at: number): void {
    if (at - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = at;
    for (const key of [...this.buckets.keys()]) if (this.levelOf(key, at) === 0) this.buckets.delete(key);
  }
}
