// End-to-end: the release build in dist/ served on loopback like a static
// host, driven in headless Chromium as a person would use it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { APP_HEADING, openPage, gotoApp, problemsOf, useSite } from './browser.mjs';

const site = useSite(before, after);

const cardTitles = (page) => page.locator('.card h3').allInnerTexts();
const pathAndQuery = (page) => {
  const url = new URL(page.url());
  return url.pathname + url.search;
};

test('home lists every pattern, grouped by category in the seed order', async () => {
  const page = await openPage(site.browser, site.server.url('/'));
  assert.equal((await cardTitles(page)).length, 8);
  assert.deepEqual(await page.locator('h2.category-heading').allInnerTexts(), [
    'Scalability', 'Operability', 'APIs', 'Consistency', 'Performance',
  ]);
  assert.match(await page.title(), /Patterns, forged/);
  assert.deepEqual(problemsOf(page), []);
});

test('filter by category and by tags, with the view in the URL', async () => {
  const page = await openPage(site.browser, site.server.url('/'));
  await page.getByRole('button', { name: /^Consistency/ }).click();
  assert.deepEqual(await cardTitles(page), ['Transactional Outbox', 'Saga']);
  assert.equal(pathAndQuery(page), '/?category=consistency');
  await page.getByRole('button', { name: /^#compensation/ }).click();
  assert.deepEqual(await cardTitles(page), ['Saga']);
  assert.equal(pathAndQuery(page), '/?category=consistency&tag=compensation');
  await page.goBack();
  await page.waitForFunction(() => document.querySelectorAll('.card').length === 2);
  assert.deepEqual(await cardTitles(page), ['Transactional Outbox', 'Saga']);
  await page.goForward();
  await page.waitForFunction(() => document.querySelectorAll('.card').length === 1);
  assert.deepEqual(problemsOf(page), []);
});

test('search ranks problem-first queries, marks matches and does not flood history', async () => {
  const page = await openPage(site.browser, site.server.url('/'));
  const before = await page.evaluate(() => history.length);
  await page.getByLabel('Search patterns').pressSequentially('charged twice', { delay: 20 });
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'charged twice');
  assert.equal((await cardTitles(page))[0], 'Idempotency Key');
  assert.ok((await page.locator('.card mark').count()) > 0, 'matched words are marked');
  const after = await page.evaluate(() => history.length);
  assert.ok(after - before <= 1, `typing 13 keys added ${after - before} history entries`);

  for (const [query, first] of [['lost events broker down', 'Transactional Outbox'], ['sagga', 'Saga']]) {
    await page.getByLabel('Search patterns').fill(query);
    await page.waitForFunction((q) => new URL(location.href).searchParams.get('q') === q, query);
    assert.equal((await cardTitles(page))[0], first, query);
  }
  await page.getByLabel('Search patterns').fill('stale reads slow database');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'stale reads slow database');
  assert.ok((await cardTitles(page)).includes('Read-Through Cache'));
  assert.deepEqual(problemsOf(page), []);
});

test('a search that finds nothing says so and offers a way back', async () => {
  const page = await openPage(site.browser, site.server.url('/?q=qqqqzzzz'));
  await assertVisibleText(page, 'No patterns match “qqqqzzzz”');
  await page.getByRole('button', { name: 'Show all patterns' }).click();
  assert.equal((await cardTitles(page)).length, 8);
  assert.equal(pathAndQuery(page), '/');
});

test('open a pattern from its card, reload the deep link, go back', async () => {
  const page = await openPage(site.browser, site.server.url('/'));
  await page.getByRole('link', { name: 'Saga', exact: true }).click();
  await page.waitForURL(/\/patterns\/saga$/);
  assert.equal(await page.locator('main h1').innerText(), 'Saga');
  assert.match(await page.title(), /^Saga/);
  await page.reload();
  await page.waitForSelector(APP_HEADING);
  assert.equal(await page.locator('main h1').innerText(), 'Saga');
  assert.ok(await page.getByRole('heading', { name: 'How it works' }).isVisible());
  await page.getByRole('link', { name: '#compensation' }).click();
  await page.waitForURL(/\?tag=compensation$/);
  // Home's search index and tag choices are built on the way: a page
  // opened first does not build them (src/ui/data.rs).
  assert.deepEqual(await cardTitles(page), ['Saga']);
  assert.equal(await page.getByRole('button', { name: /^#compensation/ }).getAttribute('aria-pressed'), 'true');
  await page.goBack();
  await page.waitForURL(/\/patterns\/saga$/);
  assert.equal(await page.locator('main h1').innerText(), 'Saga');
  assert.deepEqual(problemsOf(page), []);
});

test('a shared filter link opens that view', async () => {
  const page = await openPage(site.browser, site.server.url('/?q=events&category=scalability&tag=cqrs'));
  assert.equal(await page.getByLabel('Search patterns').inputValue(), 'events');
  assert.ok((await cardTitles(page)).length >= 1);
  for (const title of await cardTitles(page)) assert.ok(['CQRS', 'Event Sourcing'].includes(title), title);
  assert.equal(await page.getByRole('button', { name: /^Scalability/ }).getAttribute('aria-pressed'), 'true');
  assert.equal(await page.getByRole('button', { name: /^#cqrs/ }).getAttribute('aria-pressed'), 'true');
});

test('an unknown slug and an unknown path show not-found with suggestions', async () => {
  const page = await openPage(site.browser, site.server.url('/patterns/transactional-outbx'));
  assert.equal(await page.locator('main h1').innerText(), 'No pattern here');
  assert.equal(await page.locator('.suggestions a').first().innerText(), 'Transactional Outbox');
  await gotoApp(page, site.server.url('/no/such/place'));
  assert.equal(await page.locator('main h1').innerText(), 'No pattern here');
  await page.getByRole('link', { name: 'Browse all patterns' }).click();
  assert.equal((await cardTitles(page)).length, 8);
  assert.deepEqual(problemsOf(page), []);
});

async function assertVisibleText(page, text) {
  await page.getByText(text).waitFor({ state: 'visible', timeout: 10_000 });
}
