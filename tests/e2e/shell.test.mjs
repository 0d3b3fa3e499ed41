// End-to-end: the static first paint (`#shell`) of index.html and of the
// pattern pages the post-build step writes from it. Before the WebAssembly
// runs, a visitor already sees the header and, on the home page, the intro,
// on a pattern's page the top of that page, in the theme they chose; the
// app then takes their place with the same markup in the same spot, and the
// shell's paint is what the browser times as the largest contentful paint.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { APP_HEADING, openPage, problemsOf, useSite } from './browser.mjs';

const site = useSite(before, after);

/** A page whose WebAssembly never arrives, so only index.html's own markup shows. */
async function openWithoutApp(url, { theme, viewport } = {}) {
  const page = await openPage(site.browser, undefined, viewport ? { viewport } : {});
  if (theme) await page.addInitScript((t) => localStorage.setItem('patterns-forged-theme', t), theme);
  await page.route(/\.wasm$/, (route) => route.abort());
  await page.goto(url);
  await page.waitForLoadState('load');
  return page;
}

/**
 * For each name of `selectors`, the one element its selector finds: its
 * text, its box, and the links inside it (or how many elements it found,
 * when that is not one).
 */
function boxesOf(page, selectors) {
  return page.evaluate((selectors) => {
    const box = (selector) => {
      const found = document.querySelectorAll(selector);
      if (found.length !== 1) return `${found.length} × ${selector}`;
      const { x, y, width, height } = found[0].getBoundingClientRect();
      const links = [...found[0].querySelectorAll('a')].map((a) => a.href);
      return { text: found[0].innerText, x, y, width, height, links };
    };
    return Object.fromEntries(Object.entries(selectors).map(([name, selector]) => [name, box(selector)]));
  }, selectors);
}

/** What the first paint shows: texts and boxes of the header and the intro. */
async function layoutOf(page) {
  const boxes = await boxesOf(page, { brand: '.site-header .brand', h1: 'main h1', lede: 'main .lede' });
  return { ...boxes, theme: await page.evaluate(() => document.querySelector('.theme-toggle')?.innerText) };
}

/** Records the page's largest-contentful-paint candidates, from before its own scripts run. */
async function recordLargestPaints(page) {
  await page.addInitScript(() => {
    window.__largestPaints = [];
    new PerformanceObserver((list) => window.__largestPaints.push(...list.getEntries())).observe({ type: 'largest-contentful-paint', buffered: true });
  });
}

/**
 * Asserts that the last largest-contentful-paint candidate is the shell's
 * (removed since, so no longer connected), not the app's copy of it nor
 * anything the app rendered after it.
 */
async function assertLargestPaintIsTheShells(page, where) {
  const largest = await page.evaluate(() =>
    window.__largestPaints.map((e) => ({ tag: e.element?.tagName ?? null, connected: e.element?.isConnected ?? false, text: e.element?.textContent?.slice(0, 40) ?? null })),
  );
  assert.ok(largest.length >= 1, 'a largest contentful paint was reported');
  assert.equal(largest.at(-1).connected, false, `the last candidate is the shell's ${where}: ${JSON.stringify(largest)}`);
}

test('before the app runs, home shows the header and the intro', async () => {
  const page = await openWithoutApp(site.server.url('/'));
  const shell = await layoutOf(page);
  assert.match(shell.brand.text, /^◆\s*Patterns, forged$/);
  assert.equal(shell.h1.text, 'Software-architecture patterns, simulated');
  assert.match(shell.lede.text, /^Find a pattern by the problem you have/);
  assert.equal(shell.theme, 'Theme: system');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), undefined);
  await page.context().close();
});

test('before the app runs, another page shows the header but not the home intro', async () => {
  for (const path of ['/patterns/no-such-pattern', '/no/such/place']) {
    const page = await openWithoutApp(site.server.url(path));
    assert.equal(await page.locator('.site-header .brand').count(), 1, path);
    assert.equal(await page.locator('main h1, .intro').count(), 0, path);
    await page.context().close();
  }
});

/** What a pattern page's first paint shows: texts, boxes and links of its top. */
function patternTopOf(page) {
  const parts = ['.site-header .brand', 'nav.breadcrumb', '#pattern-title', 'article .lede', 'article ul.tags', '#problem-heading', 'section.problem p'];
  return boxesOf(page, Object.fromEntries(parts.map((selector) => [selector, selector])));
}

