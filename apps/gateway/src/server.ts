import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { specifiedRules, type ExecutionResult, type FormattedExecutionResult, type GraphQLError, type GraphQLSchema, type ValidationContext } from 'graphql';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { CloseCode } from 'graphql-ws';
import { useServer, type Extra } from 'graphql-ws/use/ws';
import type { Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { WebSocketServer } from 'ws';
import type { TokenService } from './auth/token';
import type { Config } from './config';
import type { Viewer } from './auth/viewer';
import type { Context } from './context';
import { databaseFault } from './db/database-faults';
import type { Orm } from './db/orm';
import { readinessProbe } from './http/readiness';
import { serveWebApp } from './http/web-app';
import { CostGuard, type CostLimits } from './graphql/cost-guard';
import { admissionPlugin } from './graphql/admission-plugin';
import { costPlugin } from './graphql/cost-plugin';
import { maxFragmentsRule, PARSE_OPTIONS } from './graphql/document-limits';
import { isUnexpected, maskError, unauthenticated } from './graphql/errors';
import { inputGuardPlugin } from './graphql/input-guard';
import { jitExecution } from './graphql/jit-executor';
import { wsOperations } from './graphql/ws-operations';
import { withoutSuggestions } from './graphql/schema-privacy';
import { sharedSubscribe } from './graphql/shared-subscription';
import { withClientErrorCodes } from './graphql/ws-client-errors';
import { formatHttpError, isUnexpectedHttpError, subscriptionsOverHttpRefused } from './http/apollo-refusals';
import type { BoundServer } from './http/bind';
import { corsFor } from './http/cors';
import { BODY_LIMIT_BYTES, graphqlRequestShape, jsonErrorHandler, jsonNotFound } from './http/json-errors';
import type { Metrics } from './http/metrics';
import { createLoaders, type Loaders } from './loaders';
import type { Logger } from './logger';
import type { Services } from './services';

export interface GatewayDeps {
  schema: GraphQLSchema;
  orm: Orm;
  /** For /readyz's own connection, which answers whatever the pool is doing. */
  databaseUrl: string;
  tokens: TokenService;
  metrics: Metrics;
  services: Services;
  log: Logger;
  costs: CostLimits;
  /** The built web client to serve at `/` (default: apps/web/dist). */
  webDir?: string;
  config: Pick<Config, 'CORS_ORIGINS' | 'INTROSPECTION' | 'GRAPHQL_EXECUTOR' | 'HTTP_MAX_CONCURRENT_QUERIES' | 'HTTP_MAX_CONCURRENT_MUTATIONS' | 'HTTP_QUEUE_TIMEOUT_MS' | 'WS_MAX_BUFFERED_BYTES'>;
}

export interface RunningGateway {
  httpServer: Server;
  url: string;
  wsUrl: string;
  /** Stops accepting, drains HTTP and WebSocket connections. The caller closes the pool. */
  stop(): Promise<void>;
}

/**
 * Cheap guards against abusive documents, on HTTP and WebSocket alike: the
 * deepest contract operation nests 7 levels, so 10 leaves room; aliases are
 * capped so one request cannot multiply a costly field.
 */
const report = { exposeLimits: true, propagateOnRejection: false, onReject: [(ctx: ValidationContext | null, err: GraphQLError) => ctx?.reportError(err)] };
const LIMIT_RULES = [maxDepthRule({ n: 10, ...report }), maxAliasesRule({ n: 15, ...report }), maxFragmentsRule];

/** One JSON log line per request with its id and operation name; unexpected errors with their stack. */
function requestLogPlugin(metrics: Metrics): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      const started = process.hrtime.bigint();
      return {
        async didEncounterErrors({ errors, operationName }) {
          for (const err of errors) {
            const fault = databaseFault(err.originalError);
            if (fault) {
              metrics.countDatabaseFault(fault);
              contextValue.log.warn({ code: fault.code, reason: fault.reason, operationName, path: err.path }, 'database fault answered as retryable');
            } else if (isUnexpectedHttpError(err)) {
              metrics.countUnexpected();
              contextValue.log.error({ err: err.originalError ?? err, operationName, path: err.path }, 'unexpected error (masked for the client)');
            }
          }
        },
        async willSendResponse({ operationName, response }) {
          const errors = response.body.kind === 'single' ? (response.body.singleResult.errors?.length ?? 0) : 0;
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          metrics.observeRequest(operationName ?? null, ms / 1000, errors > 0);
          contextValue.log.info({ operationName: operationName ?? null, ms, errors }, 'graphql request');
        },
      };
    },
  };
}

/**
 * Apollo Server 5 on express 5 at /graphql, graphql-ws on the same path and port,
 * health probes, on the server that start-up bound first (see http/bind.ts).
 */
