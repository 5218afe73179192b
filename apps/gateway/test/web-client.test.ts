import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { ConfirmOrderDocument, CreateOrderDocument, PlaceCreditHoldDocument, ReceivablesAgingDocument, ReleaseCreditHoldDocument } from '@tandem/client';
import { WEB_DIR } from '../src/http/web-app';
import { DEMO_PASSWORD } from '../src/seed/demo-seed';
import { createContact, createCrew, createCustomer, createOrder, createProduct, orderToInvoice, type Crew } from './support/fixtures';
import { startTestGateway, type TestGateway } from './support/test-app';

/**
 * The web client in a real browser (Debian's Chromium through playwright-core)
 * against a real gateway serving the built app on its own port: a rep's
 * credit badges and what it may not see (in the list and in a customer 360),
 * a live alert without reload, no alert lost across a gateway restart, the
 * aging chart's totals, the explorer, signing in and moving between screens
 * by keyboard alone, and every screen at phone width. UPDATE_SCREENSHOTS=1
 * also takes the pictures in docs/screenshots, of the demo company.
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

beforeAll(async () => {
  ensureChromium();
  if (!existsSync(resolve(WEB_DIR, 'index.html'))) throw new Error(`The web client is not built at ${WEB_DIR}: npm test builds it (npm run build:web).`);
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

async function signIn(page: Page, email: string, { at = base, password = 'crew-password' } = {}) {
  await page.goto(at);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Screens' }).waitFor();
}

/** The focused element, described for a failure message, and whether its focus ring is drawn (`:focus-visible` with a real outline). */
const FOCUS = `(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return { at: 'body', ring: false };
  const style = getComputedStyle(el);
  const ring = el.matches(':focus-visible') && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  return { at: el.tagName.toLowerCase() + ' "' + ((el.getAttribute('aria-label') || el.textContent || el.id || '').trim().slice(0, 40)) + '"', ring };
})()`;

/**
 * Presses Tab (or Shift+Tab) until `target` has the focus, at most `max` times,
 * checking that every element the focus passes shows a visible focus ring.
 */
async function tabTo(page: Page, target: Locator, { back = false, max = 40 } = {}) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const focus = await page.evaluate<{ at: string; ring: boolean }>(FOCUS);
    expect(focus).toEqual({ at: focus.at, ring: true });
    if (await target.evaluate((el) => el.matches(':focus'))) return;
  }
  throw new Error(`${max} presses of ${back ? 'Shift+Tab' : 'Tab'} did not reach ${String(target)}`);
}

/** Signs in with the keyboard alone: Tab to each field, type, Enter. */
async function signInByKeyboard(page: Page, email: string) {
  await page.goto(base);
  await page.getByLabel('E-mail').waitFor();
  await tabTo(page, page.getByLabel('E-mail'));
  await page.keyboard.type(email);
  await tabTo(page, page.getByLabel('Password'));
  await page.keyboard.type('crew-password');
  await page.keyboard.press('Enter');
  await page.getByRole('navigation', { name: 'Screens' }).waitFor();
}

/**
 * One screen at phone width: nothing wider than the screen (no sideways
 * scroll, no table scrolling sideways in its box), the screen's main blocks
 * (`blocks`, a selector) one under another, and every control of the page
 * inside the screen's width (or in a box that scrolls), where a thumb can reach it.
 */
/**
 * Runs the explorer's open operation (Me) until its answer names `email`. GraphiQL ignores a run until its
 * editors are set up, so the run button is pressed again each second, at most 15 times. True when it answered.
 */
async function runInExplorer(page: Page, email: string, press: 'click' | 'tap' = 'click'): Promise<boolean> {
  const answer = page.locator('.result-window').getByText(email);
  for (let i = 0; i < 15 && !(await answer.isVisible()); i++) {
    await page.locator('.graphiql-execute-button')[press]();
    await answer.waitFor({ timeout: 1000 }).catch(() => undefined);
  }
  return answer.isVisible();
}

