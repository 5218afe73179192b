import { ConfigError, loadConfig } from '../src/config';

describe('configuration from the environment', () => {
  it('has working defaults for development', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      PORT: 4000,
      HOST: '0.0.0.0',
      DATA_DIR: '.data',
      SEED_DEMO: true,
      LOG_LEVEL: 'info',
      NODE_ENV: 'development',
      ALERT_SCAN_INTERVAL_MS: 60000,
      BACKDATING_DAYS: 365,
      WS_MAX_BUFFERED_BYTES: 256 * 1024,
    });
    expect(c.DATABASE_URL).toBeUndefined();
  });

  it('reads every documented variable', () => {
    const c = loadConfig({
      PORT: '8080',
      HOST: '127.0.0.1',
      DATABASE_URL: 'postgres://u:p@db:5432/tandem',
      DATA_DIR: '/var/lib/tandem',
      ADMIN_EMAIL: 'boss@example.com',
      ADMIN_PASSWORD: 'long-enough',
      JWT_SECRET: 'x'.repeat(32),
      SEED_DEMO: '0',
      LOG_LEVEL: 'debug',
      NODE_ENV: 'production',
      BACKDATING_DAYS: '30',
      WS_MAX_BUFFERED_BYTES: '524288',
    });
    expect(c).toMatchObject({
      PORT: 8080,
      HOST: '127.0.0.1',
      DATA_DIR: '/var/lib/tandem',
      SEED_DEMO: false,
      LOG_LEVEL: 'debug',
      NODE_ENV: 'production',
      BACKDATING_DAYS: 30,
      WS_MAX_BUFFERED_BYTES: 524288,
    });
  });

  it.each([
    [{ PORT: 'abc' }, /PORT .*\(got "abc"\)/],
    [{ PORT: '70000' }, /PORT must be at most 65535/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL must be a postgres:\/\//],
    [{ SEED_DEMO: 'maybe' }, /SEED_DEMO must be 0, 1, true or false/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ BACKDATING_DAYS: '1.5' }, /BACKDATING_DAYS must be a whole number of days/],
    [{ WS_MAX_BUFFERED_BYTES: 'lots' }, /WS_MAX_BUFFERED_BYTES must be a number of bytes \(got "lots"\)/],
    [{ WS_MAX_BUFFERED_BYTES: '100' }, /WS_MAX_BUFFERED_BYTES must be at least 1024 bytes/],
    [{ BACKDATING_DAYS: '-1' }, /BACKDATING_DAYS/],
    [{ NODE_ENV: 'staging' }, /NODE_ENV must be development, production or test/],
    [{ ADMIN_EMAIL: 'not-an-email' }, /ADMIN_EMAIL must be an e-mail address/],
    [{ ADMIN_EMAIL: 'a@b.co', ADMIN_PASSWORD: 'short' }, /ADMIN_PASSWORD must be at least 8 characters \(got <hidden>\)/],
    [{ ADMIN_PASSWORD: 'long-enough' }, /ADMIN_EMAIL is required when ADMIN_PASSWORD is set/],
    [{ JWT_SECRET: 'short' }, /JWT_SECRET must be at least 32 characters \(got <hidden>\)/],
    [{ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/x' }, /JWT_SECRET is required when NODE_ENV=production/],
    [{ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }, /DATABASE_URL is required when NODE_ENV=production/],
  ])('refuses %j with a message naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it.each(['1', 'true', '0', undefined])('never seeds the demo company in production (SEED_DEMO=%s)', (seed) => {
    const production = { NODE_ENV: 'production', DATABASE_URL: 'postgres://db/x', JWT_SECRET: 'x'.repeat(32) };
    expect(loadConfig({ ...production, ...(seed === undefined ? {} : { SEED_DEMO: seed }) }).SEED_DEMO).toBe(false);
    expect(loadConfig({ NODE_ENV: 'development', ...(seed === undefined ? {} : { SEED_DEMO: seed }) }).SEED_DEMO).toBe(seed !== '0');
  });

  it('reads CORS_ORIGINS as a comma-separated list of origins, none when unset', () => {
    expect(loadConfig({}).CORS_ORIGINS).toEqual([]);
    expect(loadConfig({ CORS_ORIGINS: 'https://app.example.com, http://localhost:5173' }).CORS_ORIGINS).toEqual(['https://app.example.com', 'http://localhost:5173']);
    expect(loadConfig({ CORS_ORIGINS: '*' }).CORS_ORIGINS).toEqual(['*']);
  });

  it.each([
    [{ CORS_ORIGINS: 'app.example.com' }, /CORS_ORIGINS must be \* or origins like https:\/\/app\.example\.com/],
    [{ CORS_ORIGINS: 'https://app.example.com/path' }, /CORS_ORIGINS must be \* or origins/],
    [{ CORS_ORIGINS: 'https://a.example.com,*' }, /CORS_ORIGINS must be \* or origins/],
    [{ CORS_ORIGINS: '*', NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), DATABASE_URL: 'postgres://db/x' }, /CORS_ORIGINS may be \* only outside production/],
    [{ INTROSPECTION: 'yes' }, /INTROSPECTION must be 0, 1, true or false/],
    [{ GRAPHQL_DIRECT_RESOLVERS: 'off' }, /GRAPHQL_DIRECT_RESOLVERS must be 0, 1, true or false/],
  ])('refuses %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it.each([
    [{}, true],
    [{ NODE_ENV: 'test' }, true],
    [{ INTROSPECTION: '0' }, false],
    [{ NODE_ENV: 'production' }, false],
    [{ NODE_ENV: 'production', INTROSPECTION: '1' }, true],
  ])('allows introspection (and "did you mean" hints) for %j: %s', (env, allowed) => {
    expect(loadConfig({ JWT_SECRET: 'x'.repeat(32), DATABASE_URL: 'postgres://db/x', ...env }).INTROSPECTION).toBe(allowed);
  });

  it.each([
    [{}, true],
    [{ GRAPHQL_DIRECT_RESOLVERS: '0' }, false],
    [{ GRAPHQL_DIRECT_RESOLVERS: 'true' }, true],
  ])('calls resolvers straight for %j: %s', (env, direct) => {
    expect(loadConfig(env).GRAPHQL_DIRECT_RESOLVERS).toBe(direct);
  });

  it('has bounded database waits and transaction attempts by default', () => {
    expect(loadConfig({})).toMatchObject({
      DB_LOCK_TIMEOUT_MS: 3_000,
      DB_STATEMENT_TIMEOUT_MS: 30_000,
      DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: 60_000,
      DB_CONNECT_TIMEOUT_MS: 10_000,
      DB_POOL_ACQUIRE_TIMEOUT_MS: 5_000,
      TX_MAX_ATTEMPTS: 5,
    });
  });

  it('admits 4 queries at once, and unless set as many mutations as the pool has connections, waiting no longer than for a connection', () => {
    expect(loadConfig({})).toMatchObject({ HTTP_MAX_CONCURRENT_QUERIES: 4, HTTP_MAX_CONCURRENT_MUTATIONS: 10, HTTP_QUEUE_TIMEOUT_MS: 5_000 });
    expect(loadConfig({ DB_POOL_MAX: '3', DB_POOL_ACQUIRE_TIMEOUT_MS: '800' })).toMatchObject({ HTTP_MAX_CONCURRENT_MUTATIONS: 3, HTTP_QUEUE_TIMEOUT_MS: 800 });
    expect(loadConfig({ HTTP_MAX_CONCURRENT_QUERIES: '6', HTTP_MAX_CONCURRENT_MUTATIONS: '12', HTTP_QUEUE_TIMEOUT_MS: '2500' })).toMatchObject({
      HTTP_MAX_CONCURRENT_QUERIES: 6,
      HTTP_MAX_CONCURRENT_MUTATIONS: 12,
      HTTP_QUEUE_TIMEOUT_MS: 2500,
    });
  });

  it('reads the database timeouts and TX_MAX_ATTEMPTS', () => {
    const c = loadConfig({
      DB_LOCK_TIMEOUT_MS: '250',
      DB_STATEMENT_TIMEOUT_MS: '1500',
      DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: '2000',
      DB_CONNECT_TIMEOUT_MS: '750',
      DB_POOL_ACQUIRE_TIMEOUT_MS: '100',
      TX_MAX_ATTEMPTS: '1',
    });
    expect(c).toMatchObject({
      DB_LOCK_TIMEOUT_MS: 250,
      DB_STATEMENT_TIMEOUT_MS: 1500,
      DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: 2000,
      DB_CONNECT_TIMEOUT_MS: 750,
      DB_POOL_ACQUIRE_TIMEOUT_MS: 100,
      TX_MAX_ATTEMPTS: 1,
    });
  });

  it.each([
    [{ DB_LOCK_TIMEOUT_MS: 'soon' }, /DB_LOCK_TIMEOUT_MS must be a number of milliseconds \(got "soon"\)/],
    [{ DB_STATEMENT_TIMEOUT_MS: '0' }, /DB_STATEMENT_TIMEOUT_MS .*\(got "0"\)/],
    [{ DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: '1.5' }, /DB_IDLE_IN_TRANSACTION_TIMEOUT_MS .*\(got "1.5"\)/],
    [{ DB_CONNECT_TIMEOUT_MS: '-5' }, /DB_CONNECT_TIMEOUT_MS .*\(got "-5"\)/],
    [{ DB_POOL_ACQUIRE_TIMEOUT_MS: '600001' }, /DB_POOL_ACQUIRE_TIMEOUT_MS .*\(got "600001"\)/],
    [{ TX_MAX_ATTEMPTS: '0' }, /TX_MAX_ATTEMPTS .*\(got "0"\)/],
    [{ TX_MAX_ATTEMPTS: 'many' }, /TX_MAX_ATTEMPTS must be a number \(got "many"\)/],
    [{ HTTP_MAX_CONCURRENT_QUERIES: '0' }, /HTTP_MAX_CONCURRENT_QUERIES .*\(got "0"\)/],
    [{ HTTP_MAX_CONCURRENT_MUTATIONS: 'lots' }, /HTTP_MAX_CONCURRENT_MUTATIONS must be a number of operations \(got "lots"\)/],
    [{ HTTP_QUEUE_TIMEOUT_MS: '2.5' }, /HTTP_QUEUE_TIMEOUT_MS .*\(got "2.5"\)/],
  ])('refuses the wait or attempt bound %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('states every problem on one line', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'abc', TX_MAX_ATTEMPTS: '0', SEED_DEMO: 'maybe' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const { message, problems } = error as ConfigError;
    expect(problems).toHaveLength(3);
    expect(message).toBe(`Invalid configuration: ${problems.join('; ')}`);
    expect(message).not.toContain('\n');
  });

  it('treats empty strings as unset', () => {
    const c = loadConfig({ PORT: '', DATABASE_URL: '' });
    expect(c.PORT).toBe(4000);
    expect(c.DATABASE_URL).toBeUndefined();
  });
});
