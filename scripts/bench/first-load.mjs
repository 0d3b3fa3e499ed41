// Benchmark part "first load": the files of the release site that a first
// visit downloads, raw and gzip -9, against the budget of 200 KB gzip in
// total (1 KB = 1024 bytes), plus the files fetched only after load (a
// service worker and what it caches) and the share of the wasm that is the
// embedded catalog.
//
// A file counts as first load when index.html names it (link, script,
// import or preload; the favicon too, which headless Chromium never
// fetches) or when Chromium requests it before the home page has shown its
// cards and the network has gone quiet. `sw.js` (or `service-worker*.js`)
// and whatever is requested after that count as "after load".
import fs from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { KB, distDir, heading, kb, note, pct, printTable, withSiteAndBrowser } from './common.mjs';
import { measureCatalogShare } from './catalog-share.mjs';

export const BUDGET_GZIP_BYTES = 200 * KB;
const AFTER_LOAD_WAIT_MS = 2000;
const isServiceWorker = (file) => /^(sw|service-worker)[^/]*\.js$/i.test(path.basename(file));
/** The static page of a pattern (patterns/SLUG.html, see scripts/post-build.mjs). */
const isPatternPage = (file) => /^patterns\/[^/]+\.html$/.test(file);

/** `rows` with the pattern pages no first visit fetched as one row: a large catalog has thousands. */
function withPatternPagesTogether(rows) {
  const pages = rows.filter((r) => isPatternPage(r.file) && r.stage === 'not fetched');
  if (pages.length === 0) return rows;
  const together = {
    file: `patterns/*.html (${pages.length} pages)`,
    kind: 'document',
    stage: 'not fetched',
    raw: pages.reduce((sum, r) => sum + r.raw, 0),
    gzip: pages.reduce((sum, r) => sum + r.gzip, 0),
    namedByIndex: false,
    requested: false,
  };
  return [...rows.filter((r) => !pages.includes(r)), together];
}

/** Every file under `dir`, as paths relative to it with "/" separators. */
async function listFiles(dir) {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath ?? e.path, e.name)).split(path.sep).join('/'))
    .sort();
}

/**
 * The site's files that index.html names in any quoted string (href, src,
 * import, init argument) or bare attribute value (a minified page drops the
 * quotes around href=/favicon-HASH.svg).
 */
