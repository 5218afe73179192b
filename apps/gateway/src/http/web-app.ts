import express, { type Express } from 'express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Logger } from '../logger';

/** The built web client (apps/web/dist), beside this gateway's own build. */
export const WEB_DIR = resolve(__dirname, '../../../web/dist');

/** What the app's pages may load: only this origin (and its graphql-ws socket); inline styles for the chart and GraphiQL. */
const CSP = [
  "default-src 'self'",
  "connect-src 'self' ws: wss:",
  "img-src 'self' data:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

/**
 * Serves the web client on the API's port: hashed assets for a year, the page
 * itself never cached, and any other GET that asks for HTML (a deep link such as
 * /customers) gets the page. /graphql, the probes and /metrics stay the API's.
 * Without a build (a gateway built alone), `/` says how to build it.
 */
export function serveWebApp(app: Express, log: Logger, dir = WEB_DIR): void {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) {
    log.warn({ dir }, 'the web client is not built; / explains how (npm run build builds it)');
    app.get('/', (_req, res) => {
      res.status(404).json({ errors: [{ message: 'The web client is not built: run npm run build (or npm start). The API is at /graphql.', extensions: { code: 'NOT_FOUND' } }] });
    });
    return;
  }
  const page = (res: express.Response) =>
    res.set({ 'Content-Security-Policy': CSP, 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' }).sendFile(index);
  app.get('/', (_req, res) => page(res));
  app.use('/assets', express.static(join(dir, 'assets'), { immutable: true, maxAge: '365d', index: false, fallthrough: true }));
  app.use(express.static(dir, { index: false, maxAge: '1h' }));
  // A browser's navigation asks for HTML first; an API client (Accept: */* or JSON) still gets the JSON 404.
  app.get(/^\/(?!graphql|metrics|healthz|readyz|assets\/)[^.]*$/, (req, res, next) => (req.accepts(['json', 'html']) === 'html' ? page(res) : next()));
}
