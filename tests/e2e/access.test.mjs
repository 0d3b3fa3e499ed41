// End-to-end: keyboard-only use, visible focus, landmarks, a phone-sized
// viewport, and no layout shift when results change.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, problemsOf, useSite } from './browser.mjs';

const site = useSite(before, after);

/** Presses Tab until `predicate` holds for the focused element (at most 60 times). */
async function tabUntil(page, predicate, what) {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(predicate)) return;
  }
  assert.fail(`Tab never reached ${what}`);
}

test('search, filter and open a pattern with the keyboard alone, focus always visible', async () => {
  const page = await openPage(site.browser, site.server.url('/'));
  await tabUntil(page, () => document.activeElement?.id === 'search-input', 'the search box');
  await page.keyboard.type('event');
  await page.waitForFunction(() => location.search === '?q=event');
  await tabUntil(page, () => document.activeElement?.textContent?.startsWith('Consistency'), 'the Consistency filter');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none', 'focus is visible');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.search.includes('category=consistency'));
  await tabUntil(page, () => document.activeElement?.closest('.card h3') !== null, 'a card link');
  const name = await page.evaluate(() => document.activeElement.textContent);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.pathname.startsWith('/patterns/'));
  assert.equal(await page.locator('main h1').innerText(), name.trim());
  assert.deepEqual(problemsOf(page), []);
});

test('landmarks and headings: one h1, banner, main, contentinfo, a search region', async () => {
  const page = await openPage(site.browser, site.server.url('/'));
  assert.equal(await page.locator('h1').count(), 1);
  for (const role of ['banner', 'main', 'contentinfo', 'search']) {
    assert.equal(await page.getByRole(role).count(), 1, role);
  }
  for (const button of await page.getByRole('button').all()) {
    const name = (await button.getAttribute('aria-label')) ?? (await button.innerText());
    assert.ok(name.trim().length > 0, 'every button has an accessible name');
  }
});

test('filtering causes no layout shift', async () => {
  const page = await openPage(site.browser, site.server.url('/'));
  await page.evaluate(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => window.__shifts.push(...list.getEntries().map((e) => e.value)))
      .observe({ type: 'layout-shift', buffered: false });
  });
  const filterTop = async () => page.locator('.filters').evaluate((e) => e.getBoundingClientRect().top);
  const before = await filterTop();
  for (const name of [/^APIs/, /^All/, /^Performance/, /^All/]) {
    await page.getByRole('button', { name }).click();
  }
  await page.getByLabel('Search patterns').fill('qqqqzzzz');
  await page.getByLabel('Search patterns').fill('');
  await page.waitForTimeout(300);
  assert.equal(await filterTop(), before, 'the controls above the results never move');
  const shifts = await page.evaluate(() => window.__shifts);
  assert.deepEqual(shifts.filter((v) => v > 0.001), [], 'no layout shift outside user input');
});

test('a 360 px phone shows everything without horizontal scrolling', async () => {
  for (const path of ['/', '/patterns/saga', '/?q=outbox']) {
    const page = await openPage(site.browser, site.server.url(path), { viewport: { width: 360, height: 740 } });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, `no horizontal scroll at ${path}`);
    await page.context().close();
  }
});
