// End-to-end: the home page of a catalog too large to show at once, built
// into target/dist-large from 200 generated patterns with 273 tags
// (scripts/bench/generate-catalog.mjs --count 200, as scripts/test.sh does).
// The shipped catalog has 8 patterns and 30 tags, so neither the page of
// cards nor the shortened tag list ever shows there: this is where they are
// checked, and where in-app links are checked on a page full of them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openPage, problemsOf, useSite } from './browser.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = process.env.E2E_LARGE_DIST ?? path.join(ROOT, 'target/dist-large');
const CATALOG = JSON.parse(fs.readFileSync(path.join(ROOT, 'target/large/catalog.json'), 'utf8'));
const site = useSite(before, after, DIST);

const PAGE = 12;
const OFFERED = 36;
const tagUses = new Map();
for (const pattern of CATALOG.patterns) for (const tag of pattern.tags) tagUses.set(tag, (tagUses.get(tag) ?? 0) + 1);
const TAGS = tagUses.size;
// A tag carried by one pattern only: never among the most used.
const RARE = [...tagUses].filter(([, uses]) => uses === 1).map(([tag]) => tag).sort()[0];

const cards = (page) => page.locator('article.card');
const tagChips = (page) => page.locator('.filter-group').nth(1).locator('button.chip');
const moreTags = (page) => page.locator('button.more-tags');

test('the catalog is large enough to page and to shorten the tag list', () => {
  assert.equal(CATALOG.patterns.length, 200);
  assert.ok(TAGS > OFFERED, `${TAGS} tags`);
  assert.ok(RARE, 'some tag is carried by one pattern');
});

test('home lists a page of cards, and the next page on request, keeping focus on the button', async () => {
  const page = await openPage(site.browser, site.server.url('/'));
  assert.equal(await cards(page).count(), PAGE);
  const more = page.locator('button.show-more');
  assert.equal(await more.innerText(), `Show ${PAGE} more (${200 - PAGE} not listed yet)`);
  await more.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction((n) => document.querySelectorAll('article.card').length === n, 2 * PAGE);
  assert.equal(await more.innerText(), `Show ${PAGE} more (${200 - 2 * PAGE} not listed yet)`);
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'show-more');
  // A new search starts again from the first page.
  await page.getByLabel('Search patterns').fill('cache');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'cache');
  await page.waitForFunction((n) => document.querySelectorAll('article.card').length <= n, PAGE);
  assert.equal(await page.locator('h2#ranked-heading').count(), 1);
  assert.deepEqual(problemsOf(page), []);
});

test('the tag filter offers the most used tags, and all of them on request', async () => {
  const page = await openPage(site.browser, site.server.url('/'));
  assert.equal(await tagChips(page).count(), OFFERED);
  const toggle = moreTags(page);
  assert.equal(await toggle.innerText(), `Show all ${TAGS} tags`);
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  // The offered tags are the most used ones, in slug order.
  const offered = (await tagChips(page).evaluateAll((els) => els.map((e) => e.firstChild.textContent))).map((t) => t.slice(1));
  assert.deepEqual(offered, [...offered].sort());
  const leastOffered = Math.min(...offered.map((t) => tagUses.get(t)));
  const mostLeftOut = Math.max(...[...tagUses].filter(([t]) => !offered.includes(t)).map(([, n]) => n));
  assert.ok(leastOffered >= mostLeftOut, `offered down to ${leastOffered} uses, left out up to ${mostLeftOut}`);

  await toggle.click();
  assert.equal(await tagChips(page).count(), TAGS);
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  assert.equal(await toggle.innerText(), 'Show fewer tags');
  await toggle.click();
  assert.equal(await tagChips(page).count(), OFFERED);
  assert.deepEqual(problemsOf(page), []);
});

test('a selected rare tag is offered, and stays under the focus when deselected', async () => {
  const page = await openPage(site.browser, site.server.url(`/?tag=${RARE}`));
  assert.equal(await cards(page).count(), 1);
  const chip = page.getByRole('button', { name: new RegExp(`^#${RARE}\\b`) });
  assert.equal(await chip.getAttribute('aria-pressed'), 'true');
  assert.equal(await tagChips(page).count(), OFFERED + 1);
  await chip.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.search === '');
  assert.equal(await cards(page).count(), PAGE);
  assert.equal(await chip.getAttribute('aria-pressed'), 'false');
  assert.equal(await page.evaluate(() => document.activeElement?.firstChild?.textContent), `#${RARE}`);
  assert.deepEqual(problemsOf(page), []);
});

test('links on a page full of them navigate in place; a modified click is left to the browser', async () => {
  const page = await openPage(site.browser, site.server.url('/'));
  await page.evaluate(() => { window.__samePage = true; });
  const first = cards(page).first();
  const slug = (await first.getAttribute('aria-labelledby')).replace(/^card-/, '');
  // Ctrl+click opens a new tab and leaves this page where it is.
  const opened = page.context().waitForEvent('page');
  await first.locator('h3 a').click({ modifiers: ['Control'] });
  const tab = await opened;
  await tab.close();
  assert.equal(new URL(page.url()).pathname, '/');
  // A tag link in a card filters in place, and so does the title link.
  const tag = await first.locator('a.tag').first().innerText();
  await first.locator('a.tag').first().click();
  await page.waitForFunction((t) => new URL(location.href).searchParams.get('tag') === t, tag.slice(1));
  await page.locator(`article.card[aria-labelledby="card-${slug}"] h3 a`).click();
  await page.waitForFunction((s) => location.pathname === `/patterns/${s}`, slug);
  assert.equal(await page.evaluate(() => window.__samePage), true, 'no reload');
  await page.goBack();
  await page.waitForFunction(() => new URL(location.href).searchParams.has('tag'));
  assert.equal(await page.evaluate(() => window.__samePage), true, 'no reload');
  assert.deepEqual(problemsOf(page), []);
});