export async function startGateway(deps: GatewayDeps, bound: BoundServer, host: string): Promise<RunningGateway> {
  const { schema, orm, tokens, services, log, config } = deps;
  // Token, fragment and cost limits (query-cost.ts, document-limits.ts); one budget per viewer for HTTP and WebSocket.
  const costGuard = new CostGuard(schema, deps.costs);
  const wsOps = wsOperations(schema, [...specifiedRules, ...LIMIT_RULES], costGuard, {
    maxBufferedBytes: config.WS_MAX_BUFFERED_BYTES,
    onDrop: (bufferedBytes) => {
      deps.metrics.countSlowConsumerDropped();
      log.warn({ bufferedBytes, maxBufferedBytes: config.WS_MAX_BUFFERED_BYTES }, 'graphql-ws subscriber too slow to read: closed with 4013 (it resumes with after)');
    },
  });
  const metrics = deps.metrics;
  const app = express();
  app.disable('x-powered-by');
  // GraphQL answers are live and per viewer: no client revalidates them, and express would hash every body (about 100 KB for a dashboard page) for an ETag.
  app.set('etag', false);
  const httpServer = bound.server;

  const newContext = (viewer: Viewer | null, requestId: string, remoteAddress?: string, clientGone?: () => boolean): Context => {
    // Loaders are built on first use: most subscription events never need them.
    let em = orm.em.fork();
    let loaders: Loaders | null = null;
    return {
      requestId,
      viewer,
      remoteAddress,
      clientGone,
      log: log.child({ requestId }),
      services,
      get em() {
        return em;
      },
      set em(value) {
        em = value;
        loaders = null;
      },
      get loaders() {
        return (loaders ??= createLoaders(em, viewer));
      },
      renew() {
        em = orm.em.fork();
        loaders = null;
      },
    };
  };

  /** A result as a graphql-ws client may see it: codes pass, internals are masked (and logged). */
  const maskResult = (result: ExecutionResult, operationName: string | null, connectionId: string | undefined): FormattedExecutionResult => {
    if (!result.errors?.length) return result;
    return {
      ...result,
      errors: result.errors.map((err) => {
        const formatted = { message: err.message, path: err.path, locations: err.locations, extensions: err.extensions };
        const fault = databaseFault(err.originalError);
        if (fault) metrics.countDatabaseFault(fault);
        else if (isUnexpected(formatted, err)) log.error({ err: err.originalError ?? err, operationName, connectionId }, 'unexpected error on graphql-ws (masked for the client)');
        const masked = maskError(formatted, err);
        // Without introspection, no "did you mean" hints (withClientErrorCodes does the same on graphql-ws's own path).
        return config.INTROSPECTION ? masked : withoutSuggestions(masked);
      }),
    };
  };

  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const wsCleanup = useServer<Record<string, unknown>, { viewer: Viewer; connectionId: string }>(
    withClientErrorCodes<Record<string, unknown>, Extra & Partial<{ viewer: Viewer; connectionId: string }>>(
      {
        schema,
        // The same token, fragment, validation, input and cost checks as HTTP; a refusal answers that operation alone (ws-operations.ts).
        onSubscribe: wsOps.onSubscribe,
        // Each event is executed, masked and serialized once per audience class, then written to every subscriber's socket (shared-subscription.ts).
        subscribe: sharedSubscribe({
          sinkFor: wsOps.sinkFor,
          format: (args, result) => maskResult(result, args.operationName ?? null, (args.contextValue as Context).requestId),
        }),
        // The token is checked when the socket connects. Without one, or with a
        // malformed, forged or expired one, the socket closes with 4401 Unauthorized
        // (sign in again). Returning false would close with 4403 Forbidden, which the
        // protocol keeps for a valid viewer who may not subscribe; every role may today.
        onConnect: async (ctx) => {
          const signed = await tokens.fromAuthorization(ctx.connectionParams?.authorization);
          const viewer = signed && signed !== 'invalid' ? await services.userDirectory.current(orm.em.fork(), signed) : null;
          if (!viewer) {
            log.info({ reason: signed === null ? 'no token' : signed === 'invalid' ? 'invalid token' : 'user switched off or removed' }, 'graphql-ws connection refused');
            ctx.extra.socket.close(CloseCode.Unauthorized, 'Unauthorized');
            return false;
          }
          ctx.extra.viewer = viewer;
          ctx.extra.connectionId = randomUUID();
          // The socket's viewer follows the user's role as it changes; a switched-off user is closed out (auth/user-directory.ts).
          {
            const socket = ctx.extra.socket;
            const unwatch = services.userDirectory.watch(viewer.id, (standing) => {
              if (!standing?.active) socket.close(CloseCode.Unauthorized, 'Account switched off');
              else viewer.role = standing.role;
            });
            socket.once('close', unwatch);
          }
          // A socket lives no longer than the token it was opened with.
          if (viewer.expiresAt) {
            const socket = ctx.extra.socket;
            const timer = setTimeout(() => socket.close(CloseCode.Unauthorized, 'Token expired'), Math.max(0, viewer.expiresAt - Date.now()));
            timer.unref();
            socket.once('close', () => clearTimeout(timer));
          }
          return true;
        },
        context: (ctx) => newContext(ctx.extra.viewer!, ctx.extra.connectionId!),
        // Results over the socket get the same masking as HTTP: codes pass, internals do not.
        onNext: (ctx, _id, payload, args, result) => wsOps.withCost(args, maskResult(result, payload.operationName ?? null, ctx.extra.connectionId)),
        onError: (ctx, _id, payload, errors) =>
          errors.map((e) => {
            const formatted = { message: e.message, path: e.path, extensions: e.extensions };
            if (isUnexpected(formatted, e)) {
              log.error({ err: e.originalError ?? e, operationName: payload.operationName ?? null, connectionId: ctx.extra.connectionId }, 'unexpected error on graphql-ws (masked for the client)');
            }
            return maskError(formatted, e);
          }),
      },
      { introspection: config.INTROSPECTION },
    ),
    wsServer,
  );

  // Queries and mutations running at once, the rest in order (graphql/admission-plugin.ts).
  const admission = admissionPlugin({ queries: config.HTTP_MAX_CONCURRENT_QUERIES, mutations: config.HTTP_MAX_CONCURRENT_MUTATIONS, queueTimeoutMs: config.HTTP_QUEUE_TIMEOUT_MS }, (lane) => {
    metrics.countServerBusy(lane);
    log.warn({ lane, running: admission.gauge.running(lane), waiting: admission.gauge.waiting(lane) }, 'HTTP operation answered SERVER_BUSY: it waited its whole turn');
  });
  metrics.watchAdmission(admission.gauge);

  const apollo = new ApolloServer<Context>({
    // graphql-jit by default (jit-executor.ts); GRAPHQL_EXECUTOR=graphql-js interprets as Apollo does on its own.
    ...(config.GRAPHQL_EXECUTOR === 'jit' ? { gateway: jitExecution(schema) } : { schema }),
    // Off in production unless INTROSPECTION=1, and "did you mean" hints with it (config.ts).
    introspection: config.INTROSPECTION,
    validationRules: LIMIT_RULES,
    parseOptions: PARSE_OPTIONS,
    includeStacktraceInErrorResponses: false,
    // main.ts owns SIGINT/SIGTERM and stops everything in order.
    stopOnTerminationSignals: false,
    formatError: formatHttpError({ hideSuggestions: !config.INTROSPECTION }),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      {
        async serverWillStart() {
          return {
            async drainServer() {
              await wsCleanup.dispose();
            },
          };
        },
      },
      requestLogPlugin(metrics),
      inputGuardPlugin(),
      costPlugin(costGuard),
      admission.plugin,
      subscriptionsOverHttpRefused(),
      // Nothing here sets cache hints, and the default cache-control plugin wraps every field resolver to read them.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      // The landing page (Apollo Sandbox) needs introspection.
      ...(config.INTROSPECTION ? [] : [ApolloServerPluginLandingPageDisabled()]),
    ],
  });
  await apollo.start();

  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  const readiness = readinessProbe(deps.databaseUrl, log);
  app.get('/readyz', async (_req, res) => {
    const state = await readiness.check();
    res.status(state === 'ready' ? 200 : 503).json({ status: state });
  });

  app.use(
    '/graphql',
    corsFor(config.CORS_ORIGINS),
    graphqlRequestShape,
    express.json({ limit: BODY_LIMIT_BYTES }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        let gone = false;
        res.once('close', () => {
          if (!res.writableFinished) gone = true;
        });
        const requestId = (req.headers['x-request-id'] as string | undefined)?.slice(0, 100) || randomUUID();
        const signed = await tokens.fromAuthorization(req.headers.authorization);
        // A token that is present but bad is refused outright, never treated as anonymous.
        if (signed === 'invalid') throw unauthenticated('The token is invalid or expired; sign in again.', 401);
        // What the viewer may read is decided by its role now, not the one it signed in with.
        const viewer = signed && (await services.userDirectory.current(orm.em.fork(), signed));
        if (signed && !viewer) throw unauthenticated('The token is invalid or expired; sign in again.', 401);
        return newContext(viewer || null, requestId, req.ip, () => gone);
      },
    }),
  );

  // The web client on the same port: `/` and deep links get the app, /graphql stays the API.
  serveWebApp(app, log, deps.webDir);

  app.use(jsonNotFound);
  app.use(jsonErrorHandler(log));

  bound.serve(app);
  const { port } = httpServer.address() as { port: number };
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return {
    httpServer,
    url: `http://${shownHost}:${port}/graphql`,
    wsUrl: `ws://${shownHost}:${port}/graphql`,
    async stop() {
      // Apollo's drain closes the HTTP server and idle sockets, then runs the
      // graphql-ws dispose above, which closes every socket and the WebSocket server.
      await apollo.stop();
      await readiness.close();
    },
  };
}
