// Shared helpers: locate the repository, list and parse Terraform files with
// the real HCL2 parser (HashiCorp's hcl library compiled to wasm).
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { join, relative, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from '@cdktf/hcl2json';

export const repoRoot = process.env.COVACHA_REPO_ROOT
  ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const terraformRoot = join(repoRoot, 'terraform');

export const rel = (p) => relative(repoRoot, p);
export const read = (p) => readFileSync(p, 'utf8');
export { existsSync };

/** Every file under dir whose name ends with one of exts, skipping .terraform. */
export function listFiles(dir, exts) {
  const out = [];
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir)) {
    if (entry === '.terraform' || entry === 'node_modules') continue;
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...listFiles(full, exts));
    else if (exts.some((e) => entry.endsWith(e))) out.push(full);
  }
  return out.sort();
}

/** A Terraform module: a directory with .tf files, parsed and merged by block type. */
export async function loadModule(dir) {
  const files = readdirSync(dir).filter((f) => f.endsWith('.tf')).sort().map((f) => join(dir, f));
  const mod = { dir, files: {}, variable: {}, output: {}, resource: {}, data: {}, module: {}, locals: [], terraform: [], provider: {} };
  for (const file of files) {
    const src = read(file);
    const doc = await parse(file, src); // throws on invalid HCL
    mod.files[file] = { src, doc };
    for (const [name, blocks] of Object.entries(doc.variable ?? {})) mod.variable[name] = blocks[0];
    for (const [name, blocks] of Object.entries(doc.output ?? {})) mod.output[name] = blocks[0];
    for (const [name, blocks] of Object.entries(doc.module ?? {})) mod.module[name] = blocks[0];
    for (const [name, blocks] of Object.entries(doc.provider ?? {})) mod.provider[name] = blocks;
    for (const [type, byName] of Object.entries(doc.resource ?? {})) {
      for (const [name, blocks] of Object.entries(byName)) mod.resource[`${type}.${name}`] = blocks[0];
    }
    for (const [type, byName] of Object.entries(doc.data ?? {})) {
      for (const [name, blocks] of Object.entries(byName)) mod.data[`${type}.${name}`] = blocks[0];
    }
    mod.locals.push(...(doc.locals ?? []));
    mod.terraform.push(...(doc.terraform ?? []));
  }
  return mod;
}

/** The root module and every module it calls through a local source, by path. */
export async function loadAllModules() {
  const modules = new Map();
  const visit = async (dir) => {
    if (modules.has(dir)) return;
    const mod = await loadModule(dir);
    modules.set(dir, mod);
    for (const call of Object.values(mod.module)) {
      if (typeof call.source === 'string' && call.source.startsWith('.')) await visit(join(dir, call.source));
    }
  };
  await visit(terraformRoot);
  // Modules on disk that nothing calls are still checked.
  const modulesDir = join(terraformRoot, 'modules');
  if (existsSync(modulesDir)) {
    for (const name of readdirSync(modulesDir)) {
      const dir = join(modulesDir, name);
      if (statSync(dir).isDirectory()) await visit(dir);
    }
  }
  return modules;
}

/** Walk every string in a parsed HCL JSON value. */
export function* strings(value) {
  if (typeof value === 'string') yield value;
  else if (Array.isArray(value)) for (const v of value) yield* strings(v);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) yield* strings(v);
}

/**
 * References like var.x, module.m.out, local.y found in the expressions of a
 * parsed value. hcl2json renders expressions as "${...}"; literal strings have
 * no interpolation, so text in descriptions is not mistaken for a reference.
 */
export function references(value, prefix) {
  const found = new Set();
  const re = new RegExp(`(?<![\\w.])${prefix}\\.([A-Za-z_][A-Za-z0-9_-]*)(?:\\.([A-Za-z_][A-Za-z0-9_-]*))?`, 'g');
  for (const s of strings(value)) {
    if (!s.includes('${')) continue;
    for (const m of s.matchAll(re)) found.add(prefix === 'module' ? `${m[1]}.${m[2] ?? ''}` : m[1]);
  }
  return found;
}
