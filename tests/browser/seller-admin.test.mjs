// Browser tests of sellers and administration, on a running Covacha host, as people act:
// the first visitor of an empty catalogue is invited to list something; a visitor finds a product's seller and their other products; an admin finds a user by email,
// is asked before a role change, suspends and reactivates them, and takes a product down.
//   COVACHA_URL=... COVACHA_MAIL_URL=... npm --prefix frontend run test:browser
// Needs the admin account (COVACHA_ADMIN_EMAIL / COVACHA_ADMIN_PASSWORD, or the dev host's
// Auth__BootstrapAdmin__Email / __Password that ./covacha test exports); skipped without one.
// Writes screenshots to test-output/screenshots/ (never into docs/: tests leave the checkout as it was).
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { eventually } from './support.mjs';

const require = createRequire(new URL('../../frontend/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const BASE = (process.env.COVACHA_URL ?? '').replace(/\/$/, '');
const MAIL = (process.env.COVACHA_MAIL_URL ?? '').replace(/\/$/, '');
const SHOTS = fileURLToPath(new URL('../../test-output/screenshots/', import.meta.url));
const ADMIN = {
  email: process.env.COVACHA_ADMIN_EMAIL ?? process.env.Auth__BootstrapAdmin__Email,
  password: process.env.COVACHA_ADMIN_PASSWORD ?? process.env.Auth__BootstrapAdmin__Password,
};
const UI_TIMEOUT_MS = 10_000;
const INDEX_DEADLINE_MS = 5000;

const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const letters = 'bcdfghjkmnpqrstvwxz';
const word = Array.from({ length: 9 }, () => letters[Math.floor(Math.random() * letters.length)]).join('');
const password = `pw-${run}-long enough!`;
const seller = { name: `Tienda ${run}`, email: `tienda-${run}@example.com` };
const pageErrors = [];

let browser;
let sellerPage;
let adminPage;
const productPaths = [];

async function newPage(ctx) {
  const p = await ctx.newPage();
  p.setDefaultTimeout(UI_TIMEOUT_MS);
  p.on('pageerror', (e) => pageErrors.push(String(e)));
  return p;
}

async function verifyByMail(p, who) {
  assert.ok(MAIL, 'Set COVACHA_MAIL_URL to the SMTP sink (maildev) web address');
  let mail = null;
  await eventually(
    async () => {
      const mails = await (await fetch(`${MAIL}/api/email`)).json();
      mail = mails.find((m) => m.to.some((t) => t.address === who.email) && /Confirm your email/.test(m.subject)) ?? null;
      return mail !== null;
    },
    15_000,
    `the verification mail to ${who.email}`,
  );
  const link = /https?:\/\/\S+\?token=[A-Za-z0-9._%-]+/.exec(mail.text);
  assert.ok(link, 'no link in the verification mail');
  await p.goto(link[0]);
  await p.getByText('Your email is confirmed.').waitFor();
}

async function logIn(p, who, next = '/') {
  await p.goto(`${BASE}/login?next=${encodeURIComponent(next)}`);
  await p.getByLabel('Email').fill(who.email);
  await p.getByLabel('Password').fill(who.password);
  await p.getByRole('button', { name: 'Log in' }).click();
}

async function publish(p, name, price) {
  await p.goto(`${BASE}/my/products/new`);
  await p.getByLabel('Name').fill(name);
  await p.getByLabel('Description').fill(`Hecho a mano, ${word}.`);
  await p.getByLabel('Price').fill(String(price));
  await p.getByLabel('Category').selectOption('home');
  await p.getByLabel('Stock').fill('2');
  await p.getByRole('button', { name: 'Publish product' }).click();
  await p.getByText('Your product is published.').waitFor();
  return new URL(p.url()).pathname;
}

/** The admin's row for the seller, found by typing part of the email into the admin page. */
async function sellerRow(p) {
  await p.getByRole('searchbox', { name: 'Find by email' }).fill(`tienda-${run}@`);
  await p.getByRole('button', { name: 'Find' }).click();
  const row = p.getByRole('row').filter({ has: p.getByRole('rowheader', { name: seller.name }) });
  await row.waitFor();
  await eventually(async () => (await p.getByRole('rowheader').count()) === 1, UI_TIMEOUT_MS, 'only the seller listed');
  return row;
}

describe('Sellers and administration in a browser', { concurrency: false }, () => {
  before(async () => {
    assert.ok(BASE, 'Set COVACHA_URL to the base URL of a running Covacha host');
    mkdirSync(SHOTS, { recursive: true });
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    sellerPage = await newPage(await browser.newContext({ viewport: { width: 1280, height: 860 } }));
    adminPage = await newPage(await browser.newContext({ viewport: { width: 1280, height: 860 } }));
  });

  after(async () => {
    await browser?.close();
  });

  test('an empty catalogue says nothing is for sale yet and invites the first listing', async (t) => {
    // Runs first on the fresh databases of ./covacha test; a host that already has products skips it.
    const found = await (await fetch(`${BASE}/api/search?pageSize=1`)).json();
    if (found.total > 0) return t.skip('the catalogue already has products');
    const p = await newPage(await browser.newContext());
    await p.goto(`${BASE}/`);
    await p.getByText('Nothing is for sale yet.').waitFor();
    assert.equal(await p.getByText('No products match.').count(), 0);
    await p.getByRole('link', { name: 'List the first product' }).click();
    await p.waitForURL((u) => u.pathname === '/login'); // publishing needs an account: log in first, then the form
    assert.equal(new URL(p.url()).searchParams.get('next'), '/my/products/new');
  });

  test('an unknown address shows "Page not found" with status 404; a known one answers 200', async () => {
    const p = await newPage(await browser.newContext());
    const missing = await p.goto(`${BASE}/no-such-page-${run}`);
    assert.equal(missing.status(), 404);
    await p.getByRole('heading', { name: /not found/i }).waitFor();
    const known = await p.goto(`${BASE}/login`);
    assert.equal(known.status(), 200);
  });

  test('a seller publishes two products', async () => {
    await sellerPage.goto(`${BASE}/signup`);
    await sellerPage.getByLabel('Your name').fill(seller.name);
    await sellerPage.getByLabel('Email').fill(seller.email);
    await sellerPage.getByLabel('Password').fill(password);
    await sellerPage.getByRole('button', { name: 'Sign up' }).click();
    await sellerPage.waitForURL(`${BASE}/my/products`);
    await verifyByMail(sellerPage, seller);
    productPaths.push(await publish(sellerPage, `Mochila tejida ${word}`, 120000));
    productPaths.push(await publish(sellerPage, `Hamaca ${word}`, 250000));
  });

  test("a visitor sees who sells a product and reaches the seller's other products", async () => {
    assert.equal(productPaths.length, 2, 'needs the products of the step before');
    const p = await newPage(await browser.newContext({ viewport: { width: 1280, height: 860 } }));
    await p.goto(`${BASE}${productPaths[0]}`);
    const card = p.getByRole('region', { name: 'Seller' });
    await card.getByRole('link', { name: seller.name }).waitFor();
    await card.getByText(/^On Covacha since \d{1,2} de [a-z]+ de \d{4}$/).waitFor();
    await card.getByRole('link', { name: 'More from this seller' }).click();
    await p.getByRole('heading', { level: 1, name: seller.name }).waitFor();
    const list = p.getByRole('list', { name: `Products from ${seller.name}` });
    await list.getByRole('link', { name: `Hamaca ${word}` }).waitFor();
    await list.getByRole('link', { name: `Mochila tejida ${word}` }).waitFor();
    await p.screenshot({ path: `${SHOTS}20-seller-page.png`, fullPage: true });
  });

  test('the admin finds the seller by email and is asked before a role change', async (t) => {
    if (!ADMIN.email || !ADMIN.password) return t.skip('no admin account');
    await logIn(adminPage, ADMIN, '/admin');
    await adminPage.getByRole('heading', { name: 'Users and roles' }).waitFor();
    const row = await sellerRow(adminPage);
    await row.getByRole('combobox', { name: `Role of ${seller.name}` }).selectOption('admin');
    const ask = adminPage.getByRole('dialog', { name: `Make ${seller.name} an admin?` });
    await ask.waitFor();
    await ask.getByRole('button', { name: 'Cancel' }).click();
    assert.equal(await row.getByRole('combobox', { name: `Role of ${seller.name}` }).inputValue(), 'user');
    await adminPage.screenshot({ path: `${SHOTS}21-admin.png`, fullPage: true });
  });

  test('a suspended seller is logged out at once and told why at the next login; reactivated, they log in', async (t) => {
    if (!ADMIN.email || !ADMIN.password) return t.skip('no admin account');
    const row = await sellerRow(adminPage);
    await row.getByRole('button', { name: `Suspend ${seller.name}` }).click();
    await adminPage.getByRole('dialog', { name: `Suspend ${seller.name}?` }).getByRole('button', { name: 'Suspend' }).click();
    await adminPage.getByText(`${seller.name} is suspended`, { exact: false }).waitFor();
    await row.getByText('Suspended', { exact: true }).waitFor();

    // The seller's session ended: a reload finds them logged out.
    await sellerPage.goto(`${BASE}/my/products`);
    await sellerPage.waitForURL((u) => u.pathname === '/login');
    await logIn(sellerPage, { email: seller.email, password }, '/my/products');
    await sellerPage.getByText(/suspended by an administrator/).waitFor();

    // Their products stay listed meanwhile.
    const visitor = await newPage(await browser.newContext());
    const still = await visitor.goto(`${BASE}${productPaths[1]}`);
    assert.equal(still.status(), 200);
    await visitor.getByRole('heading', { level: 1, name: `Hamaca ${word}` }).waitFor();

    await row.getByRole('button', { name: `Reactivate ${seller.name}` }).click();
    await adminPage.getByRole('dialog', { name: `Reactivate ${seller.name}?` }).getByRole('button', { name: 'Reactivate' }).click();
    await adminPage.getByText(`${seller.name} is active again and may log in.`).waitFor();
    await logIn(sellerPage, { email: seller.email, password }, '/my/products');
    await sellerPage.getByRole('heading', { name: 'My products' }).waitFor();
  });

  test('the admin takes a product down: it leaves search, and its seller sees why and cannot edit it', async (t) => {
    if (!ADMIN.email || !ADMIN.password) return t.skip('no admin account');
    await adminPage.goto(`${BASE}${productPaths[1]}`);
    await adminPage.getByRole('button', { name: 'Take down' }).click();
    const dialog = adminPage.getByRole('dialog', { name: 'Take this product down?' });
    await dialog.getByLabel('Reason (the seller reads this)').fill('Foto de otro vendedor.');
    await dialog.getByRole('button', { name: 'Take down' }).click();
    await adminPage.getByText('Taken down by an administrator').waitFor();

    const visitor = await newPage(await browser.newContext());
    await eventually(
      async () => (await (await fetch(`${BASE}/api/search?q=hamaca%20${word}`)).json()).total === 0,
      INDEX_DEADLINE_MS,
      'the taken-down product to leave search',
    );
    const gone = await visitor.goto(`${BASE}${productPaths[1]}`);
    assert.equal(gone.status(), 200); // the app's route; the app itself says the product is not there
    await visitor.getByRole('heading', { name: 'Product not found' }).waitFor();

    await sellerPage.goto(`${BASE}/my/products`);
    const item = sellerPage.getByRole('listitem').filter({ hasText: `Hamaca ${word}` });
    await item.getByText('Taken down', { exact: true }).waitFor();
    await item.getByText(/Foto de otro vendedor\./).waitFor();
    assert.equal(await item.getByRole('link', { name: `Edit Hamaca ${word}` }).count(), 0);
    await sellerPage.goto(`${BASE}${productPaths[1]}`);
    await sellerPage.getByText('Taken down by an administrator').waitFor();
    assert.equal(await sellerPage.getByRole('link', { name: 'Edit' }).count(), 0);
  });

  test('no page errors along the way', () => {
    assert.deepEqual(pageErrors, []);
  });
});