test("before the app runs, a pattern's page shows its title, summary, tags and problem, under its own title", async () => {
  const page = await openWithoutApp(site.server.url('/patterns/saga'));
  const top = await patternTopOf(page);
  assert.equal(await page.title(), 'Saga · Patterns, forged');
  assert.match(await page.locator('meta[name="description"]').getAttribute('content'), /^Runs a cross-service business transaction/);
  assert.equal(top['#pattern-title'].text, 'Saga');
  assert.equal(top['nav.breadcrumb'].text, 'All patterns / Consistency');
  assert.deepEqual(top['nav.breadcrumb'].links, [site.server.url('/'), site.server.url('/?category=consistency')]);
  assert.match(top['article ul.tags'].text, /#compensation/);
  assert.ok(top['article ul.tags'].links.includes(site.server.url('/?tag=compensation')));
  assert.match(top['section.problem p'].text, /^A business transaction that spans multiple services/);
  assert.equal(await page.locator('.intro').count(), 0);
  await page.context().close();
});

test("the app replaces a pattern page's shell with the same texts and links in the same places", async () => {
  for (const viewport of [{ width: 412, height: 823 }, { width: 1280, height: 900 }]) {
    const withoutApp = await openWithoutApp(site.server.url('/patterns/saga'), { viewport });
    const shell = await patternTopOf(withoutApp);
    await withoutApp.context().close();

    const page = await openPage(site.browser, undefined, { viewport });
    await recordLargestPaints(page);
    await page.addInitScript(() => {
      window.__shifts = 0;
      new PerformanceObserver((list) => list.getEntries().forEach((e) => (window.__shifts += e.value))).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(site.server.url('/patterns/saga'));
    await page.waitForSelector(APP_HEADING);
    await page.waitForSelector('.sim-player');
    assert.equal(await page.locator('#shell').count(), 0, 'the shell is gone');
    assert.deepEqual(await patternTopOf(page), shell, `same texts, boxes and links at ${viewport.width} px`);
    assert.equal(await page.evaluate(() => window.__shifts), 0, 'nothing moved');
    await assertLargestPaintIsTheShells(page, `at ${viewport.width} px`);
    assert.deepEqual(problemsOf(page), []);
    await page.context().close();
  }
});

test('the theme the visitor chose applies before the app runs', async () => {
  const page = await openWithoutApp(site.server.url('/'), { theme: 'dark' });
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  assert.equal((await layoutOf(page)).theme, 'Theme: dark');
  await page.context().close();
});

test('before the app runs, the page is styled by its inline stylesheet, with none to fetch', async () => {
  for (const path of ['/', '/patterns/saga']) {
    const page = await openWithoutApp(site.server.url(path));
    const styled = await page.evaluate(() => ({
      header: getComputedStyle(document.querySelector('.site-header')).display,
      skipLink: getComputedStyle(document.querySelector('.skip-link')).position,
      fetched: performance.getEntriesByType('resource').filter((e) => /\.css(\?|$)/.test(e.name)).map((e) => e.name),
    }));
    assert.deepEqual(styled, { header: 'flex', skipLink: 'absolute', fetched: [] }, path);
    await page.context().close();
  }
});

test('the app replaces the shell with the same header and intro in the same place', async () => {
  // On a phone the first card reaches the window: its summary must not
  // outgrow the intro, or the largest paint waits for the WebAssembly.
  // Widths of common phones (390: iPhones 12 to 14; 412: Lighthouse's).
  for (const viewport of [{ width: 390, height: 844 }, { width: 412, height: 823 }, { width: 1280, height: 900 }]) {
    const withoutApp = await openWithoutApp(site.server.url('/'), { viewport });
    const shell = await layoutOf(withoutApp);
    await withoutApp.context().close();

    const page = await openPage(site.browser, undefined, { viewport });
    await recordLargestPaints(page);
    await page.goto(site.server.url('/'));
    await page.waitForSelector(APP_HEADING);
    await page.waitForSelector('.card');
    assert.equal(await page.locator('#shell').count(), 0, 'the shell is gone');
    assert.equal(await page.locator('header').count(), 1);
    assert.equal(await page.locator('main').count(), 1);
    assert.equal(await page.locator('#main').count(), 1);
    assert.deepEqual(await layoutOf(page), shell, `same texts, same boxes at ${viewport.width} px`);

    // The largest contentful paint is the shell's intro, not a card.
    await assertLargestPaintIsTheShells(page, `at ${viewport.width} px`);
    assert.deepEqual(problemsOf(page), []);
    await page.context().close();
  }
});

test('the app still starts when the browser never reports a first paint', async () => {
  const page = await openPage(site.browser);
  await page.addInitScript(() => {
    const entriesByName = performance.getEntriesByName.bind(performance);
    performance.getEntriesByName = (name, type) => (name === 'first-contentful-paint' ? [] : entriesByName(name, type));
  });
  await page.goto(site.server.url('/'));
  await page.waitForSelector('.card', { timeout: 10_000 });
  assert.equal(await page.locator('#shell').count(), 0, 'the shell is gone');
  assert.equal(await page.locator('main h1').count(), 1);
  assert.deepEqual(problemsOf(page), []);
  await page.context().close();
});
