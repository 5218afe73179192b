import { z } from 'zod';

/**
 * Configuration from the environment, validated once at start. A bad value stops
 * the process with a message naming the variable; deploy scripts rely on these names.
 */
const booleanFlag = z.enum(['0', '1', 'true', 'false'], { message: 'must be 0, 1, true or false' }).transform((v) => v === '1' || v === 'true');

/** `*`, or a comma-separated list of origins (`https://app.example.com`): scheme, host and port, nothing more. */
const corsOrigins = z
  .string()
  .transform((v) =>
    v
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
  )
  .refine((list) => (list.length === 1 && list[0] === '*') || list.every(isWebOrigin), { message: 'must be * or origins like https://app.example.com, separated by commas' });

function isWebOrigin(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
}

const envShape = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test'], { message: 'must be development, production or test' }).default('development'),
  PORT: z.coerce.number({ message: 'must be a port number' }).int('must be an integer').min(0).max(65535, 'must be at most 65535').default(4000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/.+/, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATA_DIR: z.string().min(1).default('.data'),
  ADMIN_EMAIL: z.string().email('must be an e-mail address').optional(),
  ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  JWT_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .default(8 * 3600),
  SEED_DEMO: booleanFlag.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ALERT_SCAN_INTERVAL_MS: z.coerce.number().int().min(100).default(60000),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(500).default(10),
  // Nothing waits forever (README "Operations"): a row lock, a statement, an idle open transaction, a free pool connection.
  DB_LOCK_TIMEOUT_MS: z.coerce.number({ message: 'must be a number of milliseconds' }).int().min(1).max(600_000).default(3_000),
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number({ message: 'must be a number of milliseconds' }).int().min(1).max(3_600_000).default(30_000),
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: z.coerce.number({ message: 'must be a number of milliseconds' }).int().min(1).max(3_600_000).default(60_000),
  DB_CONNECT_TIMEOUT_MS: z.coerce.number({ message: 'must be a number of milliseconds' }).int().min(1).max(600_000).default(10_000),
  DB_POOL_ACQUIRE_TIMEOUT_MS: z.coerce.number({ message: 'must be a number of milliseconds' }).int().min(1).max(600_000).default(5_000),
  TX_MAX_ATTEMPTS: z.coerce.number({ message: 'must be a number' }).int().min(1).max(20).default(5),
  BACKDATING_DAYS: z.coerce.number({ message: 'must be a number of days' }).int('must be a whole number of days').min(0).max(3650).default(365),
  QUERY_COST_MAX: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(1).default(50_000),
  QUERY_COST_PER_SECOND: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(1).default(20_000),
  QUERY_COST_BURST: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(1).default(100_000),
  CORS_ORIGINS: corsOrigins.default([]),
  INTROSPECTION: booleanFlag.optional(),
  // How HTTP queries and mutations execute: compiled once per document (graphql-jit) or interpreted (graphql-js).
  GRAPHQL_EXECUTOR: z.enum(['jit', 'graphql-js'], { message: 'must be jit or graphql-js' }).default('jit'),
  // Resolvers with only root, context, info and scalar or enum arguments are called straight, not through type-graphql's pipeline (graphql/direct-resolvers.ts).
  GRAPHQL_DIRECT_RESOLVERS: booleanFlag.default(true),
  // Queries over HTTP running at once on this process (graphql/admission-plugin.ts); the rest wait in order.
  HTTP_MAX_CONCURRENT_QUERIES: z.coerce.number({ message: 'must be a number of operations' }).int('must be a whole number').min(1).max(10_000).default(4),
  // Mutations over HTTP running at once on this process; unset: DB_POOL_MAX.
  HTTP_MAX_CONCURRENT_MUTATIONS: z.coerce.number({ message: 'must be a number of operations' }).int('must be a whole number').min(1).max(10_000).optional(),
  // How long an HTTP operation may wait for its turn before it is answered 503 SERVER_BUSY (retryable); unset: DB_POOL_ACQUIRE_TIMEOUT_MS.
  HTTP_QUEUE_TIMEOUT_MS: z.coerce.number({ message: 'must be a number of milliseconds' }).int().min(1).max(600_000).optional(),
  // A graphql-ws socket with more than this many bytes waiting unsent when an event is due is closed (4013); it resumes with after.
  WS_MAX_BUFFERED_BYTES: z.coerce
    .number({ message: 'must be a number of bytes' })
    .int('must be a whole number of bytes')
    .min(1024, 'must be at least 1024 bytes')
    .max(1024 * 1024 * 1024, 'must be at most 1 GiB')
    .default(256 * 1024),
  // Gateway processes on this machine (cluster.ts): one executes GraphQL on one core.
  CLUSTER_WORKERS: z.coerce.number({ message: 'must be a number of processes' }).int('must be a whole number').min(1).max(64).default(1),
});