function filesNamedByIndex(indexHtml, files) {
  const named = new Set();
  for (const [, quoted, bare] of indexHtml.matchAll(/["']([^"'\s<>]+)["']|=([^\s"'=<>`]+)/g)) {
    const text = quoted ?? bare;
    const pathname = text.replace(/[?#].*$/, '').replace(/^\.?\//, '');
    if (files.includes(pathname)) named.add(pathname);
  }
  named.delete('404.html');
  return named;
}

/**
 * index.html and the files it names, each with its gzip -9 size: what a
 * first visit downloads before the app runs (the test command holds their
 * total to the budget; the benchmark also counts what Chromium requests).
 */
export async function filesIndexLoads(dir) {
  const files = await listFiles(dir);
  const indexHtml = await fs.readFile(path.join(dir, 'index.html'), 'utf8');
  const loaded = ['index.html', ...filesNamedByIndex(indexHtml, files)];
  return Promise.all(
    loaded.map(async (file) => ({ file, gzip: zlib.gzipSync(await fs.readFile(path.join(dir, file)), { level: 9 }).length })),
  );
}

/** The site's files Chromium requests on a first visit to home: before the app is ready, and after. */
async function filesRequestedByBrowser(files) {
  return withSiteAndBrowser(async (browser, server) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const before = new Set();
    const after = new Set();
    const unknown = new Set();
    let loaded = false;
    context.on('request', (request) => {
      const url = new URL(request.url());
      if (url.origin !== server.origin) return;
      const file = decodeURIComponent(url.pathname).replace(/^\//, '') || 'index.html';
      if (!files.includes(file)) unknown.add(url.pathname);
      else (loaded ? after : before).add(file);
    });
    await page.goto(server.url('/'), { waitUntil: 'load' });
    await page.waitForSelector('.card', { timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    loaded = true;
    await page.waitForTimeout(AFTER_LOAD_WAIT_MS);
    await context.close();
    return { before, after, unknown };
  });
}

const kindOf = (file) =>
  ({ '.html': 'document', '.js': 'script', '.wasm': 'wasm', '.css': 'stylesheet', '.svg': 'icon', '.ico': 'icon', '.png': 'icon' })[
    path.extname(file)
  ] ?? 'other';

export default async function measureFirstLoad() {
  const dir = distDir();
  const files = await listFiles(dir);
  if (!files.includes('index.html')) throw new Error(`${dir}/index.html is missing: is ${dir} a release build?`);
  const indexHtml = await fs.readFile(path.join(dir, 'index.html'), 'utf8');
  const named = filesNamedByIndex(indexHtml, files);
  const requested = await filesRequestedByBrowser(files);

  let rows = [];
  for (const file of files) {
    const bytes = await fs.readFile(path.join(dir, file));
    const gzip = zlib.gzipSync(bytes, { level: 9 }).length;
    const firstVisit = file === 'index.html' || named.has(file) || requested.before.has(file);
    const stage = isServiceWorker(file) || (requested.after.has(file) && !firstVisit) ? 'after load' : firstVisit ? 'first load' : 'not fetched';
    rows.push({ file, kind: kindOf(file), stage, raw: bytes.length, gzip, namedByIndex: named.has(file), requested: requested.before.has(file) || requested.after.has(file) });
  }
  rows = withPatternPagesTogether(rows);
  const total = (stage) =>
    rows.filter((r) => r.stage === stage).reduce((sum, r) => ({ raw: sum.raw + r.raw, gzip: sum.gzip + r.gzip }), { raw: 0, gzip: 0 });
  const firstLoad = total('first load');
  const afterLoad = total('after load');
  const marginBytes = BUDGET_GZIP_BYTES - firstLoad.gzip;

  const wasmFiles = rows.filter((r) => r.stage === 'first load' && r.kind === 'wasm').map((r) => path.join(dir, r.file));
  const catalog = await measureCatalogShare(wasmFiles);

  heading('First load: what a first visit downloads (1 KB = 1024 bytes; gzip at level 9, node:zlib)');
  const order = { 'first load': 0, 'after load': 1, 'not fetched': 2 };
  const shown = [...rows].sort((a, b) => order[a.stage] - order[b.stage] || b.gzip - a.gzip);
  printTable(
    ['File', 'Kind', 'Counted as', '>Raw', '>Gzip', '>Share of gzip total'],
    shown.map((r) => [r.file, r.kind, r.stage, kb(r.raw), kb(r.gzip), r.stage === 'first load' ? pct(r.gzip / firstLoad.gzip) : '']),
  );
  note(`first load total: ${kb(firstLoad.raw)} raw, ${kb(firstLoad.gzip)} gzip (${firstLoad.gzip} bytes)`);
  if (afterLoad.raw > 0) note(`after load total:  ${kb(afterLoad.raw)} raw, ${kb(afterLoad.gzip)} gzip (not counted against the budget)`);
  note(
    marginBytes >= 0
      ? `budget ${kb(BUDGET_GZIP_BYTES)} gzip: within, margin ${kb(marginBytes)} (${pct(marginBytes / BUDGET_GZIP_BYTES)} of the budget left)`
      : `budget ${kb(BUDGET_GZIP_BYTES)} gzip: \x1b[1mOVER BUDGET\x1b[0m by ${kb(-marginBytes)} (first load is ${(firstLoad.gzip / BUDGET_GZIP_BYTES).toFixed(2)}× the budget)`,
  );
  if (requested.unknown.size) note(`requested but not in the site (answered 404): ${[...requested.unknown].join(', ')}`);
  note(`catalog in the wasm: ${catalog.summary}`);

  return {
    kbUnitBytes: KB,
    gzipLevel: 9,
    budgetGzipBytes: BUDGET_GZIP_BYTES,
    files: rows,
    firstLoad,
    afterLoad,
    withinBudget: marginBytes >= 0,
    marginBytes,
    requestedButMissing: [...requested.unknown],
    catalog,
  };
}
