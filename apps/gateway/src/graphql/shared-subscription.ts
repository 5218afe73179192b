import { createSourceEventStream, execute, print, type ExecutionArgs, type ExecutionResult } from 'graphql';
import type { Context } from '../context';

/**
 * graphql-ws `subscribe` that executes each event's selection once per
 * (event, document, variables, audience class) instead of once per subscriber.
 *
 * What a subscriber may see of an event depends only on its role, and for a
 * SALES_REP on its id (its own customers); so subscribers with the same
 * document, variables and audience class get the same result, and a thousand
 * dashboards watching one alert cost one execution. Events must carry a
 * stable `id`.
 */
export function sharedSubscribe(cacheSize = 20_000) {
  const cache = new Map<string, Promise<ExecutionResult>>();
  const documents = new WeakMap<object, string>();

  const keyOf = (args: ExecutionArgs, eventId: string): string => {
    let doc = documents.get(args.document);
    if (!doc) documents.set(args.document, (doc = print(args.document)));
    const viewer = (args.contextValue as Context).viewer;
    const audience = viewer ? `${viewer.role}:${viewer.role === 'SALES_REP' ? viewer.id : ''}` : 'anonymous';
    return `${eventId}\u0000${audience}\u0000${args.operationName ?? ''}\u0000${JSON.stringify(args.variableValues ?? {})}\u0000${doc}`;
  };

  return async (args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> => {
    const source = await createSourceEventStream(args);
    if (!(Symbol.asyncIterator in source)) return source;
    const events = source as AsyncIterableIterator<{ id?: unknown }>;
    const run = (event: { id?: unknown }): Promise<ExecutionResult> => {
      const id = event?.id;
      // Only a string or number keys the cache: any other id would print as '[object Object]' and share one result.
      if (typeof id !== 'string' && typeof id !== 'number') return Promise.resolve(execute({ ...args, rootValue: event }));
      const key = keyOf(args, String(id));
      let result = cache.get(key);
      if (!result) {
        result = Promise.resolve(execute({ ...args, rootValue: event }));
        cache.set(key, result);
        if (cache.size > cacheSize) cache.delete(cache.keys().next().value as string);
      }
      return result;
    };
    // A hand-written iterator, so that return() reaches the source at once even while next() waits for an event.
    const iterator = events[Symbol.asyncIterator]();
    const stream: AsyncIterableIterator<ExecutionResult> = {
      [Symbol.asyncIterator]() {
        return stream;
      },
      async next(): Promise<IteratorResult<ExecutionResult>> {
        const r = await iterator.next();
        return r.done ? { done: true, value: undefined } : { done: false, value: await run(r.value) };
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
  };
}
