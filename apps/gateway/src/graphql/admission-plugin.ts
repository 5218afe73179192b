import type { ApolloServerPlugin, GraphQLResponse } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { E_TIMEOUT, Semaphore, withTimeout, type SemaphoreInterface } from 'async-mutex';
import type { Context } from '../context';

export type Lane = 'query' | 'mutation';

export interface AdmissionLimits {
  /** Queries over HTTP that run at once on this process. */
  queries: number;
  /** Mutations over HTTP that run at once on this process. */
  mutations: number;
  /** How long an operation may wait for its turn before it is answered SERVER_BUSY. */
  queueTimeoutMs: number;
}

export interface AdmissionGauge {
  running(lane: Lane): number;
  waiting(lane: Lane): number;
}

/** One lane: a first-come-first-served semaphore whose waits end at the queue timeout. */
class AdmissionLane {
  private readonly semaphore: SemaphoreInterface;
  running = 0;
  waiting = 0;

  constructor(limit: number, timeoutMs: number) {
    this.semaphore = withTimeout(new Semaphore(limit), timeoutMs, E_TIMEOUT);
  }

  /** A release, or null when the wait timed out. */
  async take(): Promise<(() => void) | null> {
    this.waiting++;
    try {
      const [, release] = await this.semaphore.acquire();
      this.running++;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        this.running--;
        release();
      };
    } catch (err) {
      if (err === E_TIMEOUT) return null;
      throw err;
    } finally {
      this.waiting--;
    }
  }
}

/**
 * HTTP admission, once the operation is known, valid, within its cost and
 * about to run: at most `queries` queries and `mutations` mutations run at
 * once; later ones wait first come, first served, and one that waits longer
 * than `queueTimeoutMs` is answered 503 SERVER_BUSY (retryable; it did not
 * run). graphql-ws operations are not counted.
 *
 * Why: a query is CPU work on this process's one core between short database
 * waits, so a few at once keep the core busy; fifty at once only interleave,
 * each of their round trips waiting behind everyone's, and keep fifty
 * half-built results alive through the young generation's collections,
 * which then copy and promote them. On the dashboard race four at a time
 * served more pages per second, with a shorter tail and less CPU per page,
 * than twenty (README "The performance race"). A mutation mostly waits on
 * locks and commits, so its lane is as wide as the pool; a hot row that holds
 * mutations up cannot hold the queries up.
 */
export function admissionPlugin(limits: AdmissionLimits, onBusy: (lane: Lane) => void = () => undefined): { plugin: ApolloServerPlugin<Context>; gauge: AdmissionGauge } {
  const lanes: Record<Lane, AdmissionLane> = {
    query: new AdmissionLane(limits.queries, limits.queueTimeoutMs),
    mutation: new AdmissionLane(limits.mutations, limits.queueTimeoutMs),
  };
  const busy = (lane: Lane): GraphQLResponse => ({
    http: { status: 503, headers: new HeaderMap([['retry-after', '1']]) },
    body: {
      kind: 'single',
      singleResult: {
        errors: [
          {
            message: `The server is busy: this ${lane} waited ${limits.queueTimeoutMs} ms for its turn and did not run; nothing was changed. Retry shortly.`,
            extensions: { code: 'SERVER_BUSY', retryable: true },
          },
        ],
      },
    },
  });
  const plugin: ApolloServerPlugin<Context> = {
    async requestDidStart() {
      let release: (() => void) | null = null;
      return {
        // After every refusal (validation, input guard, cost): only an operation that will run waits for a turn.
        async responseForOperation({ operation, contextValue }) {
          // Without an operation nothing runs (execution answers "Unknown operation"); subscriptions over HTTP are refused elsewhere.
          if (!operation || operation.operation === 'subscription') return null;
          const lane = operation.operation;
          const taken = await lanes[lane].take();
          if (!taken) {
            onBusy(lane);
            return busy(lane);
          }
          // A client that hung up while it waited gets nothing run for it.
          if (contextValue.clientGone?.()) {
            taken();
            return busy(lane);
          }
          release = taken;
          return null;
        },
        async willSendResponse() {
          release?.();
          release = null;
        },
      };
    },
  };
  return { plugin, gauge: { running: (lane) => lanes[lane].running, waiting: (lane) => lanes[lane].waiting } };
}
