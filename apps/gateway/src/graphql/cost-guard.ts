import { GraphQLError, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { Viewer } from '../auth/viewer';
import { CostBudget } from './cost-budget';
import { MAX_COUNTED_NODES, queryCost, UncountableQueryError } from './query-cost';

export interface CostLimits {
  /** The most one operation may cost (QUERY_COST_MAX). */
  max: number;
  /** What a viewer may spend per second, sustained (QUERY_COST_PER_SECOND). */
  perSecond: number;
  /** What a viewer may spend at once (QUERY_COST_BURST). */
  burst: number;
}

/** A refused operation: the message and extensions clients see, and the HTTP status and headers that go with them. */
export interface CostRefusal {
  message: string;
  extensions: Record<string, unknown>;
  httpStatus: number;
  retryAfterSeconds?: number;
}

export type Admission = { ok: true; cost: number } | { ok: false; refusal: CostRefusal };

/** Whose budget a request spends: the signed-in user's, or its address's when anonymous. */
export function budgetKey(viewer: Viewer | null | undefined, address: string | undefined): string {
  return viewer ? `user:${viewer.id}` : `address:${address ?? 'unknown'}`;
}

/**
 * Admits an operation before it runs: counts its cost with its variables,
 * refuses it over the per-operation maximum (QUERY_TOO_COSTLY), then charges
 * the caller's bucket or refuses it (RATE_LIMITED). HTTP and graphql-ws share
 * one guard, so one viewer's budget is spent on either.
 */
export class CostGuard {
  private readonly budget: CostBudget;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly limits: CostLimits,
  ) {
    this.budget = new CostBudget({ capacity: limits.burst, perSecond: limits.perSecond });
  }

  admit(document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> | null | undefined, key: string): Admission {
    let cost: number;
    try {
      cost = queryCost(this.schema, document, operationName, variables);
    } catch (err) {
      if (err instanceof UncountableQueryError) {
        const message = `The query's fragments expand past ${MAX_COUNTED_NODES} fields; it is refused before its cost is counted.`;
        return { ok: false, refusal: { message, extensions: { code: 'QUERY_TOO_COSTLY', cost: { maximum: this.limits.max } }, httpStatus: 400 } };
      }
      // Variables that do not fit the operation: execution would refuse them the same way.
      if (err instanceof GraphQLError) return { ok: false, refusal: { message: err.message, extensions: { code: 'BAD_USER_INPUT' }, httpStatus: 400 } };
      throw err;
    }
    if (cost > this.limits.max) {
      const message = `This query costs ${cost}, over the maximum of ${this.limits.max} for one query: ask for smaller pages (first) or fewer nested lists.`;
      return { ok: false, refusal: { message, extensions: { code: 'QUERY_TOO_COSTLY', cost: { requested: cost, maximum: this.limits.max } }, httpStatus: 400 } };
    }
    const charge = this.budget.charge(key, cost);
    if (!charge.ok) {
      const message = `This query costs ${cost} and your budget has ${charge.remaining} left (it refills at ${this.limits.perSecond} a second): retry in ${charge.retryAfterMs} ms.`;
      const extensions = { code: 'RATE_LIMITED', cost: { requested: cost, remaining: charge.remaining }, retryAfterMs: charge.retryAfterMs };
      return { ok: false, refusal: { message, extensions, httpStatus: 429, retryAfterSeconds: Math.ceil(charge.retryAfterMs / 1000) } };
    }
    return { ok: true, cost };
  }

  /** Gives back what `admit` charged, for an operation that then did not run. */
  refund(key: string, cost: number): void {
    this.budget.refund(key, cost);
  }

  /** What a response reports as `extensions.cost`. */
  report(key: string, cost: number): { requested: number; remaining: number } {
    return { requested: cost, remaining: this.budget.remaining(key) };
  }
}
