import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ConfirmOrderDocument, CreateOrderDocument, PlaceCreditHoldDocument, ReceivablesAgingDocument, ReleaseCreditHoldDocument } from '@tandem/client';
import { WEB_DIR } from '../src/http/web-app';
import { createContact, createCrew, createCustomer, createOrder, createProduct, orderToInvoice, type Crew } from './support/fixtures';
import { startTestGateway, type TestGateway } from './support/test-app';

/**
 * The web client in a real browser (Debian's Chromium through playwright-core)
 * against a real gateway serving the built app on its own port: a rep's
 * credit badges and what it may not see, a live alert without reload, no
 * alert lost across a gateway restart, the aging chart's totals, the explorer,
 * and a phone-width layout. UPDATE_SCREENSHOTS=1 also writes docs/screenshots.
 */
jest.setTimeout(120_000);

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1' ? resolve(__dirname, '../../../docs/screenshots') : null;

/** Installs Debian's Chromium when it is missing and this process may (root), or says how. */
function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  if (process.getuid?.() !== 0) throw new Error(`The browser tests need Chromium at ${CHROMIUM}: install it with "sudo apt-get install -y chromium" and run npm test again.`);
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { stdio: 'ignore', timeout: 600_000 });
}

let gw: TestGateway;
let crew: Crew;
let browser: Browser;
let base: string;
let port: string;
const shot = async (page: Page, name: string) => SCREENSHOTS && (await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true }));

beforeAll(async () => {
  ensureChromium();
  if (!existsSync(resolve(WEB_DIR, 'index.html'))) throw new Error(`The web client is not built at ${WEB_DIR}: npm test builds it (npm run build:web).`);
  if (SCREENSHOTS) mkdirSync(SCREENSHOTS, { recursive: true });
  gw = await startTestGateway({ ALERT_SCAN_INTERVAL_MS: '3600000' });
  port = new URL(gw.url).port;
  base = gw.url.replace('/graphql', '/');
  crew = await createCrew(gw);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await gw?.stop();
});

async function signIn(page: Page, email: string) {
  await page.goto(base);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill('crew-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Screens' }).waitFor();
}

it('a rep sees a WARNING badge beside a contact of a customer near its limit, and no customer of the other rep', async () => {
  const p = await createProduct(gw, crew.manager, { sku: 'WEB-1', unitPrice: '100.00', initialStock: 1000 });
  const near = await createCustomer(gw, crew.rep1, { name: 'Nearly Full Ltd' }, { finance: crew.finance, limit: '1000.00' });
  await createContact(gw, crew.rep1, near.id, 'Wendy', 'Warning');
  const order = await createOrder(gw, crew.rep1, near.id, [{ productId: p.id, quantity: 8 }]);
  expect((await gw.gql(ConfirmOrderDocument, { id: order.id }, crew.rep1)).confirmOrder.userErrors).toEqual([]);
  const others = await createCustomer(gw, crew.rep2, { name: 'Other Rep Co' });
  await createContact(gw, crew.rep2, others.id, 'Olive', 'Other');

  const page = await browser.newPage();
  await signIn(page, 'rep1@t.tandem');
  const card = page.getByTestId('contact').filter({ hasText: 'Wendy Warning' });
  await card.waitFor();
  await expect(card.locator('.badge').getAttribute('data-status')).resolves.toBe('WARNING');
  await expect(card.locator('.badge').textContent()).resolves.toBe('Warning');
  await expect(card.textContent()).resolves.toContain('Nearly Full Ltd');
  expect(await page.getByText('Olive Other').count()).toBe(0);
  expect(await page.getByText('Other Rep Co').count()).toBe(0);
  await shot(page, 'customers');

  // Keyboard: the customer opens from its link, and the 360 shows the credit breakdown and the "would it pass" check.
  await card.getByRole('button', { name: 'Nearly Full Ltd' }).focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('credit').waitFor();
  await page.getByLabel('Would an order of this amount pass credit?').fill('500.00');
  await page.getByRole('button', { name: 'Check' }).click();
  await expect(page.getByTestId('credit-check').textContent()).resolves.toMatch(/^No: it would exceed the credit limit/);
  // The timeline tells what happened, newest first: the confirmation, the limit, the creation.
  const timeline = page.getByTestId('timeline');
  await timeline.getByText(`Order ${order.number} confirmed`).waitFor();
  await expect(timeline.locator('li').allTextContents()).resolves.toEqual([
    expect.stringContaining(`Order ${order.number} confirmed, total `),
    expect.stringContaining('Credit limit changed from none to 1000.00'),
    expect.stringContaining('Customer Nearly Full Ltd created'),
  ]);
  await shot(page, 'customer-360');
  await page.close();
});

