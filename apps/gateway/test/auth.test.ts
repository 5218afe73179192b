import { SignJWT } from 'jose';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { CreateUserDocument, LoginDocument, MeDocument } from '@tandem/client';
import { ADMIN, JWT_SECRET, startTestGateway, type TestGateway } from './support/test-app';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(() => gw?.stop());

async function tokenWith(secret: string, claims: { sub: string; role: string; exp: number }): Promise<string> {
  return new SignJWT({ role: claims.role })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.sub)
    .setIssuer('tandem')
    .setAudience('tandem-api')
    .setIssuedAt(claims.exp - 3600)
    .setExpirationTime(claims.exp)
    .sign(new TextEncoder().encode(secret));
}

describe('login', () => {
  it('signs the first admin in and returns a token and the user', async () => {
    const r = await gw.gql(LoginDocument, ADMIN);
    expect(r.login.userErrors).toEqual([]);
    expect(r.login.token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(r.login.user).toMatchObject({ email: ADMIN.email, role: 'ADMIN' });
  });

  it('accepts the e-mail in any case', async () => {
    const r = await gw.gql(LoginDocument, { email: ADMIN.email.toUpperCase(), password: ADMIN.password });
    expect(r.login.token).toBeTruthy();
  });

  it.each([
    ['a wrong password', ADMIN.email, 'not-the-password'],
    ['an unknown e-mail', 'nobody@test.tandem', ADMIN.password],
  ])('refuses %s with one message that does not say which', async (_case, email, password) => {
    const r = await gw.gql(LoginDocument, { email, password });
    expect(r.login.token).toBeNull();
    expect(r.login.user).toBeNull();
    expect(r.login.userErrors).toEqual([{ code: 'INVALID_CREDENTIALS', field: null, message: 'Wrong e-mail or password.' }]);
  });
});

describe('repeated failures', () => {
  it('refuses an e-mail after ten failed sign-ins, even with the right password, and nobody else', async () => {
    const admin = await gw.login(ADMIN.email, ADMIN.password);
    await gw.gql(CreateUserDocument, { input: { email: 'target@test.tandem', name: 'Target', role: 'FINANCE', password: 'target-password' } }, admin);
    for (let i = 0; i < 10; i++) {
      const r = await gw.gql(LoginDocument, { email: 'target@test.tandem', password: `guess-${i}` });
      expect(r.login.userErrors[0].code).toBe('INVALID_CREDENTIALS');
    }
    const locked = await gw.gql(LoginDocument, { email: 'TARGET@test.tandem', password: 'target-password' });
    expect(locked.login.token).toBeNull();
    expect(locked.login.userErrors[0]).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', message: expect.stringMatching(/try again in 1[45] minutes/) });
    // An unknown address is treated the same way, so the lock-out reveals nothing.
    for (let i = 0; i < 10; i++) await gw.gql(LoginDocument, { email: 'ghost@test.tandem', password: 'x' });
    expect((await gw.gql(LoginDocument, { email: 'ghost@test.tandem', password: 'x' })).login.userErrors[0].code).toBe('TOO_MANY_ATTEMPTS');
    expect((await gw.gql(LoginDocument, ADMIN)).login.token).toBeTruthy();
  });
});

describe('me', () => {
  it('answers the signed-in user over HTTP', async () => {
    const token = await gw.login(ADMIN.email, ADMIN.password);
    const r = await gw.gql(MeDocument, {}, token);
    expect(r.me).toMatchObject({ email: ADMIN.email, name: 'Administrator', role: 'ADMIN' });
  });

  it('is UNAUTHENTICATED without a token', async () => {
    const r = await gw.request(MeDocument, {});
    expect(r.status).toBe(200);
    expect(r.data).toBeNull();
    expect(r.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(JSON.stringify(r.errors)).not.toMatch(/stack|at .*\.ts/);
  });

  it('refuses an expired token', async () => {
    const token = await gw.login(ADMIN.email, ADMIN.password);
    const { id } = (await gw.gql(MeDocument, {}, token)).me;
    const expired = await tokenWith(JWT_SECRET, { sub: id, role: 'ADMIN', exp: Math.floor(Date.now() / 1000) - 60 });
    const r = await gw.request(MeDocument, {}, expired);
    expect(r.status).toBe(401);
    expect(r.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a token signed with another secret', async () => {
    const token = await gw.login(ADMIN.email, ADMIN.password);
    const { id } = (await gw.gql(MeDocument, {}, token)).me;
    const forged = await tokenWith('an-attacker-secret-that-is-also-32-chars-long', { sub: id, role: 'ADMIN', exp: Math.floor(Date.now() / 1000) + 600 });
    const r = await gw.request(MeDocument, {}, forged);
    expect(r.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(r.data ?? null).toBeNull();
  });

  it('refuses a token whose payload was altered', async () => {
    const token = await gw.login(ADMIN.email, ADMIN.password);
    const [h, p, s] = token.split('.');
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
    const altered = Buffer.from(JSON.stringify({ ...payload, role: 'FINANCE' })).toString('base64url');
    const r = await gw.request(MeDocument, {}, `${h}.${altered}.${s}`);
    expect(r.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('createUser', () => {
  const newUser = { email: 'rep.one@test.tandem', name: 'Rep One', role: 'SALES_REP' as const, password: 'rep-password-1' };

  it('lets an ADMIN create a user who can then sign in', async () => {
    const admin = await gw.login(ADMIN.email, ADMIN.password);
    const r = await gw.gql(CreateUserDocument, { input: newUser }, admin);
    expect(r.createUser.userErrors).toEqual([]);
    expect(r.createUser.user).toMatchObject({ email: newUser.email, role: 'SALES_REP' });
    const repToken = await gw.login(newUser.email, newUser.password);
    expect((await gw.gql(MeDocument, {}, repToken)).me.role).toBe('SALES_REP');
  });

  it('refuses a second user with the same e-mail as CONFLICT', async () => {
    const admin = await gw.login(ADMIN.email, ADMIN.password);
    const r = await gw.gql(CreateUserDocument, { input: { ...newUser, email: 'REP.ONE@test.tandem' } }, admin);
    expect(r.createUser.user).toBeNull();
    expect(r.createUser.userErrors).toEqual([expect.objectContaining({ code: 'CONFLICT', field: ['input', 'email'] })]);
  });

  it('refuses invalid input with the input path and writes nothing', async () => {
    const admin = await gw.login(ADMIN.email, ADMIN.password);
    const r = await gw.gql(CreateUserDocument, { input: { ...newUser, email: 'not-an-email', password: 'short' } }, admin);
    expect(r.createUser.user).toBeNull();
    expect(r.createUser.userErrors.map((e) => e.field)).toEqual(
      expect.arrayContaining([
        ['input', 'email'],
        ['input', 'password'],
      ]),
    );
    expect(r.createUser.userErrors.every((e) => e.code === 'BAD_USER_INPUT')).toBe(true);
  });

  it('refuses a non-admin with FORBIDDEN and creates nothing', async () => {
    const rep = await gw.login(newUser.email, newUser.password);
    const r = await gw.gql(CreateUserDocument, { input: { ...newUser, email: 'sneaky@test.tandem' } }, rep);
    expect(r.createUser.user).toBeNull();
    expect(r.createUser.userErrors[0].code).toBe('FORBIDDEN');
    const login = await gw.gql(LoginDocument, { email: 'sneaky@test.tandem', password: newUser.password });
    expect(login.login.token).toBeNull();
  });

  it('is UNAUTHENTICATED without a token', async () => {
    const r = await gw.request(CreateUserDocument, { input: newUser });
    expect(r.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('graphql-ws on the same port', () => {
  function closeCode(client: ReturnType<TestGateway['ws']>): Promise<number> {
    return new Promise((resolve) => {
      client.on('closed', (event) => resolve((event as { code: number }).code));
    });
  }

  // 4401 Unauthorized: sign in (again). 4403 Forbidden is kept for a valid viewer who may not subscribe.
  it('closes a connection without a token with 4401', async () => {
    expect(await closeCode(gw.ws())).toBe(4401);
  });

  it('closes a connection with a forged token with 4401', async () => {
    const forged = await tokenWith('an-attacker-secret-that-is-also-32-chars-long', { sub: 'x', role: 'ADMIN', exp: Math.floor(Date.now() / 1000) + 600 });
    expect(await closeCode(gw.ws(forged))).toBe(4401);
  });

  it('closes a connection with an expired token with 4401', async () => {
    const token = await gw.login(ADMIN.email, ADMIN.password);
    const { id } = (await gw.gql(MeDocument, {}, token)).me;
    const expired = await tokenWith(JWT_SECRET, { sub: id, role: 'ADMIN', exp: Math.floor(Date.now() / 1000) - 60 });
    expect(await closeCode(gw.ws(expired))).toBe(4401);
  });

  it('closes a connection whose authorization is not a Bearer token with 4401', async () => {
    const client = createClient({
      url: gw.wsUrl,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: false,
      onNonLazyError: () => undefined,
      connectionParams: { authorization: 'Basic YWRtaW46cGFzcw==' },
    });
    try {
      expect(await closeCode(client)).toBe(4401);
    } finally {
      await client.dispose();
    }
  });

  it('closes the socket when its token expires', async () => {
    const token = await gw.login(ADMIN.email, ADMIN.password);
    const { id } = (await gw.gql(MeDocument, {}, token)).me;
    const shortLived = await tokenWith(JWT_SECRET, { sub: id, role: 'ADMIN', exp: Math.floor(Date.now() / 1000) + 2 });
    const client = gw.ws(shortLived);
    const connected = new Promise<void>((resolve) => client.on('connected', () => resolve()));
    const closed = closeCode(client);
    await connected;
    expect(await closed).toBe(4401);
  });

  it('keeps error codes and hides internals over the socket, as over HTTP', async () => {
    const admin = await gw.login(ADMIN.email, ADMIN.password);
    await gw.gql(CreateUserDocument, { input: { email: 'ws.support@test.tandem', name: 'WS Support', role: 'SUPPORT', password: 'support-password' } }, admin);
    const support = await gw.login('ws.support@test.tandem', 'support-password');
    const client = gw.ws(support);
    const result = await new Promise<{ errors?: { message: string; extensions?: Record<string, unknown> }[] }>((resolve, reject) => {
      client.subscribe({ query: 'query { customers(first: 1) { totalCount } receivablesAging { asOf } }' }, { next: resolve as never, error: reject, complete: () => undefined });
    });
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(JSON.stringify(result)).not.toMatch(/stack|\.ts:/);
  });

  it('accepts the login token and answers me over the socket', async () => {
    const token = await gw.login(ADMIN.email, ADMIN.password);
    const client = gw.ws(token);
    const result = await new Promise<unknown>((resolve, reject) => {
      client.subscribe({ query: 'query { me { email role } }' }, { next: resolve, error: reject, complete: () => undefined });
    });
    expect(result).toEqual({ data: { me: { email: ADMIN.email, role: 'ADMIN' } }, extensions: { cost: { requested: 1, remaining: expect.any(Number) } } });
  });
});

describe('health', () => {
  it('reports alive and ready', async () => {
    const base = gw.url.replace(/\/graphql$/, '');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it.each([
    ['too deep', `query Deep { customers(first: 1) { edges { node { contacts { customer { contacts { customer { contacts { customer { contacts { customer { name } } } } } } } } } } } }`],
    ['too many aliases', `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: me { id }`).join(' ')} }`],
  ])('refuses a document that is %s before running it', async (_what, query) => {
    const token = await gw.login(ADMIN.email, ADMIN.password);
    const res = await fetch(gw.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query }) });
    const body = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(res.status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(body.errors[0].message).toMatch(/limit of \d+ exceeded/);
  });

  it('exposes Prometheus metrics, with requests by operation', async () => {
    await gw.request(MeDocument, {});
    const res = await fetch(gw.url.replace(/\/graphql$/, '/metrics'));
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(text).toMatch(/tandem_graphql_request_duration_seconds_count\{operation="Me",outcome="errors"\} [1-9]/);
    expect(text).toMatch(/tandem_alert_subscribers \d+/);
    expect(text).toMatch(/tandem_process_resident_memory_bytes \d+/);
  });

  it('never answers a malformed request with a 500 or a stack trace', async () => {
    const res = await fetch(gw.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ nope }"}' });
    const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
    expect(res.status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(body)).not.toContain('stacktrace');
  });
});
