// End-to-end: the build made for a sub-path (/patterns-forged/) works there,
// deep links included, with every asset loaded by absolute URL.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { APP_HEADING, openPage, problemsOf, useSite } from './browser.mjs';

const site = useSite(before, after, 'target/dist-subpath', '/patterns-forged/');

test('home, links and a reloaded deep link work under /patterns-forged/', async () => {
  const page = await openPage(site.browser, site.server.url('/'));
  assert.equal(await page.locator('.card h3').count(), 8);
  await page.getByRole('link', { name: 'Event Sourcing', exact: true }).click();
  await page.waitForURL(/\/patterns-forged\/patterns\/event-sourcing$/);
  await page.reload();
  await page.waitForSelector(APP_HEADING);
  assert.equal(await page.locator('main h1').innerText(), 'Event Sourcing');
  await page.getByRole('link', { name: '#audit' }).click();
  await page.waitForURL(/\/patterns-forged\/\?tag=audit$/);
  assert.deepEqual(await page.locator('.card h3').allInnerTexts(), ['Event Sourcing']);
  assert.deepEqual(problemsOf(page), []);
});

test('a deep link opened cold under the sub-path boots the app', async () => {
  const page = await openPage(site.browser, site.server.url('/patterns/cqrs'));
  assert.equal(await page.locator('main h1').innerText(), 'CQRS');
  const scripts = await page.evaluate(() => [...document.querySelectorAll('script[src], link[href]')].map((e) => e.getAttribute('src') ?? e.getAttribute('href')));
  for (const src of scripts) assert.ok(src.startsWith('/patterns-forged/'), `asset by absolute URL: ${src}`);
  assert.deepEqual(problemsOf(page), []);
});

test('filters and search keep the sub-path in the URL', async () => {
  const page = await openPage(site.browser, site.server.url('/'));
  await page.getByRole('button', { name: /^Consistency/ }).click();
  await page.getByLabel('Search patterns').fill('saga');
  await page.waitForFunction(() => location.search.includes('q=saga'));
  const url = new URL(page.url());
  assert.equal(url.pathname, '/patterns-forged/');
  await page.reload();
  await page.waitForSelector('.card h3');
  assert.deepEqual(await page.locator('.card h3').allInnerTexts(), ['Saga']);
  assert.deepEqual(problemsOf(page), []);
});

test('before the app runs, the first paint shows the home intro at the base path only', async () => {
  for (const [path, intros] of [['/', 1], ['/patterns/saga', 0]]) {
    const page = await openPage(site.browser);
    await page.route(/\.wasm$/, (route) => route.abort());
    await page.goto(site.server.url(path));
    await page.waitForLoadState('load');
    assert.equal(await page.locator('.site-header .brand').count(), 1, path);
    assert.equal(await page.locator('main .intro').count(), intros, path);
    await page.context().close();
  }
});

test("before the app runs, a pattern's page links under the base path", async () => {
  const page = await openPage(site.browser);
  await page.route(/\.wasm$/, (route) => route.abort());
  await page.goto(site.server.url('/patterns/saga'));
  await page.waitForLoadState('load');
  assert.equal(await page.locator('#pattern-title').innerText(), 'Saga');
  const links = await page.locator('#shell a').evaluateAll((anchors) => anchors.map((a) => a.href));
  assert.ok(links.includes(site.server.url('/')), links.join(' '));
  assert.ok(links.includes(site.server.url('/?category=consistency')), links.join(' '));
  assert.ok(links.includes(site.server.url('/?tag=compensation')), links.join(' '));
  assert.ok(links.every((href) => href.startsWith(site.server.url('/'))), links.join(' '));
  await page.context().close();
});
