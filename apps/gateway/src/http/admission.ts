import { E_TIMEOUT, Semaphore, withTimeout, type SemaphoreInterface } from 'async-mutex';
import type { RequestHandler } from 'express';

export interface AdmissionLimits {
  /** GraphQL operations over HTTP that run at once; the rest wait in arrival order. */
  maxConcurrent: number;
  /** How long a request may wait for its turn before it is answered SERVER_BUSY (retryable). */
  queueTimeoutMs: number;
}

export interface AdmissionGauge {
  running(): number;
  waiting(): number;
}

/**
 * In front of Apollo on /graphql: at most `maxConcurrent` operations run at
 * once; later ones wait first come, first served, and one that waits longer
 * than `queueTimeoutMs` is answered 503 SERVER_BUSY (retryable, nothing ran).
 *
 * Why: with every request admitted, fifty requests interleave on one event
 * loop and each of their statements queues again for a pool connection, so a
 * page's seven round trips each wait behind everyone's (p99 about three times
 * p50), and fifty half-built results sit in memory at once. Admitted in order,
 * a request finds a free connection and finishes before later ones start;
 * throughput is the same and the tail and the heap shrink (README "The
 * performance race").
 */
export function admission(limits: AdmissionLimits, onBusy: () => void = () => undefined): { middleware: RequestHandler; gauge: AdmissionGauge } {
  const semaphore: SemaphoreInterface = withTimeout(new Semaphore(limits.maxConcurrent), limits.queueTimeoutMs, E_TIMEOUT);
  let running = 0;
  let waiting = 0;
  const middleware: RequestHandler = (req, res, next) => {
    waiting++;
    let gone = false;
    // A client that hangs up while waiting gives its turn away: nothing runs for it.
    const hungUp = () => {
      gone = true;
    };
    res.once('close', hungUp);
    semaphore.acquire().then(
      ([, release]) => {
        waiting--;
        res.off('close', hungUp);
        if (gone) {
          release();
          return;
        }
        running++;
        let released = false;
        const done = () => {
          if (released) return;
          released = true;
          running--;
          release();
        };
        res.once('finish', done);
        res.once('close', done);
        next();
      },
      (err: unknown) => {
        waiting--;
        res.off('close', hungUp);
        if (err !== E_TIMEOUT) {
          next(err);
          return;
        }
        if (gone) return;
        onBusy();
        res.set('retry-after', '1');
        res.status(503).json({
          errors: [
            {
              message: `The server is busy: this request waited ${limits.queueTimeoutMs} ms for its turn and did not run; nothing was changed. Retry shortly.`,
              extensions: { code: 'SERVER_BUSY', retryable: true },
            },
          ],
        });
      },
    );
  };
  return { middleware, gauge: { running: () => running, waiting: () => waiting } };
}
