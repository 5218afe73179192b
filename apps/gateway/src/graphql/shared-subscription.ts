import { createSourceEventStream, execute, print, type ExecutionArgs, type ExecutionResult, type FormattedExecutionResult } from 'graphql';
import type { Context } from '../context';

/** Resolves when the consumer can take more (a socket's send buffer has drained). */
export type Ready = () => Promise<void>;

/**
 * An event stream that can also hand its events to one listener directly, as
 * they happen, in order and several at a time when several are waiting: no
 * queue, promise or async iteration per event. `listen` returns the function
 * that stops it; `fail` ends it with an error. When `next` returns a promise,
 * the source waits for it before it hands the events to the next listener
 * (the first subscriber of an audience class waits for the execution; the
 * rest then write its result at once).
 */
export interface PushSource<T> extends AsyncIterable<T> {
  listen(next: (events: readonly T[]) => void | Promise<void>, fail: (err: unknown) => void, ready?: Ready): () => void;
}

function isPushSource(source: object): source is PushSource<unknown> {
  return typeof (source as Partial<PushSource<unknown>>).listen === 'function';
}

/** One event's result for one (event, document, variables, audience class): executed, formatted and serialized once. */
export interface SharedResult {
  /** What a client is sent (errors masked), as JSON text without its closing brace, so per-subscriber members can be appended. */
  readonly openJson: string;
  /** The formatted result's own extensions, if any (a subscriber's are merged with them). */
  readonly extensions?: Record<string, unknown>;
}

/**
 * Where a subscription's results go when they skip graphql-ws's per-message
 * path: one operation on one socket, several results in one write when
 * several events came together. `closed` once it has given up (the
 * subscriber dropped); `ready` resolves when it can take more.
 */
export interface ResultSink {
  readonly closed: boolean;
  write(results: readonly SharedResult[]): void;
  ready: Ready;
}

export interface SharedSubscribeOptions {
  /** The direct sink for an operation (graphql-ws's), or undefined: its results are then iterated as usual. */
  sinkFor?: (args: ExecutionArgs) => ResultSink | undefined;
  /** What a client may see of a result (errors masked, as onNext does); done once per shared result. */
  format?: (args: ExecutionArgs, result: ExecutionResult) => FormattedExecutionResult;
  cacheSize?: number;
}

/**
 * graphql-ws `subscribe` that executes each event's selection once per
 * (event, document, variables, audience class) instead of once per subscriber.
 *
 * What a subscriber may see of an event depends only on its role, and for a
 * SALES_REP on its id (its own customers); so subscribers with the same
 * document, variables and audience class get the same result, and a thousand
 * dashboards watching one alert cost one execution. Events must carry a
 * stable `id`.
 *
 * When the source can push (PushSource) and the operation has a sink, the
 * shared result is also formatted and serialized once, and each event goes
 * from the source to the sink in one synchronous call: graphql-ws only sees
 * the stream end (complete) or fail (error).
 */
