import { CustomerDashboardDocument, LoginDocument } from '@tandem/client';
import { ADMIN, startTestGateway, type TestGateway } from './support/test-app';

/** NODE_ENV=production on an empty database: the first admin, and never the demo company. */
let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway({ NODE_ENV: 'production', SEED_DEMO: '1' });
});
afterAll(() => gw?.stop());

it('creates the first admin but not the demo company, even with SEED_DEMO=1', async () => {
  expect(gw.app.created).toEqual({ firstAdmin: { email: ADMIN.email, generatedPassword: undefined }, demoCompany: false });
  const demo = await gw.gql(LoginDocument, { email: 'rep1@demo.tandem', password: 'demo-password' });
  expect(demo.login.token).toBeNull();
  const admin = await gw.login(ADMIN.email, ADMIN.password);
  expect((await gw.gql(CustomerDashboardDocument, { first: 10 }, admin)).customers!.totalCount).toBe(0);
});
