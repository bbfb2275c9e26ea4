// A stand-in for the Covacha dev host, for running the browser tests while the real
// backend is not available: serves frontend/dist with the production CSP and answers the
// routes of contract/CONTRACT.md from memory. Not a reference for backend behaviour.
//   node tests/browser/fake-host.mjs [port]     (default 8199)
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { randomUUID, randomBytes } from 'node:crypto';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIST = fileURLToPath(new URL('../../frontend/dist/', import.meta.url));
const PORT = Number(process.argv[2] ?? process.env.PORT ?? 8199);
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.map': 'application/json' };
const CATEGORIES = ['electronics', 'home', 'fashion', 'books', 'sports', 'toys', 'beauty', 'grocery', 'automotive', 'other'];

const users = new Map(); // id -> user
const access = new Map(); // token -> userId
const refresh = new Map(); // token -> userId
const products = new Map(); // id -> product
if (process.env.COVACHA_ADMIN_EMAIL && process.env.COVACHA_ADMIN_PASSWORD) {
  const id = randomUUID();
  users.set(id, { id, email: process.env.COVACHA_ADMIN_EMAIL, password: process.env.COVACHA_ADMIN_PASSWORD, displayName: 'Admin', role: 'admin', createdAt: new Date().toISOString() });
}
let reindex = { state: 'idle', processed: 0, startedAt: null, finishedAt: null, error: null };