async function expectPhoneLayout(page: Page, blocks: string) {
  const layout = await page.evaluate<{ overflow: number; blocks: number; besidePrevious: string[]; cutOff: string[]; wideTables: number }>(`(() => {
    const width = window.innerWidth;
    const shown = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden'; };
    // Inside a box that clips or scrolls sideways (a strip of tabs, an editor's hidden input), the box is what must fit.
    const inBox = (el) => { for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') return true; return false; };
    const name = (el) => el.tagName.toLowerCase() + '.' + [...el.classList].join('.') + ' "' + (el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 30) + '"';
    const list = [...document.querySelectorAll(${JSON.stringify(blocks)})].filter(shown);
    return {
      overflow: document.documentElement.scrollWidth - width,
      blocks: list.length,
      besidePrevious: list.slice(1).filter((el, i) => el.getBoundingClientRect().top < list[i].getBoundingClientRect().bottom - 1).map(name),
      cutOff: [...document.querySelectorAll('a[href], button, input, select, textarea')].filter(shown)
        .filter((el) => { const r = el.getBoundingClientRect(); return (r.left < -1 || r.right > width + 1) && !inBox(el); }).map(name),
      wideTables: [...document.querySelectorAll('.table-wrap')].filter((el) => el.scrollWidth > el.clientWidth + 1).length,
    };
  })()`);
  expect(layout).toEqual({ overflow: 0, blocks: layout.blocks, besidePrevious: [], cutOff: [], wideTables: 0 });
  expect(layout.blocks).toBeGreaterThan(1);
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

  // Keyboard alone, every focus drawn: sign in, open a customer from the list, go to Receivables, skip to its content.
  const page = await browser.newPage();
  await signInByKeyboard(page, 'finance@t.tandem');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await tabTo(page, skip);
  expect((await skip.boundingBox())?.y).toBeGreaterThanOrEqual(0); // on screen once focused
  await tabTo(page, page.getByTestId('contact').filter({ hasText: 'Wendy Warning' }).getByRole('button', { name: 'Nearly Full Ltd' }), { max: 80 });
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: /^Nearly Full Ltd/ }).waitFor();
  await page.getByTestId('credit').waitFor();
  const nav = page.getByRole('navigation', { name: 'Screens' });
  await tabTo(page, nav.getByRole('link', { name: 'Receivables' }), { back: true });
  await page.keyboard.press('Enter');
  await page.getByTestId('aging-total').waitFor();
  expect(new URL(page.url()).hash).toBe('#/finance');
  await tabTo(page, skip, { back: true });
  await page.keyboard.press('Enter');
  // The skip link moves the focus into the screen and stays on it (it is not a route).
  await expect(page.evaluate('document.activeElement && document.activeElement.id')).resolves.toBe('main');
  expect(new URL(page.url()).hash).toBe('#/finance');
  await tabTo(page, page.getByLabel('As of'), { max: 1 });

  const money = (v: string) => Number(v).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  await expect(page.getByTestId('aging-total').textContent()).resolves.toBe(money(api.total.total));
  for (const key of ['notDue', 'days1To30', 'days31To60', 'days61To90', 'over90'] as const) {
    await expect(page.getByTestId(`bucket-${key}`).locator('strong').textContent()).resolves.toBe(money(api.total[key]));
  }
  expect(await page.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);

  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  await tabTo(page, nav.getByRole('link', { name: 'Explorer' }), { back: true });
  await page.keyboard.press('Enter');
  if (!(await runInExplorer(page, 'finance@t.tandem'))) throw new Error(`the explorer did not answer Me: ${problems.join('\n')}`);
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

  // Its customer 360: orders, invoices, deals and the credit figures are FORBIDDEN for SUPPORT; each says so in its place, the rest is there.
  await card.getByRole('button', { name: 'Nearly Full Ltd' }).click();
  await page.getByRole('heading', { name: /^Nearly Full Ltd/ }).waitFor();
  expect(await page.getByRole('alert').allTextContents()).toEqual([]);
  const panel = (name: string) => page.getByRole('region', { name, exact: true });
  for (const name of ['Orders', 'Open invoices', 'Opportunities']) {
    expect(await panel(name).locator('.restricted').allTextContents()).toEqual(['not for your role']);
    expect(await panel(name).locator('table').count()).toBe(0);
  }
  const figures = await panel('Credit').locator('dd').allTextContents();
  expect(figures).toEqual(Array(8).fill('not for your role'));
  expect(await page.locator('h1 .badge').getAttribute('data-status')).toBe('WARNING');
  await expect(panel('Contacts').textContent()).resolves.toContain('Wendy Warning');
  expect(await page.getByLabel('Would an order of this amount pass credit?').count()).toBe(0);
  expect(await page.getByText('No such customer').count()).toBe(0);
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

  // Customer 360: the panels and the timeline one under another; the credit check works by touch.
  await phone.getByTestId('contact').filter({ hasText: 'Wendy Warning' }).getByRole('button', { name: 'Nearly Full Ltd' }).tap();
  await phone.getByTestId('timeline').getByText('Customer Nearly Full Ltd created').waitFor();
  await expectPhoneLayout(phone, 'main .panel');
  await phone.getByLabel('Would an order of this amount pass credit?').fill('100.00');
  await phone.getByRole('button', { name: 'Check' }).tap();
  await expect(phone.getByTestId('credit-check').textContent()).resolves.toMatch(/^Yes: it would pass/);

  // The alerts, the receivables and the explorer, reached from the menu by touch.
  const menu = phone.getByRole('navigation', { name: 'Screens' });
  await menu.getByRole('link', { name: 'Live alerts' }).tap();
  await phone.getByTestId('alert').first().waitFor();
  await expectPhoneLayout(phone, 'main .counters, main .feed > li');

  await menu.getByRole('link', { name: 'Receivables' }).tap();
  await phone.locator('.recharts-bar-rectangle').first().waitFor();
  await expectPhoneLayout(phone, 'main section > .row, main > section > p, main .chart, main .table-wrap');

  await menu.getByRole('link', { name: 'Explorer' }).tap();
  expect(await runInExplorer(phone, 'rep1@t.tandem', 'tap')).toBe(true);
  await expectPhoneLayout(phone, '.graphiql-editors, .graphiql-response');
  await phone.context().close();
});

