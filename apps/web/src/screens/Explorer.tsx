import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import type { Client as WsClient } from 'graphql-ws';
import { useMemo } from 'react';
import { httpUrl } from '../lib/api';

/** The contract's operations (and the web client's own), bundled with the app: one tab per file. */
const files = import.meta.glob<string>('../../../../schema/operations/*.graphql', { query: '?raw', import: 'default', eager: true });

const ME = `# Who am I? Press the run button (or Ctrl-Enter).
query Me {
  me { id email name role }
}
`;

/**
 * GraphiQL, bundled (no CDN), signed in as the current user: the token goes in
 * the Authorization header, subscriptions run over the app's own graphql-ws
 * socket. The schema comes from introspection, which production turns off
 * unless INTROSPECTION=1.
 */
export default function Explorer({ token, ws }: { token: string; ws: WsClient }) {
  const fetcher = useMemo(() => createGraphiQLFetcher({ url: httpUrl(), headers: { authorization: `Bearer ${token}` }, wsClient: ws }), [token, ws]);
  const tabs = useMemo(
    () => [
      { query: ME },
      ...Object.entries(files)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([path, query]) => ({ query: `# ${path.split('/').pop()}\n${query}` })),
    ],
    [],
  );
  return (
    <section className="explorer" aria-label="API explorer">
      <GraphiQL fetcher={fetcher} defaultTabs={tabs} shouldPersistHeaders={false} defaultEditorToolsVisibility={false} />
    </section>
  );
}
