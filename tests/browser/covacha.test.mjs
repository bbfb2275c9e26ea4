// Browser tests: drive headless Chromium through the real app on a running Covacha host.
//   COVACHA_URL=http://127.0.0.1:8080 npm --prefix frontend run test:browser
// Screenshots go to <repo>/test-output/screenshots/. The admin screen is tested when an admin
// account is known: COVACHA_ADMIN_EMAIL / COVACHA_ADMIN_PASSWORD, or the dev host's bootstrap
// admin (Auth__BootstrapAdmin__Email / __Password, exported by ./covacha test). CHROMIUM_PATH
// overrides /usr/bin/chromium. Mail (verification, reset) is read from the SMTP sink's REST API at
// COVACHA_MAIL_URL (maildev, started by ./covacha test and ./covacha up).
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { checkA11y, eventually, need } from './support.mjs';

// playwright-core is installed with the frontend's dependencies; it never downloads a browser.
const require = createRequire(new URL('../../frontend/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const BASE = (process.env.COVACHA_URL ?? '').replace(/\/$/, '');
const MAIL = (process.env.COVACHA_MAIL_URL ?? '').replace(/\/$/, '');
const MAIL_DEADLINE_MS = 15_000; // mail is sent in the background
const SHOTS = fileURLToPath(new URL('../../test-output/screenshots/', import.meta.url));
const INDEX_DEADLINE_MS = 2000; // a new product is findable this soon
const UI_TIMEOUT_MS = 10_000; // ordinary page transitions

const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const letters = 'bcdfghjkmnpqrstvwxz';
const word = Array.from({ length: 9 }, () => letters[Math.floor(Math.random() * letters.length)]).join('');
// One substitution in the middle: a one-typo query for a word of 9 letters.
const typo = `${word.slice(0, 4)}${word[4] === 'a' ? 'e' : 'a'}${word.slice(5)}`;
const productName = `Lámpara ${word}`;
const xssName = '<img src=x onerror=alert(1)>';
const password = `pw-${run}-long enough!`;
const seller = { name: `Seller ${run}`, email: `seller-${run}@example.com` };
const other = { name: `Other ${run}`, email: `other-${run}@example.com` };
const leaver = { name: `Leaver ${run}`, email: `leaver-${run}@example.com` };
const leaverWord = Array.from({ length: 9 }, () => letters[Math.floor(Math.random() * letters.length)]).join('');

let browser;
let sellerCtx;
let page; // the seller's page, shared by the steps in order
const dialogs = [];
const cspViolations = [];
const pageErrors = [];
let productPath = null;
let xssPath = null;

async function newPage(ctx) {
  const p = await ctx.newPage();
  p.setDefaultTimeout(UI_TIMEOUT_MS);
  p.on('dialog', async (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    await d.dismiss();
  });
  p.on('console', (m) => {
    if (/Content.Security.Policy|Refused to/i.test(m.text())) cspViolations.push(m.text());
  });
  p.on('pageerror', (e) => pageErrors.push(String(e)));
  return p;
}

async function shot(p, name) {
  await p.screenshot({ path: `${SHOTS}${name}.png`, fullPage: true });
  await checkA11y(p, name);
}

/**
 * Reloads and waits until the page knows who is signed in (Log out or Log in shown), so the
 * session restore's token refresh has come back. Reloading again while that refresh is in flight
 * drops the rotated cookie, and the next load presents a spent token: reuse detection then ends
 * the session, as it must (docs/security.md).
 */
async function reloadSettled(p) {
  await p.reload();
  await p.getByRole('button', { name: 'Log out' }).or(p.getByRole('link', { name: 'Log in' }).first()).waitFor();
}

async function signUp(p, who) {
  await p.goto(`${BASE}/signup`);
  await p.getByLabel('Your name').fill(who.name);
  await p.getByLabel('Email').fill(who.email);
  await p.getByLabel('Password').fill(password);
  await p.getByRole('button', { name: 'Sign up' }).click();
  await p.waitForURL(`${BASE}/my/products`);
  await p.getByRole('button', { name: 'Log out' }).waitFor();
}

/** Waits for a mail to `to` whose subject matches, read from the SMTP sink, and returns it. */
async function mailTo(to, subject) {
  assert.ok(MAIL, 'Set COVACHA_MAIL_URL to the SMTP sink (maildev) web address, e.g. http://127.0.0.1:55080');
  let found = null;
  await eventually(
    async () => {
      const mails = await (await fetch(`${MAIL}/api/email`)).json();
      found = mails.find((m) => m.to.some((t) => t.address === to) && subject.test(m.subject)) ?? null;
      return found !== null;
    },
    MAIL_DEADLINE_MS,
    `a mail to ${to} about ${subject}`,
  );
  return found;
}

/** The link (with its token) in a mail's plain text. */
function linkIn(mail) {
  const match = /https?:\/\/\S+\?token=[A-Za-z0-9._%-]+/.exec(mail.text);
  assert.ok(match, `no link in "${mail.subject}"`);
  return match[0];
}

/** Follows the verification link mailed to `who`, in the page (signed in or not). */
async function verifyByMail(p, who) {
  const mail = await mailTo(who.email, /Confirm your email/);
  await p.goto(linkIn(mail));
  await p.getByText('Your email is confirmed.').waitFor();
}

async function createProduct(p, { name, price, category = 'home', description = '' }) {
  await p.goto(`${BASE}/my/products/new`);
  await p.getByLabel('Name').fill(name);
  await p.getByLabel('Description').fill(description);
  await p.getByLabel('Price').fill(String(price));
  await p.getByLabel('Category').selectOption(category);
  await p.getByLabel('Stock').fill('4');
  await p.getByRole('button', { name: 'Publish product' }).click();
  await p.getByText('Your product is published.').waitFor();
  return new URL(p.url()).pathname;
}

/** Opens the search with `q` typed into the box, and waits for a result link named `name`. */
async function findByTyping(p, q, name, deadlineMs) {
  await p.goto(`${BASE}/`);
  const box = p.getByRole('combobox', { name: 'Search products' });
  await box.waitFor();
  const started = Date.now();
  await box.fill(q);
  // The heading names the query whose results are on screen, so the link found is a hit for q.
  await p.getByRole('heading', { name: `for “${q}”` }).waitFor({ timeout: deadlineMs });
  await p.getByRole('link', { name, exact: true }).waitFor({ timeout: Math.max(1, deadlineMs - (Date.now() - started)) });
  return Date.now() - started;
}

describe('Covacha in a browser', { concurrency: false }, () => {
  before(async () => {
    assert.ok(BASE, 'Set COVACHA_URL to the base URL of a running Covacha dev host, e.g. http://127.0.0.1:8080');
    mkdirSync(SHOTS, { recursive: true });
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    });
    sellerCtx = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    page = await newPage(sellerCtx);
  });

  after(async () => {
    await browser?.close();
  });

  test('home page loads under the CSP and shows the search', async () => {
    await page.goto(`${BASE}/`);
    await page.getByRole('heading', { name: 'Find something good' }).waitFor();
    await page.getByRole('heading', { name: /results?|Search unavailable/ }).waitFor();
    await shot(page, '01-search-home');
    assert.deepEqual(cspViolations, []);
  });

  test('sign up, log out, log in', async () => {
    await page.goto(`${BASE}/signup`);
    await page.getByRole('heading', { name: 'Create your account' }).waitFor();
    await shot(page, '02-signup');
    await signUp(page, seller);

    // Not verified yet: publishing is refused, and the page says why.
    await page.goto(`${BASE}/my/products/new`);
    await page.getByLabel('Name').fill(`Too early ${word}`);
    await page.getByLabel('Description').fill('Before the email is confirmed.');
    await page.getByLabel('Price').fill('1000');
    await page.getByLabel('Category').selectOption('home');
    await page.getByLabel('Stock').fill('1');
    await page.getByRole('button', { name: 'Publish product' }).click();
    await page.getByText(/Confirm your email address before publishing/).first().waitFor();
    await page.goto(`${BASE}/account`);
    await page.getByText('(not confirmed yet)').waitFor();
    await shot(page, '03a-account-unverified');

    // The link from the real mail confirms it; the signed-in page may publish right away.
    await verifyByMail(page, seller);
    await shot(page, '03b-email-confirmed');
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('link', { name: 'Log in' }).first().waitFor();

    await page.goto(`${BASE}/login`);
    await page.getByLabel('Email').fill(seller.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('alert').getByText(/do not match/).waitFor();
    await shot(page, '03-login-error');
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(`${BASE}/`);
    await page.getByText(seller.name).waitFor();
  });

  test('create a product', async () => {
    await page.goto(`${BASE}/my/products/new`);
    await page.getByRole('heading', { name: 'New product' }).waitFor();
    await shot(page, '04-product-new');
    productPath = await createProduct(page, {
      name: productName,
      price: 85000,
      description: `A warm reading lamp (${run}).\nSecond line.`,
    });
    assert.match(productPath, /^\/products\/[^/]+$/);
    await page.getByRole('heading', { level: 1, name: productName }).waitFor();
    await page.getByText('$ 85.000').first().waitFor();
    // Published without an image: a drawing of its category stands in (no photo, no broken image).
    await page.getByRole('img', { name: 'Illustration: Home & Kitchen' }).waitFor();
    assert.equal(await page.locator('.product__media img').count(), 0, 'no <img> for a product without an image');
    await shot(page, '05-product-page-owner');
  });

  test(`find it by a prefix and by a one-typo query within ${INDEX_DEADLINE_MS} ms`, async () => {
    need(productPath, 'create a product');
    const prefix = word.slice(0, 5);
    const tPrefix = await findByTyping(page, prefix, productName, INDEX_DEADLINE_MS);
    assert.equal(new URL(page.url()).searchParams.get('q'), prefix, 'the query lives in the URL');
    await page.getByText('$ 85.000').first().waitFor();
    const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: productName, exact: true }) });
    await card.getByRole('img', { name: 'Illustration: Home & Kitchen' }).waitFor();
    assert.equal(await card.locator('img').count(), 0, 'the result shows the illustration, not an image');
    await shot(page, '06-search-prefix');
    const tTypo = await findByTyping(page, typo, productName, INDEX_DEADLINE_MS);
    console.log(`# found by prefix in ${tPrefix} ms, by one typo ("${typo}" for "${word}") in ${tTypo} ms`);

    // A shared link and back/forward restore the same search.
    await page.goto(`${BASE}/?q=${encodeURIComponent(prefix)}`);
    await page.getByRole('heading', { name: `for “${prefix}”` }).waitFor();
    await page.getByRole('link', { name: productName, exact: true }).waitFor();
    await page.getByRole('link', { name: productName, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: productName }).waitFor();
    await page.goBack();
    await page.getByRole('link', { name: productName, exact: true }).waitFor();
    assert.equal(await page.getByRole('combobox', { name: 'Search products' }).inputValue(), prefix);
  });

  test('suggestions offer it while typing', async () => {
    need(productPath, 'create a product');
    await page.goto(`${BASE}/`);
    const box = page.getByRole('combobox', { name: 'Search products' });
    await box.pressSequentially(word.slice(0, 6));
    const option = page.getByRole('option', { name: productName });
    await option.waitFor({ timeout: INDEX_DEADLINE_MS });
    await box.press('ArrowDown');
    await box.press('Enter');
    await page.waitForURL(`${BASE}${productPath}`);

    // What matched is marked in the suggestion, with one typo or no accents forgiven.
    await page.goto(`${BASE}/`);
    await box.pressSequentially(typo);
    const byTypo = page.getByRole('option', { name: productName });
    await byTypo.waitFor({ timeout: INDEX_DEADLINE_MS });
    assert.deepEqual(await byTypo.locator('mark').allTextContents(), [word]);
    await box.fill('');
    await box.pressSequentially(`lampara ${word.slice(0, 3)}`);
    const unaccented = page.getByRole('option', { name: productName });
    await unaccented.waitFor({ timeout: INDEX_DEADLINE_MS });
    assert.deepEqual(await unaccented.locator('mark').allTextContents(), ['Lámpara', word.slice(0, 3)]);
  });

  test('search history: typing replaces its entry, Enter and filters add one, Back and Forward move', async () => {
    need(productPath, 'create a product');
    const at = (qs) => `${BASE}/${qs ? `?${qs}` : ''}`;
    const box = page.getByRole('combobox', { name: 'Search products' });
    /** The page shows the search `qs`: its URL, its words in the box, and its results. */
    async function showing(qs) {
      await page.waitForURL(at(qs));
      const q = new URLSearchParams(qs).get('q') ?? '';
      assert.equal(await box.inputValue(), q);
      await page.getByRole('heading', { name: q ? `for “${q}”` : /results?$/ }).waitFor();
    }
    await page.goto(at(''));
    await showing('');
    const prefix = word.slice(0, 5);
    await box.pressSequentially(prefix, { delay: 40 });
    await showing(`q=${prefix}`);
    await box.press('Enter');
    await box.pressSequentially(word.slice(5), { delay: 40 });
    await showing(`q=${word}`);
    await page.getByRole('link', { name: productName, exact: true }).waitFor();
    await page.getByRole('radio', { name: /Home/ }).check();
    await showing(`q=${word}&category=home`);
    await page.getByLabel('Sort by').selectOption('newest');
    await showing(`q=${word}&category=home&sort=newest`);
    await page.getByRole('link', { name: productName, exact: true }).waitFor();

    // Every Back lands on the step before, and Forward retraces them: nothing was pushed again.
    const steps = ['', `q=${prefix}`, `q=${word}`, `q=${word}&category=home`, `q=${word}&category=home&sort=newest`];
    for (const qs of steps.slice(0, -1).reverse()) {
      await page.goBack();
      await showing(qs);
    }
    for (const qs of steps.slice(1)) {
      await page.goForward();
      await showing(qs);
    }

    // Enter right after pasting searches what is in the box, once.
    await page.goto(at(''));
    await showing('');
    await box.fill(word);
    await box.press('Enter');
    await showing(`q=${word}`);
    await page.getByRole('link', { name: productName, exact: true }).waitFor();
    await page.goBack();
    await showing('');
    await page.goForward();
    await showing(`q=${word}`);
  });

  test('edit its price; the search shows the new price', async () => {
    need(productPath, 'create a product');
    await page.goto(`${BASE}${productPath}`);
    await page.getByRole('link', { name: 'Edit' }).click();
    await page.getByRole('heading', { name: 'Edit product' }).waitFor();
    const price = page.getByLabel('Price');
    assert.equal(await price.inputValue(), '85.000', 'the saved price is shown the Colombian way');

    // An amount that reads two ways is refused beside the field, and nothing is sent.
    const puts = [];
    const onRequest = (r) => {
      if (r.method() === 'PUT' && r.url().includes('/api/products/')) puts.push(r.url());
    };
    page.on('request', onRequest);
    await price.fill('');
    await price.pressSequentially('1,200');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('“1,200” could mean 1.200 or 1,20. Write 1.200 or 1,20.').waitFor();
    assert.equal(await price.getAttribute('aria-invalid'), 'true');
    page.off('request', onRequest);
    assert.deepEqual(puts, [], 'a refused price sends no request');

    // Typed the Colombian way, the amount to be saved is shown before saving.
    await price.fill('');
    await price.pressSequentially('99.500,50');
    await page.getByText('Will be saved as $ 99.500,50').waitFor();
    await shot(page, '07-product-edit');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Your changes are saved.').waitFor();
    await page.getByText('$ 99.500,50').first().waitFor();

    await page.goto(`${BASE}/?q=${encodeURIComponent(word)}`);
    const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: productName, exact: true }) });
    await eventually(
      async () => {
        if ((await card.count()) === 1 && (await card.getByText('$ 99.500,50').count()) === 1) return true;
        await reloadSettled(page); // the read model catches up from events
        return false;
      },
      5000,
      'the search shows the new price',
    );
  });

  test('from My products through an edit: the way back, the message said once, the stock said once', async () => {
    need(productPath, 'create a product');
    await page.goto(`${BASE}/my/products`);
    await page.getByRole('link', { name: productName, exact: true }).click();
    await page.waitForURL(`${BASE}${productPath}`);
    await page.getByText('Only 4 left').waitFor();
    assert.equal(await page.getByText(/available|4 in stock/).count(), 0, 'stock is said once');
    await page.getByRole('link', { name: 'Edit' }).click();
    await page.getByRole('heading', { name: 'Edit product' }).waitFor();
    await page.getByLabel('Stock').fill('12');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Your changes are saved.').waitFor();
    await page.getByText('12 in stock').waitFor();

    // Said once: not again after a reload, nor on coming Back to the page.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: productName }).waitFor();
    await page.getByText('12 in stock').waitFor();
    assert.equal(await page.getByText('Your changes are saved.').count(), 0, 'no flash after a reload');
    await page.getByRole('link', { name: '← Back to My products' }).click();
    await page.waitForURL(`${BASE}/my/products`);
    await page.getByRole('heading', { name: 'My products' }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: productName }).waitFor();
    await page.getByRole('link', { name: '← Back to My products' }).waitFor();
    assert.equal(await page.getByText('Your changes are saved.').count(), 0, 'no flash after Back');
  });

  test('a visitor’s page load asks no token refresh, and a page past the last is explained in words', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    try {
      const p = await newPage(ctx);
      const refreshes = [];
      const failures = [];
      p.on('request', (r) => {
        if (r.url().includes('/api/auth/token/refresh')) refreshes.push(r.method());
      });
      p.on('console', (m) => {
        if (m.type() === 'error') failures.push(m.text());
      });
      await p.goto(`${BASE}/`);
      await p.getByRole('heading', { name: /results?$/ }).waitFor();
      await p.getByRole('link', { name: 'Log in' }).first().waitFor();
      await p.goto(`${BASE}/?q=${encodeURIComponent(word)}&page=99`);
      await p.getByText('That page is past the last one we show.').waitFor();
      assert.equal(await p.getByText(/malformed|page:|problems\//).count(), 0, 'no technical words');
      await p.getByRole('link', { name: 'Go to page 1' }).click();
      await p.getByRole('heading', { name: `for “${word}”` }).waitFor();
      assert.deepEqual(refreshes, [], 'no refresh request without a session');
      assert.deepEqual(failures, [], 'no errors in the console');
    } finally {
      await ctx.close();
    }
  });

  test('a product named like markup shows as text and runs nothing', async () => {
    xssPath = await createProduct(page, { name: xssName, price: 1, description: '<script>alert(2)</script>' });
    const title = page.getByRole('heading', { level: 1 });
    assert.equal(await title.textContent(), xssName);
    assert.equal(await page.locator('img[src="x"]').count(), 0);
    assert.equal(await page.getByText('<script>alert(2)</script>').count(), 1);
    await page.goto(`${BASE}/my/products`);
    await page.getByRole('link', { name: xssName, exact: true }).waitFor();
    assert.equal(await page.locator('img[src="x"]').count(), 0);
    await shot(page, '08-my-products');
    assert.deepEqual(dialogs, [], 'no dialog opened');
  });

  test('a second user cannot see edit controls', async () => {
    need(productPath, 'create a product');
    need(xssPath, 'a product named like markup shows as text and runs nothing');
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    try {
      const p2 = await newPage(ctx);
      await signUp(p2, other);
      for (const path of [productPath, xssPath]) {
        await p2.goto(`${BASE}${path}`);
        await p2.getByRole('heading', { level: 1 }).waitFor();
        await p2.getByText(other.name).waitFor(); // signed in
        assert.equal(await p2.getByRole('link', { name: 'Edit' }).count(), 0);
        assert.equal(await p2.getByRole('button', { name: 'Delete' }).count(), 0);
      }
      await shot(p2, '09-product-page-other-user');
      await p2.goto(`${BASE}${productPath}/edit`);
      await p2.getByRole('heading', { name: 'Not your product' }).waitFor();
    } finally {
      await ctx.close();
    }
  });

  test('the session survives a reload', async () => {
    await page.goto(`${BASE}/my/products`);
    await page.getByRole('heading', { name: 'My products' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'My products' }).waitFor();
    await page.getByText(seller.name).waitFor();
    assert.equal(new URL(page.url()).pathname, '/my/products');
  });

  test('without a session, a private page goes to log in and comes back after', async () => {
    await sellerCtx.clearCookies(); // the refresh cookie is the session
    await page.goto(`${BASE}/my/products?from=test`);
    await page.waitForURL(`${BASE}/login?next=${encodeURIComponent('/my/products?from=test')}`);
    await page.getByLabel('Email').fill(seller.email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(`${BASE}/my/products?from=test`);
    await page.getByRole('heading', { name: 'My products' }).waitFor();
  });

  test('delete it after confirming; it is gone', async () => {
    need(productPath, 'create a product');
    await page.goto(`${BASE}${productPath}`);
    await page.getByRole('button', { name: 'Delete' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete this product?' });
    await dialog.waitFor();
    await shot(page, '10-delete-confirm');
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await page.waitForURL(`${BASE}/my/products`);
    await page.getByText(`“${productName}” was deleted.`).waitFor();

    await page.goto(`${BASE}${productPath}`);
    await page.getByRole('heading', { name: 'Product not found' }).waitFor();
    await page.goto(`${BASE}/?q=${encodeURIComponent(word)}`);
    await eventually(
      async () => {
        if ((await page.getByText('No products match.').count()) === 1) return true;
        await reloadSettled(page);
        return false;
      },
      5000,
      'the deleted product leaves the search',
    );
    await shot(page, '11-search-empty');
  });

  test('forgot password: a mailed link resets it, and every old session ends', async () => {
    // The seller is signed in here (page); a second browser asks for the reset.
    const ctx = await browser.newContext();
    try {
      const p = await newPage(ctx);
      await p.goto(`${BASE}/login`);
      await p.getByRole('link', { name: 'Forgot password?' }).click();
      await p.getByRole('heading', { name: 'Forgot your password?' }).waitFor();
      await p.getByLabel('Email').fill(seller.email);
      await p.getByRole('button', { name: 'Send me a link' }).click();
      await p.getByText('Check your email.').waitFor();
      await shot(p, '12-forgot-sent');

      await p.goto(linkIn(await mailTo(seller.email, /Reset your Covacha password/)));
      await p.getByRole('heading', { name: 'Choose a new password' }).waitFor();
      await p.locator('input#password').fill(`${password} again`);
      await p.getByRole('button', { name: 'Save my new password' }).click();
      await p.getByText('Your password is changed.').waitFor();
      await shot(p, '13-reset-done');

      // The old session (the seller's page) is gone after a reload.
      await page.goto(`${BASE}/my/products`);
      await page.waitForURL(/\/login/);
      await page.getByLabel('Email').fill(seller.email);
      await page.getByLabel('Password').fill(`${password} again`);
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.waitForURL(`${BASE}/my/products`);
    } finally {
      await ctx.close();
    }
  });

  test('delete the account: its products leave the search', async () => {
    const ctx = await browser.newContext();
    try {
      const p = await newPage(ctx);
      await signUp(p, leaver);
      await verifyByMail(p, leaver);
      const name = `Silla ${leaverWord}`;
      await createProduct(p, { name, price: 42000, description: `Leaves with its owner (${run}).` });
      await findByTyping(p, leaverWord, name, 5000);

      await p.goto(`${BASE}/account`);
      await p.getByRole('heading', { name: 'Your account' }).waitFor();
      await shot(p, '14-account');
      await p.getByLabel('Password to confirm').fill(password);
      await p.getByRole('button', { name: 'Delete my account' }).click();
      await p.waitForURL(`${BASE}/`);
      await p.getByRole('link', { name: 'Log in' }).first().waitFor();

      await p.goto(`${BASE}/?q=${encodeURIComponent(leaverWord)}`);
      await eventually(
        async () => {
          if ((await p.getByText('No products match.').count()) === 1) return true;
          await reloadSettled(p);
          return false;
        },
        10_000,
        'the deleted account\'s product leaves the search',
      );
      await p.goto(`${BASE}/login`);
      await p.getByLabel('Email').fill(leaver.email);
      await p.getByLabel('Password').fill(password);
      await p.getByRole('button', { name: 'Log in' }).click();
      await p.getByRole('alert').getByText(/do not match/).waitFor();
    } finally {
      await ctx.close();
    }
  });

  test('usable at 375 px wide', async () => {
    need(xssPath, 'a product named like markup shows as text and runs nothing');
    const ctx = await browser.newContext({ viewport: { width: 375, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    try {
      const p = await newPage(ctx);
      await p.goto(`${BASE}${xssPath}`);
      await p.getByRole('heading', { level: 1 }).waitFor();
      const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `no horizontal scrolling (overflow ${overflow}px)`);
      await shot(p, '12-mobile-product');
      await p.goto(`${BASE}/?q=img`);
      await p.getByRole('heading', { name: /results?/ }).waitFor();
      await p.getByRole('button', { name: /^Filters/ }).click();
      await p.getByRole('radio', { name: /All categories/ }).waitFor();
      await shot(p, '13-mobile-search-filters');
      await p.getByRole('button', { name: 'Menu' }).click();
      await p.getByRole('link', { name: 'Log in' }).waitFor();
      await shot(p, '14-mobile-menu');
    } finally {
      await ctx.close();
    }
  });

  test('admin screen (when an admin account is given)', async (t) => {
    const email = process.env.COVACHA_ADMIN_EMAIL ?? process.env.Auth__BootstrapAdmin__Email;
    const adminPassword = process.env.COVACHA_ADMIN_PASSWORD ?? process.env.Auth__BootstrapAdmin__Password;
    if (!email || !adminPassword) {
      t.skip('no admin account: set COVACHA_ADMIN_EMAIL and COVACHA_ADMIN_PASSWORD');
      return;
    }
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    try {
      const p = await newPage(ctx);
      await p.goto(`${BASE}/login?next=%2Fadmin`);
      await p.getByLabel('Email').fill(email);
      await p.getByLabel('Password').fill(adminPassword);
      await p.getByRole('button', { name: 'Log in' }).click();
      await p.getByRole('heading', { name: 'Users and roles' }).waitFor();
      await p.getByRole('rowheader').first().waitFor();
      await p.getByRole('button', { name: 'Reindex now' }).click();
      await p.getByText('Completed', { exact: true }).waitFor({ timeout: 60_000 });
      assert.equal(await p.getByText('The last reindex failed.').count(), 0);
      await shot(p, '15-admin');
    } finally {
      await ctx.close();
    }
  });

  test('no CSP violations, page errors or dialogs along the way', async () => {
    assert.deepEqual(cspViolations, []);
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(dialogs, []);
    if (!xssPath) return; // nothing to clean up
    await page.goto(`${BASE}${xssPath}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await page.waitForURL(`${BASE}/my/products`);
    assert.deepEqual(cspViolations, []);
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(dialogs, []);
  });
});
