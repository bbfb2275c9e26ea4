// Browser test of the Spanish UI, on a running Covacha host: a browser set to Spanish (Colombia)
// gets the app in Spanish from the first page (signing up, the mail, publishing, searching, a
// product page, logging in), and the footer's switch turns it to English and remembers that.
//   COVACHA_URL=... COVACHA_MAIL_URL=... npm --prefix frontend run test:browser
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { checkA11y, eventually, need } from './support.mjs';

const require = createRequire(new URL('../../frontend/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const BASE = (process.env.COVACHA_URL ?? '').replace(/\/$/, '');
const MAIL = (process.env.COVACHA_MAIL_URL ?? '').replace(/\/$/, '');
const SHOTS = fileURLToPath(new URL('../../test-output/screenshots/', import.meta.url));
const UI_TIMEOUT_MS = 10_000;
const INDEX_DEADLINE_MS = 5000;

const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const letters = 'bcdfghjkmnpqrstvwxz';
const word = Array.from({ length: 9 }, () => letters[Math.floor(Math.random() * letters.length)]).join('');
const productName = `Cafetera ${word}`;
const password = `pw-${run}-suficientemente larga`;
const seller = { name: `Vendedora ${run}`, email: `vendedora-${run}@example.com` };
const pageErrors = [];

let browser;
let ctx;
let page;
let productPath = null;

describe('Covacha in Spanish, in a browser set to es-CO', { concurrency: false }, () => {
  before(async () => {
    assert.ok(BASE, 'Set COVACHA_URL to the base URL of a running Covacha host');
    mkdirSync(SHOTS, { recursive: true });
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    ctx = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'es-CO' });
    page = await ctx.newPage();
    page.setDefaultTimeout(UI_TIMEOUT_MS);
    page.on('pageerror', (e) => pageErrors.push(String(e)));
  });

  after(async () => {
    await browser?.close();
  });

  test('the first page is in Spanish and says so', async () => {
    await page.goto(`${BASE}/`);
    await page.getByRole('heading', { level: 1, name: 'Encuentra algo bueno' }).waitFor();
    await page.getByRole('heading', { name: /resultados?|La búsqueda no está disponible/ }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'es-CO');
    assert.equal(await page.title(), 'Buscar · Covacha');
    await page.getByRole('link', { name: 'Iniciar sesión' }).waitFor();
    await page.getByRole('button', { name: 'Español', pressed: true }).waitFor();
    await checkA11y(page, 'the search in Spanish');
  });

  test('sign up, confirm the email from a Spanish mail, publish a product', async () => {
    await page.goto(`${BASE}/signup`);
    await page.getByRole('heading', { name: 'Crea tu cuenta' }).waitFor();
    await page.getByLabel('Tu nombre').fill(seller.name);
    await page.getByLabel('Correo electrónico').fill(seller.email);
    await page.getByLabel('Contraseña').fill(password);
    await page.getByRole('button', { name: 'Crear cuenta' }).click();
    await page.waitForURL(`${BASE}/my/products`);
    await page.getByRole('heading', { name: 'Mis productos' }).waitFor();
    await page.getByText('Todavía no has publicado nada.').waitFor();

    // The app asked in Spanish, so the mail is in Spanish.
    assert.ok(MAIL, 'Set COVACHA_MAIL_URL to the SMTP sink (maildev) web address');
    let mail = null;
    await eventually(
      async () => {
        const mails = await (await fetch(`${MAIL}/api/email`)).json();
        mail = mails.find((m) => m.to.some((t) => t.address === seller.email)) ?? null;
        return mail !== null;
      },
      15_000,
      `the verification mail to ${seller.email}`,
    );
    assert.equal(mail.subject, 'Confirma tu correo en Covacha');
    const link = /https?:\/\/\S+\?token=[A-Za-z0-9._%-]+/.exec(mail.text);
    assert.ok(link, 'no link in the verification mail');
    await page.goto(link[0]);
    await page.getByText('Tu correo quedó confirmado.').waitFor();

    await page.goto(`${BASE}/my/products/new`);
    await page.getByRole('heading', { name: 'Nuevo producto' }).waitFor();
    await page.getByLabel('Nombre').fill(productName);
    await page.getByLabel('Descripción').fill('Para seis tazas, casi nueva.');
    await page.getByLabel('Precio').fill('1,200');
    await page.getByRole('button', { name: 'Publicar producto' }).click();
    await page.getByText('“1,200” puede ser 1.200 o 1,20. Escribe 1.200 o 1,20.').waitFor();
    await page.getByText('Elige una categoría.').waitFor();
    await page.getByLabel('Precio').fill('120.000');
    await page.getByText('Se guardará como $ 120.000').waitFor();
    await page.getByLabel('Categoría').selectOption('home');
    await page.getByLabel('Unidades disponibles').fill('2');
    await page.getByRole('button', { name: 'Publicar producto' }).click();
    await page.getByText('Tu producto quedó publicado.').waitFor();
    productPath = new URL(page.url()).pathname;
    await page.getByRole('button', { name: 'Cerrar sesión' }).click();
    await page.getByRole('link', { name: 'Iniciar sesión' }).waitFor();
  });

  test('search, then the product page, in Spanish', async () => {
    need(productPath, 'sign up, confirm the email from a Spanish mail, publish a product');
    await page.goto(`${BASE}/`);
    const box = page.getByRole('combobox', { name: 'Buscar productos' });
    await box.fill(word);
    await page.getByRole('heading', { name: `1 resultado para “${word}”` }).waitFor({ timeout: INDEX_DEADLINE_MS });
    const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: productName, exact: true }) });
    await card.getByText('Quedan 2').waitFor();
    await card.getByText('$ 120.000').waitFor();
    // Its name says what it is: the drawing is of a coffee maker, not of its category's sofa.
    assert.equal(await card.getByRole('img', { name: 'Ilustración: cafetera' }).getAttribute('data-illustration'), 'coffeeMaker');
    await page.getByRole('radio', { name: /Hogar y cocina/ }).waitFor();
    await page.screenshot({ path: `${SHOTS}es-01-search.png`, fullPage: true });

    await card.getByRole('link', { name: productName, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: productName }).waitFor();
    await page.getByRole('link', { name: '← Volver a los resultados' }).waitFor();
    await page.getByText('Vendido por').waitFor();
    await page.getByRole('link', { name: 'Más de este vendedor' }).waitFor();
    await page.getByRole('heading', { name: 'Descripción' }).waitFor();
    await page.getByText('Quedan 2').waitFor();
    assert.equal(await page.title(), `${productName} · Covacha`);
    await checkA11y(page, 'a product page in Spanish');
    await page.screenshot({ path: `${SHOTS}es-02-product.png`, fullPage: true });
  });

  test('log in in Spanish, then switch to English', async () => {
    await page.getByRole('link', { name: 'Iniciar sesión' }).click();
    await page.getByRole('heading', { level: 1, name: 'Iniciar sesión' }).waitFor();
    assert.equal(await page.title(), 'Iniciar sesión · Covacha');
    await page.getByLabel('Correo electrónico').fill(seller.email);
    await page.getByLabel('Contraseña').fill('no es la contraseña');
    await page.getByRole('button', { name: 'Iniciar sesión' }).click();
    await page.getByRole('alert').getByText('Ese correo y esa contraseña no coinciden con ninguna cuenta.').waitFor();

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
    // The failure on screen is said again in English, not left in Spanish.
    await page.getByRole('alert').getByText('That email and password do not match an account.').waitFor();
    await page.getByLabel('Email').waitFor();
    await page.getByRole('button', { name: 'English', pressed: true }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('button', { name: 'Log out' }).waitFor();

    // Remembered: the next visit in this browser is in English although the browser asks for Spanish.
    await page.goto(`${BASE}/`);
    await page.getByRole('heading', { level: 1, name: 'Find something good' }).waitFor();
    await page.getByRole('link', { name: 'My products' }).waitFor();
  });

  test('no page errors along the way', () => {
    assert.deepEqual(pageErrors, []);
  });
});
