// End-to-end: offline use and release updates through the service worker
// (sw.js, written by scripts/post-build.mjs), at / and under /patterns-forged/.
// After a first visit online, the site works with the network off and the
// server stopped (Chromium's offline emulation may not cover a service
// worker's own fetches): home, a deep link into a simulation, stepping it.
// When the host has a new release, the next visit shows it, whole (its HTML
// with its assets), the old release's cache is deleted, and the new one
// works offline.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { APP_HEADING, launch, openPage, gotoApp, problemsOf } from './browser.mjs';
import { serveStatic } from './static-server.mjs';

const SITES = [
  { base: '/', dist: process.env.E2E_DIST ?? 'dist' },
  { base: '/patterns-forged/', dist: process.env.E2E_SUBPATH_DIST ?? 'target/dist-subpath' },
];
const DEEP_LINK = '/patterns/saga?scenario=orchestrated-no-courier&step=3';

let browser;
const scratch = [];
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
  for (const dir of scratch) await rm(dir, { recursive: true, force: true });
});

async function scratchDir() {
  const dir = await mkdtemp(path.join(tmpdir(), 'patterns-forged-offline-'));
  scratch.push(dir);
  return dir;
}

/** The build's cache name and file URLs, as written into its sw.js. */
async function buildOf(dir) {
  const source = await readFile(path.join(dir, 'sw.js'), 'utf8');
  return JSON.parse(source.match(/^const BUILD = (\{[\s\S]*?\n\});$/m)[1]);
}

/** Waits until the page is controlled by an active service worker, whose scope it returns. */
async function waitForServiceWorker(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
  return page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
}

/** This origin's cache names, and the URLs each holds. */
function cachesOf(page) {
  return page.evaluate(async () => {
    const result = {};
    for (const name of await caches.keys()) {
      result[name] = (await (await caches.open(name)).keys()).map((request) => new URL(request.url).pathname).sort();
    }
    return result;
  });
}

/**
 * Waits (up to 30 s) until the origin's cache names are `names`. It reads
 * the names alone: opening a cache to list it (as cachesOf does) while the
 * new release's worker deletes it would create it again, empty, for good.
 */
async function waitForCaches(page, names) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if ((await page.evaluate(() => caches.keys())).join() === names.join()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Stops the host and cuts the browser's network. */
async function goOffline(page, server) {
  await server.close();
  await page.context().setOffline(true);
}

/** The release mark of the page's stylesheet (see makeRelease). */
function releaseShown(page) {
  return page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--release').trim());
}

/**
 * A copy of the build in `dir` that differs visibly: its stylesheet, which
 * index.html carries inline, sets `--release: "<label>"`, as a new release
 * from Trunk would; then the post-build step runs again on the copy, as
 * Trunk's hook would, and gives it a policy with the new stylesheet's hash.
 */
async function makeRelease(fromDir, label) {
  const dir = await scratchDir();
  await cp(fromDir, dir, { recursive: true });
  const indexPath = path.join(dir, 'index.html');
  const html = await readFile(indexPath, 'utf8');
  const marked = html.replace('</style>', `:root{--release:"${label}"}</style>`);
  assert.notEqual(marked, html, 'the copy has a stylesheet to mark');
  await writeFile(indexPath, marked);
  await promisify(execFile)(process.execPath, ['scripts/post-build.mjs', dir]);
  return { dir };
}

/** Replaces what the host serves from `liveDir` with the files of `releaseDir`, as a deployment does. */
async function deploy(releaseDir, liveDir) {
  for (const name of await readdir(liveDir)) await rm(path.join(liveDir, name), { recursive: true });
  await cp(releaseDir, liveDir, { recursive: true });
}

for (const { base, dist } of SITES) {
  test(`after one visit, the site at ${base} works offline: reload, a deep link, stepping the player`, async () => {
    const server = await serveStatic(dist, base);
    const page = await openPage(browser, server.url('/'));
    try {
      const scope = await waitForServiceWorker(page);
      assert.equal(scope, server.url('/'), 'the worker covers the whole site and nothing more');
      const build = await buildOf(dist);
      assert.deepEqual(await cachesOf(page), { [build.cache]: [...build.files].sort() }, 'every file of the build is cached');

      await goOffline(page, server);
      assert.equal((await fetch(server.url('/')).catch(() => null))?.status, undefined, 'the host is really gone');
      await page.reload();
      await page.waitForSelector(APP_HEADING);
      assert.equal(await page.locator('.card').count(), 8);

      await gotoApp(page, server.url(DEEP_LINK));
      assert.equal(await page.locator('main h1').innerText(), 'Saga');
      assert.match(await page.locator('.sim-counter').innerText(), /^Step 3 of \d+/);
      await page.getByRole('button', { name: 'Next step' }).click();
      assert.match(await page.locator('.sim-counter').innerText(), /^Step 4 of \d+/);
      assert.match(page.url(), /step=4/);
      await page.getByRole('link', { name: 'All patterns' }).click();
      await page.waitForSelector('.card');
      assert.deepEqual(problemsOf(page), []);
    } finally {
      await page.context().close();
      await server.close();
    }
  });

  test(`a new release at ${base} replaces the cached one on the next visit, whole, and works offline`, async () => {
    const releaseA = await makeRelease(dist, 'A');
    const releaseB = await makeRelease(dist, 'B');
    const [buildA, buildB] = [await buildOf(releaseA.dir), await buildOf(releaseB.dir)];
    assert.notEqual(buildA.cache, buildB.cache, 'each release has its own cache name');
    const live = await scratchDir();
    await deploy(releaseA.dir, live);
    const server = await serveStatic(live, base);
    const page = await openPage(browser, server.url(DEEP_LINK));
    try {
      assert.equal(await waitForServiceWorker(page), server.url('/'), 'registered from <base href>, not from the deep link\'s path');
      assert.equal(await releaseShown(page), '"A"');
      assert.deepEqual(Object.keys(await cachesOf(page)), [buildA.cache]);

      await deploy(releaseB.dir, live);
      await gotoApp(page, server.url('/'));
      assert.equal(await releaseShown(page), '"B"', 'the next visit shows release B');
      await waitForCaches(page, [buildB.cache]);
      assert.deepEqual(await cachesOf(page), { [buildB.cache]: [...buildB.files].sort() }, "only B's cache is left, holding all of B");

      await goOffline(page, server);
      await gotoApp(page, server.url(DEEP_LINK));
      assert.equal(await releaseShown(page), '"B"', 'offline, release B');
      assert.match(await page.locator('.sim-counter').innerText(), /^Step 3 of \d+/);
      assert.deepEqual(problemsOf(page), []);
    } finally {
      await page.context().close();
      await server.close();
    }
  });
}
