// Regenerates the Inputs/Outputs tables of terraform/modules/*/README.md (the
// part between the BEGIN/END markers) from the parsed variables and outputs,
// like terraform-docs. Usage: npm run docs --prefix tests/infra
import { writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadAllModules, read, rel, terraformRoot } from './lib/repo.mjs';

const BEGIN = '<!-- BEGIN GENERATED: npm run docs --prefix tests/infra -->';
const END = '<!-- END GENERATED -->';
const cell = (s) => String(s).replace(/\|/g, '\\|').replace(/\n\s*/g, ' ');
const typeOf = (t) => cell(String(t).replace(/^\$\{(.*)\}$/s, '$1'));
const def = (v) => (!('default' in v) ? 'required' : v.default === null ? '`null`' : '`' + cell(JSON.stringify(v.default)) + '`');

export function tables(mod) {
  const lines = ['## Inputs', '', '| Name | Type | Default | Description |', '|---|---|---|---|'];
  for (const [n, v] of Object.entries(mod.variable).sort()) {
    lines.push(`| \`${n}\` | \`${typeOf(v.type)}\` | ${def(v)} | ${cell(v.description)}${v.sensitive ? ' (sensitive)' : ''} |`);
  }
  lines.push('', '## Outputs', '', '| Name | Description |', '|---|---|');
  for (const [n, o] of Object.entries(mod.output).sort()) {
    lines.push(`| \`${n}\` | ${cell(o.description)}${o.sensitive ? ' (sensitive)' : ''} |`);
  }
  return `${BEGIN}\n${lines.join('\n')}\n${END}`;
}

const modules = await loadAllModules();
for (const mod of modules.values()) {
  if (mod.dir === terraformRoot) continue;
  const file = join(mod.dir, 'README.md');
  const src = existsSync(file) ? read(file) : `# ${rel(mod.dir)}\n\n${BEGIN}\n${END}\n`;
  const start = src.indexOf(BEGIN);
  const end = src.indexOf(END);
  const next = start >= 0 && end > start
    ? src.slice(0, start) + tables(mod) + src.slice(end + END.length)
    : `${src.trimEnd()}\n\n${tables(mod)}\n`;
  if (next !== src) {
    writeFileSync(file, next);
    console.log(`updated ${rel(file)}`);
  }
}
