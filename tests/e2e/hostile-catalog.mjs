// Writes the hostile catalog for the hardening tests: catalog.json with a
// script-like, markup-like or otherwise awkward payload added to every
// free-text string (names, summaries, lists of the entry, related "why",
// category names and, in simulations, labels, titles, descriptions, start
// texts, narrations, fault labels and the saga model's phrases). Identifiers
// (slugs, tags, ids, actor, panel and column names, message and fault ids,
// table cells that invariants look at) are left as they are, so the result
// still passes the catalog's own validation. The output is the same on every
// run: payloads are taken in turn, in the catalog's order, and alternate
// between the end and the start of a text.
//
//   node tests/e2e/hostile-catalog.mjs [OUT]     (default target/hostile/catalog.json)
//
// Importing this file only exports PAYLOADS and hostileCatalog() for the test.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DEFAULT_OUT = path.join(ROOT, 'target/hostile/catalog.json');

/** Texts that would run, or turn into markup, if the app ever parsed catalog text as HTML. */
export const PAYLOADS = [
  `<script>window.__pwned='script'</script>`,
  `<img src=x onerror="window.__pwned='img'">`,
  `<a href="javascript:window.__pwned='link'">click</a>`,
  `javascript:window.__pwned='bare'`,
  `<svg onload="window.__pwned='svg'">`,
  `"><b>bold</b>`,
  `&amp; &lt; &#60;i&#62; entity text`,
  `{{x}} \${x}`,
  // Right-to-left override, then zero-width space, joiner and no-break space.
  `\u202edesrever\u202c zero\u200bwidth\u200d\ufeffjoin`,
  // One word far wider than any column (lower case: some narrations lower-case labels).
  'antidisestablishmentarianism'.repeat(10),
];

/** Keys whose string (or list of strings) values are free text, wherever they occur. */
export const FREE_TEXT_KEYS = new Set([
  // categories and pattern entries
  'name', 'summary', 'problem', 'forces', 'solution', 'how_it_works', 'when_to_use', 'when_not_to_use', 'tradeoffs', 'why',
  // simulations: actors, panels, invariants, params, charts, series, scenarios, steps, messages, faults
  'label', 'title', 'description', 'start', 'narration',
  // the saga model's phrases
  'does', 'reason', 'success', 'aborted',
]);

/** A copy of `catalog` with a payload added to every free-text string. */
export function hostileCatalog(catalog) {
  let turn = 0;
  const harden = (text) => {
    const payload = PAYLOADS[turn % PAYLOADS.length];
    const atEnd = Math.floor(turn / PAYLOADS.length) % 2 === 0;
    turn += 1;
    return atEnd ? `${text} ${payload}` : `${payload} ${text}`;
  };
  const walk = (value, key) => {
    if (Array.isArray(value)) return value.map((item) => walk(item, key));
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    }
    return typeof value === 'string' && FREE_TEXT_KEYS.has(key) ? harden(value) : value;
  };
  return walk(catalog, null);
}

function main() {
  const out = path.resolve(process.argv[2] ?? DEFAULT_OUT);
  const catalog = JSON.parse(fs.readFileSync(path.join(ROOT, 'catalog.json'), 'utf8'));
  const hostile = hostileCatalog(catalog);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify(hostile, null, 1)}\n`);
  console.log(`wrote ${path.relative(process.cwd(), out)}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