/** The README's pictures: the demo company (what `npm start` shows), only with UPDATE_SCREENSHOTS=1. */
(SCREENSHOTS ? it : it.skip)(
  'takes the pictures in docs/screenshots from the demo company',
  async () => {
    const dir = SCREENSHOTS!;
    mkdirSync(dir, { recursive: true });
    const demo = await startTestGateway({ SEED_DEMO: '1', ALERT_SCAN_INTERVAL_MS: '3600000' });
    const at = demo.url.replace('/graphql', '/');
    const shot = (page: Page, name: string) => page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await signIn(page, 'rep1@demo.tandem', { at, password: DEMO_PASSWORD });
      await page.getByTestId('contact').first().waitFor();
      await shot(page, 'customers');
      // The rep's customer nearest trouble, for the 360.
      const cards = page.getByTestId('contact');
      const statuses = await cards.locator('.badge').allTextContents();
      const worst = ['On hold', 'Over limit', 'Warning'].find((b) => statuses.includes(b));
      await cards
        .nth(worst ? statuses.indexOf(worst) : 0)
        .locator('button.link')
        .click();
      await page.getByTestId('timeline').locator('li').first().waitFor();
      await shot(page, 'customer-360');
      await page.getByRole('link', { name: 'Live alerts' }).click();
      await page
        .getByTestId('stream-status')
        .filter({ hasText: /^Live$/ })
        .waitFor();
      await shot(page, 'alerts');
      await page.close();

      const finance = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await signIn(finance, 'finance@demo.tandem', { at, password: DEMO_PASSWORD });
      await finance.getByRole('link', { name: 'Receivables' }).click();
      await finance.locator('.recharts-bar-rectangle').first().waitFor();
      await shot(finance, 'receivables');
      await finance.getByRole('link', { name: 'Explorer' }).click();
      await runInExplorer(finance, 'finance@demo.tandem');
      await shot(finance, 'explorer');
      await finance.close();

      const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })).newPage();
      await signIn(phone, 'rep1@demo.tandem', { at, password: DEMO_PASSWORD });
      await phone.getByTestId('contact').first().waitFor();
      await shot(phone, 'customers-phone');
      await phone.context().close();
    } finally {
      await demo.stop();
    }
  },
  300_000,
);