export function sharedSubscribe(options: SharedSubscribeOptions = {}) {
  const { sinkFor, format = (_args, result) => result, cacheSize = 20_000 } = options;
  const cache = new Map<string, Shared>();
  // One short id per (document, operation, variables), kept on the subscription instead of printing a key per event.
  const operationIds = new Map<string, number>();
  const documents = new WeakMap<object, string>();

  const operationIdOf = (args: ExecutionArgs): number => {
    let doc = documents.get(args.document);
    if (!doc) documents.set(args.document, (doc = print(args.document)));
    const key = `${args.operationName ?? ''}\u0000${JSON.stringify(args.variableValues ?? {})}\u0000${doc}`;
    let id = operationIds.get(key);
    if (id === undefined) operationIds.set(key, (id = operationIds.size));
    return id;
  };
  const audienceOf = (args: ExecutionArgs): string => {
    // Read at each event: a viewer's role follows the user directory while the subscription lives.
    const viewer = (args.contextValue as Context).viewer;
    return viewer ? `${viewer.role}:${viewer.role === 'SALES_REP' ? viewer.id : ''}` : 'anonymous';
  };

  return async (args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> => {
    const source = await createSourceEventStream(args);
    if (!(Symbol.asyncIterator in source)) return source;
    const operation = operationIdOf(args);
    const shared = (event: { id?: unknown }): Shared => {
      const id = event?.id;
      // Only a string or number keys the cache: any other id would print as '[object Object]' and share one result.
      if (typeof id !== 'string' && typeof id !== 'number') return new Shared(execute({ ...args, rootValue: event }));
      const key = `${String(id)}\u0000${audienceOf(args)}\u0000${operation}`;
      let entry = cache.get(key);
      if (!entry) {
        entry = new Shared(execute({ ...args, rootValue: event }));
        cache.set(key, entry);
        if (cache.size > cacheSize) cache.delete(cache.keys().next().value as string);
      }
      return entry;
    };
    const sink = sinkFor?.(args);
    if (sink && isPushSource(source)) return pushed(source, sink, (event) => shared(event as { id?: unknown }).serialized(args, format));
    return pulled(source as AsyncIterable<{ id?: unknown }>, (event) => shared(event).result);
  };
}

/** A shared result, and its serialized form once a sink has asked for it. */
class Shared {
  private json: SharedResult | Promise<SharedResult> | undefined;
  readonly result: Promise<ExecutionResult> | ExecutionResult;

  constructor(result: ReturnType<typeof execute>) {
    this.result = result;
  }

  serialized(args: ExecutionArgs, format: NonNullable<SharedSubscribeOptions['format']>): SharedResult | Promise<SharedResult> {
    if (!this.json) {
      const serialize = (result: ExecutionResult): SharedResult => {
        const { extensions, ...rest } = format(args, result);
        return { openJson: JSON.stringify(rest).slice(0, -1), extensions };
      };
      const result = this.result;
      // Once settled, later subscribers get the serialized result as a value, not a promise.
      this.json = result instanceof Promise ? result.then(serialize).then((json) => (this.json = json)) : serialize(result);
    }
    return this.json;
  }
}

/** Events pushed straight to the sink, in order; the iterator graphql-ws holds only ends (complete) or fails (error). */
function pushed(source: PushSource<unknown>, sink: ResultSink, resultOf: (event: unknown) => SharedResult | Promise<SharedResult>): AsyncIterableIterator<ExecutionResult> {
  let settled = false;
  let finish!: (r: IteratorResult<ExecutionResult>) => void;
  let failWith!: (err: unknown) => void;
  const ended = new Promise<IteratorResult<ExecutionResult>>((resolve, reject) => {
    finish = resolve;
    failWith = reject;
  });
  // Results that are promises (a resolver that reads) keep the events' order behind them.
  let queue: Promise<void> | null = null;
  const fail = (err: unknown) => {
    if (settled) return;
    settled = true;
    stop();
    failWith(err);
  };
  const stop = source.listen(
    (events): void | Promise<void> => {
      if (settled || sink.closed) return;
      let results: (SharedResult | Promise<SharedResult>)[];
      try {
        results = events.map(resultOf);
      } catch (err) {
        return fail(err);
      }
      if (!queue && !results.some((r) => r instanceof Promise)) return sink.write(results as SharedResult[]);
      const step: Promise<void> = (queue ?? Promise.resolve())
        .then(() => Promise.all(results.map(async (r) => r)))
        .then((rs) => {
          if (!settled && !sink.closed) sink.write(rs);
        }, fail)
        .finally(() => {
          if (queue === step) queue = null;
        });
      queue = step;
      return step;
    },
    fail,
    sink.ready,
  );
  const end = async (): Promise<IteratorResult<ExecutionResult>> => {
    if (!settled) {
      settled = true;
      stop();
      finish({ done: true, value: undefined });
    }
    return { done: true, value: undefined };
  };
  const stream: AsyncIterableIterator<ExecutionResult> = {
    [Symbol.asyncIterator]() {
      return stream;
    },
    next: () => ended,
    return: end,
    async throw(err) {
      await end();
      throw err;
    },
  };
  return stream;
}

/** Events iterated, each turned into its shared result. A hand-written iterator, so that return() reaches the source at once even while next() waits for an event. */
function pulled<E>(events: AsyncIterable<E>, resultOf: (event: E) => Promise<ExecutionResult> | ExecutionResult): AsyncIterableIterator<ExecutionResult> {
  const iterator = events[Symbol.asyncIterator]();
  const stream: AsyncIterableIterator<ExecutionResult> = {
    [Symbol.asyncIterator]() {
      return stream;
    },
    async next(): Promise<IteratorResult<ExecutionResult>> {
      const r = await iterator.next();
      return r.done ? { done: true, value: undefined } : { done: false, value: await resultOf(r.value) };
    },
    async return(): Promise<IteratorResult<ExecutionResult>> {
      await iterator.return?.();
      return { done: true, value: undefined };
    },
    async throw(err) {
      await iterator.return?.();
      throw err;
    },
  };
  return stream;
}
