// What the browser test files share: waiting on a condition, a step's dependency, accessibility checks.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(new URL('../../frontend/package.json', import.meta.url));
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Calls check until it returns true, within deadlineMs; returns how long that took. */
export async function eventually(check, deadlineMs, what) {
  const end = Date.now() + deadlineMs;
  let last;
  while (Date.now() < end) {
    try {
      if (await check()) return Date.now() - (end - deadlineMs);
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`Not within ${deadlineMs} ms: ${what}${last ? ` (${last.message})` : ''}`);
}

/** A step that builds on an earlier one fails plainly when that one did. */
export function need(value, step) {
  assert.ok(value, `needs what the step "${step}" makes, and that step failed`);
  return value;
}

/** No serious or critical WCAG 2.1 AA problem on the page as it is (axe-core). */
export async function checkA11y(p, name) {
  if (!(await p.evaluate(() => 'axe' in window))) await p.evaluate(axeSource);
  const violations = await p.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] } });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  });
  assert.deepEqual(violations, [], `accessibility problems on ${name}`);
}
