import { print } from 'graphql';
import type { Client as WsClient } from 'graphql-ws';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { AcknowledgeAlertDocument, AlertStreamDocument, WebAlertCountsDocument, WebAlertFeedDocument, type AlertStreamSubscription } from '@tandem/client';
import { failures } from '../lib/errors';
import { formatDateTime } from '../lib/format';

interface FeedAlert {
  id: string;
  kind: string;
  severity: string;
  message: string;
  createdAt: string;
  acknowledgedAt: string | null;
  customer: { id: string; name: string } | null;
}

const FEED_SIZE = 50;
const streamQuery = print(AlertStreamDocument);

/**
 * The live alert dashboard: the newest alerts, then every new one as it is
 * raised, over graphql-ws. The stream resumes with `after` = the newest id
 * shown: on every (re)connection the old subscription is dropped and a new one
 * asks for what came after it, so a dropped socket or a restarted gateway
 * loses nothing and shows nothing twice (ids only grow).
 */
export function AlertsDashboard({ ws }: { ws: WsClient }) {
  const [{ data: feed, error: feedError }] = useQuery({ query: WebAlertFeedDocument, variables: { first: FEED_SIZE } });
  const [{ data: counts }, refreshCounts] = useQuery({ query: WebAlertCountsDocument, requestPolicy: 'network-only' });
  const [, acknowledge] = useMutation(AcknowledgeAlertDocument);
  const [alerts, setAlerts] = useState<FeedAlert[]>([]);
  const [live, setLive] = useState<'connecting' | 'live' | 'reconnecting'>('connecting');
  const [toast, setToast] = useState<FeedAlert | null>(null);
  const newest = useRef<bigint | null>(null);
  const dispose = useRef<(() => void) | null>(null);

  const arrive = useCallback(
    (a: AlertStreamSubscription['alertRaised']) => {
      const id = BigInt(a.id);
      if (newest.current !== null && id <= newest.current) return; // already shown
      newest.current = id;
      const alert: FeedAlert = { id: a.id, kind: a.kind, severity: a.severity, message: a.message, createdAt: a.createdAt, acknowledgedAt: null, customer: a.customer };
      setAlerts((list) => [alert, ...list].slice(0, 200));
      setToast(alert);
      refreshCounts();
    },
    [refreshCounts],
  );

  // The history first; live alerts start after its newest id.
  useEffect(() => {
    if (!feed) return;
    const rows = feed.alerts.edges.map((e) => e.node as FeedAlert);
    setAlerts(rows);
    newest.current = rows.length ? BigInt(rows[0].id) : 0n;
    const subscribe = () => {
      dispose.current?.();
      dispose.current = ws.subscribe<AlertStreamSubscription>(
        { query: streamQuery, variables: { after: (newest.current ?? 0n).toString() } },
        { next: (r) => r.data && arrive(r.data.alertRaised), error: () => setLive('reconnecting'), complete: () => undefined },
      );
      setLive('live');
    };
    subscribe();
    const offConnected = ws.on('connected', subscribe);
    // Drop the subscription when the socket closes, so the reconnection resumes from the newest id rather than replaying.
    const offClosed = ws.on('closed', () => {
      dispose.current?.();
      dispose.current = null;
      setLive('reconnecting');
    });
    return () => {
      offConnected();
      offClosed();
      dispose.current?.();
      dispose.current = null;
    };
  }, [feed, ws, arrive]);

  useEffect(() => {
    if (!toast) return;
    const t = setTimeout(() => setToast(null), 5000);
    return () => clearTimeout(t);
  }, [toast]);

  const ack = async (id: string) => {
    const r = await acknowledge({ id });
    const at = r.data?.acknowledgeAlert.alert?.acknowledgedAt;
    if (at) setAlerts((list) => list.map((a) => (a.id === id ? { ...a, acknowledgedAt: at } : a)));
    refreshCounts();
  };

  return (
    <section aria-labelledby="alerts-title">
      <h1 id="alerts-title">Live alerts</h1>
      <p className={`status ${live}`} role="status" data-testid="stream-status">
        {live === 'live' ? 'Live' : live === 'reconnecting' ? 'Reconnecting…' : 'Connecting…'}
      </p>
      {failures(feedError).map((p) => (
        <p key={p} role="alert" className="error">
          {p}
        </p>
      ))}
      <ul className="counters" aria-label="Unacknowledged alerts by kind">
        {(counts?.alertCounts ?? []).map((c) => (
          <li key={c.kind} data-testid={`count-${c.kind}`}>
            <span className="count">{c.count}</span> {c.kind.replace(/_/g, ' ').toLowerCase()}
          </li>
        ))}
        {counts && counts.alertCounts.length === 0 && <li>Nothing unacknowledged.</li>}
      </ul>
      <ol className="feed" aria-label="Alerts, newest first" aria-live="polite">
        {alerts.map((a) => (
          <li key={a.id} className={`alert ${a.severity.toLowerCase()}`} data-testid="alert" data-alert-id={a.id}>
            <div>
              <span className="kind">{a.kind.replace(/_/g, ' ')}</span> <time dateTime={a.createdAt}>{formatDateTime(a.createdAt)}</time>
            </div>
            <p>{a.message}</p>
            {a.acknowledgedAt ? (
              <span className="muted">Acknowledged</span>
            ) : (
              <button type="button" onClick={() => void ack(a.id)}>
                Acknowledge
              </button>
            )}
          </li>
        ))}
      </ol>
      {toast && (
        <div className="toast" role="status" data-testid="toast">
          New: {toast.message}
        </div>
      )}
    </section>
  );
}