const envSchema = envShape
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.JWT_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'is required when NODE_ENV=production' });
    }
    if (env.NODE_ENV === 'production' && !env.DATABASE_URL) {
      ctx.addIssue({ code: 'custom', path: ['DATABASE_URL'], message: 'is required when NODE_ENV=production (the embedded PostgreSQL is for development)' });
    }
    if (env.QUERY_COST_BURST < env.QUERY_COST_MAX) {
      ctx.addIssue({ code: 'custom', path: ['QUERY_COST_BURST'], message: `must be at least QUERY_COST_MAX (${env.QUERY_COST_MAX}), or a query under the maximum could never run` });
    }
    if (env.ADMIN_PASSWORD && !env.ADMIN_EMAIL) {
      ctx.addIssue({ code: 'custom', path: ['ADMIN_EMAIL'], message: 'is required when ADMIN_PASSWORD is set' });
    }
    if (env.CLUSTER_WORKERS > 1 && !env.DATABASE_URL) {
      ctx.addIssue({ code: 'custom', path: ['CLUSTER_WORKERS'], message: 'above 1 needs DATABASE_URL (each worker would start its own embedded PostgreSQL)' });
    }
    if (env.NODE_ENV === 'production' && env.CORS_ORIGINS.includes('*')) {
      ctx.addIssue({ code: 'custom', path: ['CORS_ORIGINS'], message: "may be * only outside production: list the web clients' origins" });
    }
  })
  // A production database never gets the demo company (users with a published
  // password), whatever SEED_DEMO says.
  .transform((env) => (env.NODE_ENV === 'production' ? { ...env, SEED_DEMO: false } : env))
  // Introspection and "did you mean" hints show the schema to anyone: off in production unless INTROSPECTION=1.
  .transform((env) => ({ ...env, INTROSPECTION: env.INTROSPECTION ?? env.NODE_ENV !== 'production' }))
  // Unless set, as many mutations at once as the pool has connections, and a wait for a turn no longer than for a connection.
  .transform((env) => ({
    ...env,
    HTTP_MAX_CONCURRENT_MUTATIONS: env.HTTP_MAX_CONCURRENT_MUTATIONS ?? env.DB_POOL_MAX,
    HTTP_QUEUE_TIMEOUT_MS: env.HTTP_QUEUE_TIMEOUT_MS ?? env.DB_POOL_ACQUIRE_TIMEOUT_MS,
  }));

export type Config = z.infer<typeof envSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    // One line (main.ts prints it after "tandem: " and exits 2): what a log collector or a terminal shows whole.
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the environment; empty strings count as unset. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const input: Record<string, string> = {};
  for (const key of Object.keys(envShape.shape)) {
    const value = env[key];
    if (value !== undefined && value !== '') input[key] = value;
  }
  const parsed = envSchema.safeParse(input);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? 'environment');
        const given = input[name];
        const shown = given === undefined ? '' : ` (got ${name.includes('PASSWORD') || name.includes('SECRET') ? '<hidden>' : JSON.stringify(given)})`;
        return `${name} ${issue.message}${shown}`;
      }),
    );
  }
  return parsed.data;
}
