import { Repeater } from '@graphql-yoga/subscription';
import { GraphQLID, GraphQLObjectType, GraphQLSchema, GraphQLString, parse, type ExecutionArgs } from 'graphql';
import type { WebSocket } from 'ws';
import { sharedSubscribe, type PushSource } from '../src/graphql/shared-subscription';
import { SLOW_CONSUMER_CLOSE, socketResultSink } from '../src/graphql/ws-result-sink';

/**
 * The direct path of subscription events (shared-subscription.ts and
 * ws-result-sink.ts) on a small schema and fake sockets: one execution per
 * event and audience class, each subscriber's own operation id and
 * extensions around the shared text, errors as `format` made them, events in
 * order even behind a resolver that waits, nothing written after the
 * subscription ends, and a socket that does not drain is closed with 4013.
 */
type Tick = { id: string };

/** A source the test pushes events into, to every listener, as the alert hub does. */
function ticks() {
  const listeners = new Set<(events: readonly Tick[]) => void | Promise<void>>();
  const source: PushSource<Tick> = {
    listen(next) {
      listeners.add(next);
      return () => listeners.delete(next);
    },
    [Symbol.asyncIterator]: () =>
      new Repeater<Tick>(async (push, stop) => {
        const next = (events: readonly Tick[]) => events.forEach((e) => void push(e));
        listeners.add(next);
        await stop;
        listeners.delete(next);
      })[Symbol.asyncIterator](),
  };
  return {
    source,
    listeners,
    async emit(...events: Tick[]) {
      for (const l of [...listeners]) await l(events);
    },
    /** Without waiting for a listener's promise: what a listener must order by itself. */
    emitAtOnce(...events: Tick[]) {
      for (const l of [...listeners]) void l(events);
    },
  };
}

let executions = 0;
const feed = ticks();
const TickType = new GraphQLObjectType<Tick>({
  name: 'Tick',
  fields: {
    id: { type: GraphQLID },
    secret: {
      type: GraphQLString,
      resolve: () => {
        throw new Error('database password is hunter2');
      },
    },
    // Waits on even ids: a result that is a promise.
    later: { type: GraphQLString, resolve: async (t) => (Number(t.id) % 2 === 0 ? new Promise((r) => setTimeout(() => r(`late ${t.id}`), 30)) : `now ${t.id}`) },
  },
});
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLString } } }),
  subscription: new GraphQLObjectType({
    name: 'Subscription',
    fields: {
      tick: {
        type: TickType,
        subscribe: () => feed.source,
        resolve: (t: Tick) => {
          executions++;
          return t;
        },
      },
    },
  }),
});

function fakeSocket(bufferedAmount = 0) {
  const socket = {
    OPEN: 1,
    readyState: 1,
    bufferedAmount,
    sent: [] as string[],
    closed: undefined as { code: number; reason: string } | undefined,
    send(text: string) {
      socket.sent.push(text);
    },
    close(code: number, reason: string) {
      socket.readyState = 2;
      socket.closed = { code, reason };
    },
  };
  return socket;
}

const subscribe = sharedSubscribe({
  sinkFor: (args) => sinks.get(args),
  format: (_args, result) => ({ ...result, errors: result.errors?.map((e) => ({ message: 'Internal server error', path: e.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } })) }),
});
const sinks = new WeakMap<ExecutionArgs, ReturnType<typeof socketResultSink>>();

async function subscriber(query: string, role: string, id: string, opId: string, socket = fakeSocket()) {
  const args: ExecutionArgs = { schema, document: parse(query), contextValue: { viewer: { id, role } } };
  sinks.set(
    args,
    socketResultSink(socket as unknown as WebSocket, opId, () => ({ cost: { requested: 2, remaining: 100 } }), { maxBufferedBytes: 1000 }),
  );
  const stream = (await subscribe(args)) as AsyncIterableIterator<unknown>;
  return { socket, stream, messages: () => socket.sent.map((s) => JSON.parse(s) as unknown) };
}

beforeEach(() => {
  executions = 0;
});

it('executes an event once per audience class and writes each subscriber its own id and extensions', async () => {
  const a = await subscriber('subscription { tick { id } }', 'ADMIN', 'u1', 'op-a');
  const b = await subscriber('subscription { tick { id } }', 'ADMIN', 'u2', 'op-b');
  const rep = await subscriber('subscription { tick { id } }', 'SALES_REP', 'u3', 'op-c');
  await feed.emit({ id: '1' });
  expect(executions).toBe(2);
  expect(a.messages()).toEqual([{ id: 'op-a', type: 'next', payload: { data: { tick: { id: '1' } }, extensions: { cost: { requested: 2, remaining: 100 } } } }]);
  expect(b.messages()).toEqual([{ id: 'op-b', type: 'next', payload: { data: { tick: { id: '1' } }, extensions: { cost: { requested: 2, remaining: 100 } } } }]);
  expect(rep.messages()).toEqual([{ id: 'op-c', type: 'next', payload: { data: { tick: { id: '1' } }, extensions: { cost: { requested: 2, remaining: 100 } } } }]);

  // Ended (the client completed, or its socket closed): nothing more is written to it, the others go on.
  await a.stream.return?.();
  await feed.emit({ id: '3' });
  expect(a.socket.sent).toHaveLength(1);
  expect(b.socket.sent).toHaveLength(2);
  await b.stream.return?.();
  await rep.stream.return?.();
  expect(feed.listeners.size).toBe(0);
});

it('sends errors as format made them, and keeps the events in order behind a resolver that waits', async () => {
  const s = await subscriber('subscription { tick { id later secret } }', 'FINANCE', 'u4', 'op-d');
  feed.emitAtOnce({ id: '2' });
  feed.emitAtOnce({ id: '5' }, { id: '7' });
  while (s.socket.sent.length < 3) await new Promise((r) => setTimeout(r, 10));
  const messages = s.messages() as { payload: { data: { tick: { id: string; later: string } }; errors: unknown[] } }[];
  expect(messages.map((m) => m.payload.data.tick)).toEqual([
    { id: '2', later: 'late 2', secret: null },
    { id: '5', later: 'now 5', secret: null },
    { id: '7', later: 'now 7', secret: null },
  ]);
  expect(messages[0].payload.errors).toEqual([{ message: 'Internal server error', path: ['tick', 'secret'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
  expect(JSON.stringify(messages)).not.toContain('hunter2');
  await s.stream.return?.();
});

it('closes a socket that has more than the maximum waiting unsent, with 4013, and writes nothing to it', async () => {
  const s = await subscriber('subscription { tick { id } }', 'ADMIN', 'u5', 'op-e', fakeSocket(1001));
  await feed.emit({ id: '9' });
  expect(s.socket.sent).toEqual([]);
  expect(s.socket.closed).toEqual({ code: SLOW_CONSUMER_CLOSE.code, reason: SLOW_CONSUMER_CLOSE.reason });
  await s.stream.return?.();
});
