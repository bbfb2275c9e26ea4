// Regenerates the README's screenshots (docs/screenshots/*.png) from a running Covacha, in Debian's
// Chromium through playwright-core, 1280 px wide, as a Colombian browser (es-CO) sees it. Not part
// of ./covacha test.
//   ./covacha up                      # in another terminal; it fills an empty catalogue with the demo products
//   node tests/browser/screenshots.mjs
// COVACHA_URL (default http://127.0.0.1:8080) names the running host. The product form is shown
// signed in as the demo account and the admin page as the admin account that ./covacha up prints
// (read from .covacha/accounts.env; COVACHA_EMAIL / COVACHA_PASSWORD and COVACHA_ADMIN_EMAIL /
// COVACHA_ADMIN_PASSWORD override them). CHROMIUM_PATH overrides /usr/bin/chromium.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(new URL('../../frontend/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const BASE = (process.env.COVACHA_URL ?? 'http://127.0.0.1:8080').replace(/\/$/, '');
const OUT = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const ACCOUNTS = fileURLToPath(new URL('../../.covacha/accounts.env', import.meta.url));
const VIEWPORT = { width: 1280, height: 900 };

function accounts() {
  const env = existsSync(ACCOUNTS)
    ? Object.fromEntries(
        readFileSync(ACCOUNTS, 'utf8')
          .split('\n')
          .map((l) => /^([A-Z_]+)=(.*)$/.exec(l))
          .filter(Boolean)
          .map((m) => [m[1], m[2]]),
      )
    : {};
  const seller = { email: process.env.COVACHA_EMAIL ?? env.DEMO_EMAIL, password: process.env.COVACHA_PASSWORD ?? env.DEMO_PASSWORD };
  const admin = { email: process.env.COVACHA_ADMIN_EMAIL ?? env.ADMIN_EMAIL, password: process.env.COVACHA_ADMIN_PASSWORD ?? env.ADMIN_PASSWORD };
  if (!seller.email || !admin.email) throw new Error(`Run ./covacha up once (it writes ${ACCOUNTS}), or set the accounts in the environment.`);
  return { seller, admin };
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

/** The pages are worth a picture only with products in them: ./covacha up seeds the demo catalogue. */
async function requireCatalogue() {
  const found = await api('/api/search?pageSize=1');
  if (found.total === 0) throw new Error('The catalogue is empty: start ./covacha up without --no-seed, or run ./covacha seed.');
}

async function logIn(page, who) {
  await page.goto(`${BASE}/login`);
  await page.getByLabel('Correo electrónico').fill(who.email);
  await page.getByLabel('Contraseña').fill(who.password);
  await page.getByRole('button', { name: 'Iniciar sesión' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

async function main() {
  const { seller, admin } = accounts();
  await requireCatalogue();
  mkdirSync(OUT, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const context = () => browser.newContext({ viewport: VIEWPORT, locale: 'es-CO' });
    const page = await (await context()).newPage();

    // The search page: a typed word, results with their facets.
    await page.goto(`${BASE}/?q=bicicleta`);
    await page.getByRole('heading', { name: /resultados? para/ }).waitFor();
    await page.locator('.result').first().waitFor();
    await page.screenshot({ path: `${OUT}search.png` });

    // A product page, opened from the search (its back-link returns there).
    await page.locator('.result a').first().click();
    await page.locator('.product__name').waitFor();
    await page.screenshot({ path: `${OUT}product.png` });

    // The product form with a COP price being typed: the amount to be saved shows before saving.
    await logIn(page, seller);
    await page.goto(`${BASE}/my/products/new`);
    await page.getByLabel('Nombre').fill('Portátil Lenovo IdeaPad 5, 16 GB');
    await page.getByLabel('Descripción').fill('Ryzen 7, SSD de 512 GB, pantalla de 14". Con cargador original.');
    await page.getByLabel('Categoría').selectOption('electronics');
    await page.getByLabel('Precio').pressSequentially('3.500.000,50');
    await page.getByText('Se guardará como $ 3.500.000,50').waitFor();
    await page.screenshot({ path: `${OUT}product-form-cop.png` });

    // The admin page: the demo seller found by email, with role and suspension at hand.
    const adminPage = await (await context()).newPage();
    await logIn(adminPage, admin);
    await adminPage.goto(`${BASE}/admin`);
    await adminPage.getByLabel('Buscar por correo').fill(seller.email.split('@')[0]);
    await adminPage.getByRole('button', { name: 'Buscar', exact: true }).click();
    await adminPage.getByRole('cell', { name: seller.email }).waitFor();
    await adminPage.screenshot({ path: `${OUT}admin.png` });
    console.log(`screenshots written to ${OUT}: search.png, product.png, product-form-cop.png, admin.png`);
  } finally {
    await browser.close();
  }
}

main().catch((err) => {
  console.error(err.message ?? err);
  process.exit(1);
});
