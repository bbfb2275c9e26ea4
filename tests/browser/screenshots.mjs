// Regenerates the README's screenshots (docs/screenshots/*.png) from a running Covacha, in Debian's
// Chromium through playwright-core, 1280 px wide. Not part of ./covacha test.
//   ./covacha up                      # in another terminal
//   node tests/browser/screenshots.mjs
// COVACHA_URL (default http://127.0.0.1:8080) names the running host. The product form is shown
// signed in as COVACHA_EMAIL / COVACHA_PASSWORD, else the demo account that ./covacha up prints
// (read from .covacha/accounts.env). An empty catalogue gets a few products from that account
// first, so the search and product pages have something to show. CHROMIUM_PATH overrides
// /usr/bin/chromium.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(new URL('../../frontend/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const BASE = (process.env.COVACHA_URL ?? 'http://127.0.0.1:8080').replace(/\/$/, '');
const OUT = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const ACCOUNTS = fileURLToPath(new URL('../../.covacha/accounts.env', import.meta.url));
const VIEWPORT = { width: 1280, height: 900 };

function account() {
  if (process.env.COVACHA_EMAIL && process.env.COVACHA_PASSWORD) {
    return { email: process.env.COVACHA_EMAIL, password: process.env.COVACHA_PASSWORD };
  }
  if (!existsSync(ACCOUNTS)) throw new Error(`Set COVACHA_EMAIL and COVACHA_PASSWORD, or run ./covacha up once (it writes ${ACCOUNTS}).`);
  const env = Object.fromEntries(
    readFileSync(ACCOUNTS, 'utf8')
      .split('\n')
      .map((l) => /^([A-Z_]+)=(.*)$/.exec(l))
      .filter(Boolean)
      .map((m) => [m[1], m[2]]),
  );
  return { email: env.DEMO_EMAIL, password: env.DEMO_PASSWORD };
}

async function api(path, { method = 'GET', token, body } = {}) {
  const res = await fetch(`${BASE}${path}`, {
    method,
    headers: { Accept: 'application/json', ...(body ? { 'Content-Type': 'application/json' } : {}), ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

const SAMPLES = [
  { name: 'Cámara réflex Canon EOS 2000D', description: 'Con lente 18-55 mm, batería y cargador. Poco uso.', price: 1850000, category: 'electronics', stock: 3 },
  { name: 'Bicicleta de ruta aluminio talla M', description: 'Grupo Shimano Claris, 16 velocidades.', price: 2350000, category: 'sports', stock: 1 },
  { name: 'Café de Colombia en grano, 500 g', description: 'Tostión media, origen Huila.', price: 32000, category: 'grocery', stock: 40 },
  { name: 'Lámpara de escritorio LED', description: 'Luz cálida regulable, brazo articulado.', price: 89900, category: 'home', stock: 7 },
];

/** A catalogue with nothing in it gets the samples, so the pages have something to show. */
async function ensureCatalogue(who) {
  const found = await api('/api/search?pageSize=1');
  if (found.total > 0) return;
  const { accessToken } = await api('/api/auth/token', { method: 'POST', body: who });
  for (const p of SAMPLES) {
    await api('/api/products', { method: 'POST', token: accessToken, body: { ...p, currency: 'COP', imageUrl: null } });
  }
  const deadline = Date.now() + 10_000;
  while ((await api('/api/search?pageSize=1')).total === 0) {
    if (Date.now() > deadline) throw new Error('the new products did not reach the search within 10 s');
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function main() {
  const who = account();
  await ensureCatalogue(who);
  mkdirSync(OUT, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const ctx = await browser.newContext({ viewport: VIEWPORT, locale: 'es-CO' });
    const page = await ctx.newPage();

    // The search page.
    await page.goto(`${BASE}/`);
    await page.getByRole('heading', { name: /results?$/ }).waitFor();
    await page.locator('.result').first().waitFor();
    await page.screenshot({ path: `${OUT}search.png` });

    // A product page, opened from the search (its back-link returns there).
    await page.locator('.result a').first().click();
    await page.locator('.product__name').waitFor();
    await page.screenshot({ path: `${OUT}product.png` });

    // The product form with a COP price being typed: the amount to be saved shows before saving.
    await page.goto(`${BASE}/login`);
    await page.getByLabel('Email').fill(who.email);
    await page.getByLabel('Password').fill(who.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.goto(`${BASE}/my/products/new`);
    await page.getByLabel('Name').fill('Portátil Lenovo IdeaPad 5, 16 GB');
    await page.getByLabel('Description').fill('Ryzen 7, SSD de 512 GB, pantalla de 14". Con cargador original.');
    await page.getByLabel('Category').selectOption('electronics');
    await page.getByLabel('Price').pressSequentially('3.500.000,50');
    await page.getByText('Will be saved as $ 3.500.000,50').waitFor();
    await page.screenshot({ path: `${OUT}product-form-cop.png` });
    console.log(`screenshots written to ${OUT}: search.png, product.png, product-form-cop.png`);
  } finally {
    await browser.close();
  }
}

main().catch((err) => {
  console.error(err.message ?? err);
  process.exit(1);
});
