import { setTimeout as sleep } from 'node:timers/promises';
import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';
import type { ResultSink, SharedResult } from './shared-subscription';

/**
 * How a socket that reads too slowly is dropped: 4000-4999 is the
 * application's range, and graphql-ws clients retry this code (it is none of
 * the protocol's fatal ones). Nothing is lost: the client resubscribes with
 * `after` set to the last alert id it received.
 */
export const SLOW_CONSUMER_CLOSE = { code: 4013, reason: 'Too slow to read: resubscribe with after = the last id received' } as const;

export interface SlowConsumerPolicy {
  /** WS_MAX_BUFFERED_BYTES: more unsent bytes than this on a socket when an event is due, and the socket is dropped. */
  maxBufferedBytes: number;
  /** Told once per dropped socket (a log line, a metric). */
  onDrop?: (bufferedBytes: number) => void;
}

/**
 * One subscription's results written straight to its socket as graphql-ws
 * `next` messages: the shared, already serialized result with this
 * operation's id in front and its own extensions (the viewer's cost) spliced
 * in, one string per result and one socket write per subscriber and batch
 * of events. The socket's send
 * buffer is bounded: a subscriber that cannot keep up is closed with
 * SLOW_CONSUMER_CLOSE instead of growing the gateway's memory.
 */
export function socketResultSink(socket: WebSocket, operationId: string, extensionsOf: () => Record<string, unknown>, policy: SlowConsumerPolicy): ResultSink {
  const prefix = `{"id":${JSON.stringify(operationId)},"type":"next","payload":`;
  let dropped = false;
  const isClosed = () => dropped || socket.readyState !== socket.OPEN;
  return {
    get closed() {
      return isClosed();
    },
    write(results: readonly SharedResult[]) {
      if (isClosed()) return;
      const buffered = socket.bufferedAmount;
      if (buffered > policy.maxBufferedBytes) {
        dropped = true;
        policy.onDrop?.(buffered);
        socket.close(SLOW_CONSUMER_CLOSE.code, SLOW_CONSUMER_CLOSE.reason);
        return;
      }
      // Several messages for one socket leave in one system call (ws corks each frame's header and body alone).
      const net = results.length > 1 ? (socket as unknown as { _socket?: Socket })._socket : undefined;
      net?.cork();
      for (const result of results) {
        const extensions = result.extensions ? { ...result.extensions, ...extensionsOf() } : extensionsOf();
        const comma = result.openJson.length > 1 ? ',' : '';
        socket.send(`${prefix}${result.openJson}${comma}"extensions":${JSON.stringify(extensions)}}}`);
      }
      net?.uncork();
    },
    async ready() {
      while (!isClosed() && socket.bufferedAmount > policy.maxBufferedBytes / 2) await sleep(20);
    },
  };
}
