import { Client, fetchExchange, subscriptionExchange } from '@urql/core';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';

/** Where the API is: the page's own origin (the gateway serves both), /graphql for HTTP and graphql-ws. */
export const httpUrl = () => new URL('/graphql', window.location.href).toString();
export const wsUrl = () => httpUrl().replace(/^http/, 'ws');

export interface Api {
  urql: Client;
  ws: WsClient;
}

/**
 * One urql client and one graphql-ws socket per signed-in session. Requests
 * are POSTs with a JSON body (urql's GET default is off: `preferGetMethod:
 * false`), which passes Apollo's CSRF prevention; the token goes in the
 * Authorization header and in the socket's connectionParams. A closed socket
 * reconnects by itself; 4401 (token refused) ends the session instead.
 */
export function createApi(token: string, onUnauthorized: () => void): Api {
  const ws = createWsClient({
    url: wsUrl(),
    connectionParams: { authorization: `Bearer ${token}` },
    lazy: false,
    retryAttempts: Infinity,
    shouldRetry: (event) => !(event && typeof event === 'object' && 'code' in event && (event as CloseEvent).code === 4401),
    on: { closed: (event) => (event as CloseEvent | undefined)?.code === 4401 && onUnauthorized() },
  });
  const urql = new Client({
    url: httpUrl(),
    preferGetMethod: false,
    requestPolicy: 'cache-and-network',
    fetchOptions: () => ({ headers: { authorization: `Bearer ${token}` } }),
    exchanges: [
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({ unsubscribe: ws.subscribe({ ...request, query: request.query ?? '' }, sink) }),
        }),
      }),
    ],
  });
  return { urql, ws };
}
