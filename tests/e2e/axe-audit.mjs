// Runs the axe-core accessibility engine (from node_modules) in a page and
// turns its violations into readable lines. The engine's source is run with
// page.evaluate, which the DevTools protocol executes whatever the page's
// Content-Security-Policy says (a <script> tag could be refused).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Every WCAG 2.0, 2.1 and 2.2 rule at levels A and AA, and axe's best practices. */
export const AUDITED_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'];

/** Loads axe into the page's current document (again after each full navigation). */
export async function injectAxe(page) {
  if (await page.evaluate(() => typeof window.axe === 'object')) return;
  await page.evaluate(axeSource);
}

/**
 * Audits `include` (a CSS selector, the whole document by default) and
 * returns one line per violation: rule id, impact, summary and each
 * offending element's selector with what is wrong with it.
 */
export async function audit(page, include = 'html') {
  await injectAxe(page);
  const violations = await page.evaluate(
    async ({ include, tags }) => {
      const results = await window.axe.run(include, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      });
      return results.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
      }));
    },
    { include, tags: AUDITED_TAGS },
  );
  return violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n` +
      v.nodes.map((n) => `    at ${n.target}\n      ${n.summary.replace(/\n/g, '\n      ')}`).join('\n'),
  );
}