it('an order confirmed through the API by another user shows its alert on the open dashboard within 2 s, and a gateway restart loses none', async () => {
  const p = await createProduct(gw, crew.manager, { sku: 'WEB-2', unitPrice: '100.00', initialStock: 1000 });
  const c = await createCustomer(gw, crew.rep1, { name: 'Live Alert Co' }, { finance: crew.finance, limit: '1000.00' });
  const page = await browser.newPage();
  await signIn(page, 'rep1@t.tandem');
  await page.goto(`${base}#/alerts`);
  await expect(page.getByTestId('stream-status').textContent()).resolves.toBeDefined();
  await page
    .getByTestId('stream-status')
    .filter({ hasText: /^Live$/ })
    .waitFor();
  const before = await page.getByTestId('alert').count();

  // The manager confirms an order that takes the rep's customer to 90 % of its limit: CREDIT_WARNING for the rep.
  const created = await gw.gql(CreateOrderDocument, { input: { customerId: c.id, lines: [{ productId: p.id, quantity: 9 }] } }, crew.manager);
  const confirmedAt = Date.now();
  expect((await gw.gql(ConfirmOrderDocument, { id: created.createOrder.order!.id }, crew.manager)).confirmOrder.userErrors).toEqual([]);
  const alert = page.getByTestId('alert').filter({ hasText: 'Live Alert Co' });
  await alert.first().waitFor({ timeout: 2000 });
  expect(Date.now() - confirmedAt).toBeLessThan(2000);
  await page.getByTestId('toast').waitFor();
  expect(await page.getByTestId('alert').count()).toBe(before + 1);
  await shot(page, 'alerts');

  // Restart the gateway on the same port; alerts raised while it is down (through another instance) arrive once each.
  await gw.stop();
  const other = await startTestGateway({ ALERT_SCAN_INTERVAL_MS: '3600000' }, gw.databaseUrl);
  const holds = ['Hold one', 'Hold two'];
  for (const reason of holds) {
    await other.gql(PlaceCreditHoldDocument, { customerId: c.id, reason }, crew.finance);
    await other.gql(ReleaseCreditHoldDocument, { customerId: c.id }, crew.finance);
  }
  gw = await startTestGateway({ ALERT_SCAN_INTERVAL_MS: '3600000', PORT: port }, gw.databaseUrl);
  await other.stop();
  for (const reason of holds) await page.getByTestId('alert').filter({ hasText: reason }).first().waitFor({ timeout: 30_000 });
  await new Promise((r) => setTimeout(r, 500));
  const ids = await page.getByTestId('alert').evaluateAll((els) => els.map((e) => e.getAttribute('data-alert-id')));
  expect(new Set(ids).size).toBe(ids.length);
  for (const reason of holds) expect(await page.getByTestId('alert').filter({ hasText: reason }).count()).toBe(1);

  // Acknowledging updates the counters.
  const unacked = Number(await page.getByTestId('count-CREDIT_HOLD').locator('.count').textContent());
  await page.getByTestId('alert').filter({ hasText: 'Hold two' }).getByRole('button', { name: 'Acknowledge' }).click();
  await page
    .getByTestId('count-CREDIT_HOLD')
    .locator('.count')
    .filter({ hasText: new RegExp(`^${unacked - 1}$`) })
    .waitFor();
  await page.close();
});

it('the aging chart’s totals are the API’s, and the explorer runs Me', async () => {
  const p = await createProduct(gw, crew.manager, { sku: 'WEB-3', unitPrice: '10.00', initialStock: 1000 });
  const c = await createCustomer(gw, crew.rep1, { name: 'Aging Co' });
  await orderToInvoice(gw, crew, crew.rep1, c.id, [{ productId: p.id, quantity: 3 }]);
  const api = (await gw.gql(ReceivablesAgingDocument, {}, crew.finance)).receivablesAging!;

  const page = await browser.newPage();
  await signIn(page, 'finance@t.tandem');
  await page.goto(`${base}#/finance`);
  await page.getByTestId('aging-total').waitFor();
  const money = (v: string) => Number(v).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  await expect(page.getByTestId('aging-total').textContent()).resolves.toBe(money(api.total.total));
  for (const key of ['notDue', 'days1To30', 'days31To60', 'days61To90', 'over90'] as const) {
    await expect(page.getByTestId(`bucket-${key}`).locator('strong').textContent()).resolves.toBe(money(api.total[key]));
  }
  expect(await page.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);
  await shot(page, 'receivables');

  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${base}#/explorer`);
  // GraphiQL ignores a run until its editors are set up: press run until the answer shows (at most 15 s).
  const answer = page.locator('.result-window').getByText('finance@t.tandem');
  for (let i = 0; i < 15 && !(await answer.isVisible()); i++) {
    await page.locator('.graphiql-execute-button').click();
    await answer.waitFor({ timeout: 1000 }).catch(() => undefined);
  }
  if (!(await answer.isVisible())) throw new Error(`the explorer did not answer Me: ${problems.join('\n')}`);
  await shot(page, 'explorer');
  await page.close();
});

it('shows a figure the role may not read as such, never an error page', async () => {
  // SUPPORT reads customers and contacts with credit.status, not the credit figures.
  const page = await browser.newPage();
  await signIn(page, 'support@t.tandem');
  const card = page.getByTestId('contact').filter({ hasText: 'Wendy Warning' });
  await card.waitFor();
  await expect(card.locator('.badge').getAttribute('data-status')).resolves.toBe('WARNING');
  expect(await card.locator('.restricted').allTextContents()).toEqual(['not for your role', 'not for your role']);
  expect(await page.getByRole('alert').count()).toBe(0);
  expect(await page.getByRole('navigation', { name: 'Screens' }).getByRole('link').allTextContents()).toEqual(['Customers', 'Live alerts', 'Explorer']);
  await page.close();
});

it('at phone width everything fits one column, and a role sees only its screens', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await signIn(page, 'warehouse@t.tandem');
  const screens = await page.getByRole('navigation', { name: 'Screens' }).getByRole('link').allTextContents();
  expect(screens).toEqual(['Live alerts', 'Explorer']);
  await context.close();

  const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })).newPage();
  await signIn(phone, 'rep1@t.tandem');
  await phone.getByTestId('contact').first().waitFor();
  const layout = await phone.evaluate<{ overflow: number; columns: number }>(`({
    overflow: document.documentElement.scrollWidth - window.innerWidth,
    columns: getComputedStyle(document.querySelector('.cards')).gridTemplateColumns.split(' ').length,
  })`);
  expect(layout).toEqual({ overflow: 0, columns: 1 });
  await shot(phone, 'customers-phone');
  await phone.context().close();
});