function send(res, status, body, headers = {}) {
  const isProblem = status >= 400;
  res.writeHead(status, {
    'Content-Type': isProblem ? 'application/problem+json' : 'application/json',
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(body === undefined ? '' : JSON.stringify(body));
}
const problem = (res, status, slug, extra = {}) =>
  send(res, status, { type: `https://covacha.dev/problems/${slug}`, title: slug.replace('-', ' '), status, ...extra });

async function body(req) {
  const chunks = [];
  for await (const c of req) chunks.push(c);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : {};
}
function caller(req) {
  const m = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
  const id = m && access.get(m[1]);
  return id ? users.get(id) : null;
}
function cookie(req, name) {
  const m = new RegExp(`(?:^|; )${name}=([^;]+)`).exec(req.headers.cookie ?? '');
  return m ? m[1] : null;
}
function issue(res, userId, status = 200) {
  const at = randomBytes(16).toString('hex');
  const rt = randomBytes(16).toString('hex');
  access.set(at, userId);
  refresh.set(rt, userId);
  send(res, status, { accessToken: at, tokenType: 'Bearer', expiresIn: 900 }, {
    'Set-Cookie': `covacha_refresh=${rt}; HttpOnly; Secure; SameSite=Strict; Path=/api/auth`,
  });
}
const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const words = (s) => fold(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
function oneEdit(a, b) {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0, j = 0, edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) { i++; j++; continue; }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else { i++; j++; }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}
function matches(p, q) {
  const qs = words(q);
  if (!qs.length) return true;
  const ws = words(`${p.name} ${p.description}`);
  return qs.every((w, k) =>
    ws.some((x) => x === w || (k === qs.length - 1 && x.startsWith(w)) || (w.length >= 5 && oneEdit(w, x))),
  );
}
function validate(b) {
  const errors = {};
  if (typeof b.name !== 'string' || !b.name.trim()) errors.name = ['Name is required.'];
  else if (b.name.length > 200) errors.name = ['Name must be at most 200 characters.'];
  if (typeof b.price !== 'number' || b.price <= 0) errors.price = ['Must be greater than 0.'];
  if (!CATEGORIES.includes(b.category)) errors.category = ['Unknown category.'];
  if (!Number.isInteger(b.stock) || b.stock < 0) errors.stock = ['Stock must be a whole number, zero or more.'];
  if (b.imageUrl && !/^https:\/\//.test(b.imageUrl)) errors.imageUrl = ['Image link must use https.'];
  return Object.keys(errors).length ? errors : null;
}
const etag = (p) => `"${p.version}"`;

async function api(req, res, url) {
  const path = url.pathname;
  const method = req.method;
  const me = caller(req);
  let m;
  if (method === 'POST' && path === '/api/auth/register') {
    const b = await body(req);
    if ([...users.values()].some((u) => u.email === b.email)) return problem(res, 409, 'conflict');
    const errors = {};
    if (!/^[^@\s]+@[^@\s]+$/.test(b.email ?? '')) errors.email = ['Enter a valid email.'];
    if ((b.password ?? '').length < 12) errors.password = ['At least 12 characters.'];
    if (!(b.displayName ?? '').trim()) errors.displayName = ['Enter your name.'];
    if (Object.keys(errors).length) return problem(res, 422, 'validation', { errors });
    const u = { id: randomUUID(), email: b.email, displayName: b.displayName, role: 'user', password: b.password, createdAt: new Date().toISOString() };
    users.set(u.id, u);
    return send(res, 201, { id: u.id, email: u.email, displayName: u.displayName, role: u.role });
  }
  if (method === 'POST' && path === '/api/auth/token') {
    const b = await body(req);
    const u = [...users.values()].find((x) => x.email === b.email && x.password === b.password);
    return u ? issue(res, u.id) : problem(res, 401, 'unauthorized');
  }
  if (method === 'POST' && path === '/api/auth/token/refresh') {
    const rt = cookie(req, 'covacha_refresh');
    const id = rt && refresh.get(rt);
    if (!id) return problem(res, 401, 'unauthorized');
    refresh.delete(rt);
    return issue(res, id);
  }
  if (method === 'POST' && path === '/api/auth/logout') {
    const rt = cookie(req, 'covacha_refresh');
    if (rt) refresh.delete(rt);
    res.writeHead(204, { 'Set-Cookie': 'covacha_refresh=; Max-Age=0; Path=/api/auth' });
    return res.end();
  }
  if (method === 'GET' && path === '/api/auth/me') {
    if (!me) return problem(res, 401, 'unauthorized');
    return send(res, 200, { id: me.id, email: me.email, displayName: me.displayName, role: me.role });
  }
  if (method === 'GET' && path === '/api/auth/users') {
    if (!me) return problem(res, 401, 'unauthorized');
    if (me.role !== 'admin') return problem(res, 403, 'forbidden');
    const items = [...users.values()].map(({ password: _p, ...u }) => u);
    return send(res, 200, { items, total: items.length, page: 1, pageSize: 20 });
  }
  if (method === 'PUT' && (m = /^\/api\/auth\/users\/([^/]+)\/role$/.exec(path))) {
    if (!me || me.role !== 'admin') return problem(res, me ? 403 : 401, me ? 'forbidden' : 'unauthorized');
    const u = users.get(m[1]);
    if (!u) return problem(res, 404, 'not-found');
    u.role = (await body(req)).role;
    return send(res, 200, { id: u.id, email: u.email, displayName: u.displayName, role: u.role });
  }
  if (method === 'GET' && path === '/api/products/categories') {
    return send(res, 200, CATEGORIES.map((id) => ({ id, name: id[0].toUpperCase() + id.slice(1) })));
  }
  if (method === 'GET' && path === '/api/products') {
    if (url.searchParams.get('owner') === 'me' && !me) return problem(res, 401, 'unauthorized');
    const owner = url.searchParams.get('owner') === 'me' ? me.id : url.searchParams.get('owner');
    const items = [...products.values()].filter((p) => !owner || p.ownerId === owner).reverse();
    return send(res, 200, { items, nextCursor: null });
  }
  if (method === 'POST' && path === '/api/products') {
    if (!me) return problem(res, 401, 'unauthorized');
    const b = await body(req);
    const errors = validate(b);
    if (errors) return problem(res, 422, 'validation', { errors });
    const now = new Date().toISOString();
    const p = { id: randomUUID(), ownerId: me.id, name: b.name, description: b.description ?? '', price: b.price, currency: b.currency ?? 'COP', category: b.category, imageUrl: b.imageUrl ?? null, stock: b.stock, createdAt: now, updatedAt: now, version: 1 };
    products.set(p.id, p);
    return send(res, 201, p, { ETag: etag(p), Location: `/api/products/${p.id}` });
  }
  if ((m = /^\/api\/products\/([0-9a-f-]{36})$/.exec(path))) {
    const p = products.get(m[1]);
    if (!p) return problem(res, 404, 'not-found');
    if (method === 'GET') return send(res, 200, p, { ETag: etag(p) });
    if (!me) return problem(res, 401, 'unauthorized');
    if (me.role !== 'admin' && me.id !== p.ownerId) return problem(res, 403, 'forbidden');
    const ifMatch = req.headers['if-match'];
    if (!ifMatch) return problem(res, 428, 'precondition-required');
    if (ifMatch !== etag(p)) return problem(res, 412, 'precondition-failed');
    if (method === 'DELETE') {
      products.delete(p.id);
      res.writeHead(204);
      return res.end();
    }
    if (method === 'PUT') {
      const b = await body(req);
      const errors = validate(b);
      if (errors) return problem(res, 422, 'validation', { errors });
      Object.assign(p, { name: b.name, description: b.description ?? '', price: b.price, currency: b.currency ?? 'COP', category: b.category, imageUrl: b.imageUrl ?? null, stock: b.stock, updatedAt: new Date().toISOString(), version: p.version + 1 });
      return send(res, 200, p, { ETag: etag(p) });
    }
  }
  if (method === 'GET' && path === '/api/search') {
    const q = url.searchParams;
    let hits = [...products.values()].filter((p) => matches(p, q.get('q') ?? ''));
    if (q.get('minPrice')) hits = hits.filter((p) => p.price >= Number(q.get('minPrice')));
    if (q.get('maxPrice')) hits = hits.filter((p) => p.price <= Number(q.get('maxPrice')));
    if (q.get('inStock') === 'true') hits = hits.filter((p) => p.stock > 0);
    const facets = {};
    for (const p of hits) facets[p.category] = (facets[p.category] ?? 0) + 1;
    if (q.get('category')) hits = hits.filter((p) => p.category === q.get('category'));
    const sort = q.get('sort');
    if (sort === 'price_asc') hits.sort((a, b) => a.price - b.price);
    if (sort === 'price_desc') hits.sort((a, b) => b.price - a.price);
    if (sort === 'newest') hits.reverse();
    const page = Number(q.get('page') ?? 1);
    const pageSize = Number(q.get('pageSize') ?? 20);
    const items = hits.slice((page - 1) * pageSize, page * pageSize).map((p) => ({
      id: p.id, name: p.name, snippet: p.description.slice(0, 140), price: p.price, currency: p.currency, category: p.category, imageUrl: p.imageUrl, stock: p.stock,
    }));
    return send(res, 200, { total: hits.length, page, pageSize, items, facets: { category: facets } });
  }
  if (method === 'GET' && path === '/api/search/suggest') {
    const q = url.searchParams.get('q') ?? '';
    const s = [...products.values()].filter((p) => matches(p, q)).slice(0, 8).map((p) => ({ id: p.id, name: p.name }));
    return send(res, 200, { suggestions: s });
  }
  if (path === '/api/search/reindex') {
    if (!me || me.role !== 'admin') return problem(res, me ? 403 : 401, me ? 'forbidden' : 'unauthorized');
    if (method === 'POST') {
      reindex = { state: 'running', processed: 0, startedAt: new Date().toISOString(), finishedAt: null, error: null };
      const total = products.size;
      const tick = setInterval(() => {
        reindex.processed = Math.min(total, reindex.processed + 1);
        if (reindex.processed >= total) {
          clearInterval(tick);
          Object.assign(reindex, { state: 'completed', finishedAt: new Date().toISOString() });
        }
      }, 700);
      return send(res, 202, reindex);
    }
    return send(res, 200, reindex);
  }
  if (method === 'GET' && /^\/api\/\w+\/health\/(live|ready)$/.test(path)) return send(res, 200, { status: 'Healthy' });
  return problem(res, 404, 'not-found');
}

async function staticFile(res, url) {
  const rel = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
  let file = join(DIST, rel);
  let isFile = false;
  try {
    isFile = (await stat(file)).isFile();
  } catch {
    isFile = false;
  }
  if (!isFile || !file.startsWith(DIST)) file = join(DIST, 'index.html'); // SPA fallback
  const data = await readFile(file);
  res.writeHead(200, {
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(data);
}

createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  const handler = url.pathname.startsWith('/api/') ? api(req, res, url) : staticFile(res, url);
  handler.catch((err) => {
    console.error(err);
    if (!res.headersSent) problem(res, 500, 'internal');
  });
}).listen(PORT, '127.0.0.1', () => console.log(`fake Covacha host on http://127.0.0.1:${PORT}`));
