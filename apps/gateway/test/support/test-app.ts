import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { print, type ExecutionResult } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { Client } from 'pg';
import { createClient, type Client as WsClient } from 'graphql-ws';
import { LoginDocument } from '@tandem/client';
import WebSocket from 'ws';
import { startApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { withDatabase } from './database-url';

export const ADMIN = { email: 'admin@test.tandem', password: 'admin-password-1' };
export const JWT_SECRET = 'test-secret-that-is-at-least-32-characters-long';

function adminUrl(): string {
  const url = process.env.TANDEM_TEST_ADMIN_URL;
  if (!url) throw new Error('TANDEM_TEST_ADMIN_URL is unset: run the tests through jest (global setup)');
  return url;
}

/** A fresh, empty database; the gateway applies the migrations when it starts. */
export async function createTestDatabase(): Promise<string> {
  const name = `tandem_t_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return withDatabase(adminUrl(), name);
}

export interface TestGateway {
  app: App;
  url: string;
  wsUrl: string;
  databaseUrl: string;
  /** Sends a typed document over HTTP; returns the raw GraphQL result and the HTTP status. */
  request<R, V>(doc: TypedDocumentNode<R, V>, variables?: V, token?: string): Promise<ExecutionResult<R> & { status: number }>;
  /** Like request, but fails the test on any GraphQL error. */
  gql<R, V>(doc: TypedDocumentNode<R, V>, variables?: V, token?: string): Promise<R>;
  login(email: string, password: string): Promise<string>;
  ws(token?: string): WsClient;
  stop(): Promise<void>;
}

/** Starts the real gateway (HTTP + graphql-ws) on a random port over its own database. */
export async function startTestGateway(env: Record<string, string> = {}, databaseUrl?: string): Promise<TestGateway> {
  const dbUrl = databaseUrl ?? (await createTestDatabase());
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: dbUrl,
    JWT_SECRET,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    SEED_DEMO: '0',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...env,
  });
  const app = await startApp(config, createLogger(config.LOG_LEVEL));
  const { url, wsUrl } = app.gateway;
  const sockets: WsClient[] = [];

  const request: TestGateway['request'] = async (doc, variables, token) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query: print(doc), variables }),
    });
    return { ...((await res.json()) as ExecutionResult<never>), status: res.status };
  };
  const gql: TestGateway['gql'] = async (doc, variables, token) => {
    const r = await request(doc, variables, token);
    if (r.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors)}`);
    return r.data!;
  };
  return {
    app,
    url,
    wsUrl,
    databaseUrl: dbUrl,
    request,
    gql,
    async login(email, password) {
      const r = await gql(LoginDocument, { email, password });
      if (!r.login.token) throw new Error(`login failed for ${email}: ${JSON.stringify(r.login.userErrors)}`);
      return r.login.token;
    },
    ws(token) {
      const client = createClient({
        url: wsUrl,
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        lazy: false,
        onNonLazyError: () => undefined,
        connectionParams: token ? { authorization: `Bearer ${token}` } : {},
      });
      sockets.push(client);
      return client;
    },
    async stop() {
      await Promise.all(sockets.map(async (s) => s.dispose()));
      await app.stop();
    },
  };
}
