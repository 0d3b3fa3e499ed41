// End-to-end: the saga walk-through, as a learner would use it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, gotoApp, problemsOf, useSite } from './browser.mjs';

const site = useSite(before, after);

const counter = (page) => page.locator('.sim-counter').innerText();
const stepOf = async (page) => (await counter(page)).match(/^Step (\d+) of (\d+)/).slice(1).map(Number);
// The panels' markup without Leptos's empty placeholder comments (one
// follows the markup until its first redraw), which show nothing.
const frameState = (page) =>
  page.evaluate(() => [
    document.querySelector('.sim-panels').innerHTML.replaceAll('<!---->', ''),
    document.querySelector('.sim-narration').textContent,
  ]);

test('play the happy path to the end: every invariant holds and the order is confirmed', async () => {
  const page = await openPage(site.browser, site.server.url('/patterns/saga'));
  await page.getByLabel('Scenario').selectOption('orchestrated-happy-path');
  await page.getByLabel('Speed').selectOption({ label: '4×' });
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForFunction(() => /^Step (\d+) of \1\b/.test(document.querySelector('.sim-counter').textContent), null, { timeout: 30_000 });
  assert.ok(await page.getByRole('button', { name: 'Play' }).isVisible(), 'playback stopped at the end');
  const badges = await page.locator('.sim-invariant .badge').allInnerTexts();
  assert.ok(badges.length >= 3, `badges: ${badges}`);
  for (const badge of badges) assert.match(badge, /holding/i);
  assert.match(await page.locator('.sim-panels').innerText(), /CONFIRMED/);
  assert.deepEqual(problemsOf(page), []);
});

test('a failure scenario steps through compensations in reverse order, and a reloaded deep link shows the same state', async () => {
  const page = await openPage(site.browser, site.server.url('/patterns/saga'));
  await page.getByLabel('Scenario').selectOption('orchestrated-no-courier');
  const narrations = [];
  let [step, last] = await stepOf(page);
  while (step < last) {
    await page.getByRole('button', { name: 'Next step' }).click();
    [step, last] = await stepOf(page);
    narrations.push(await page.locator('.sim-narration').innerText());
  }
  const text = narrations.join('\n');
  const release = text.search(/release/i);
  const refund = text.search(/refund/i);
  assert.ok(release > 0 && refund > 0, 'stock is released and the payment refunded');
  assert.ok(release < refund, 'compensations run newest first: stock before payment');
  assert.match(await page.locator('.sim-panels').innerText(), /CANCELLED/);
  for (const badge of await page.locator('.sim-invariant .badge').allInnerTexts()) assert.match(badge, /holding/i);

  await page.getByRole('slider', { name: 'Step' }).fill(String(Math.floor(last / 2)));
  const middle = await frameState(page);
  const url = page.url();
  assert.match(url, /scenario=orchestrated-no-courier/);
  assert.match(url, new RegExp(`step=${Math.floor(last / 2)}`));
  const fresh = await openPage(site.browser, url);
  assert.deepEqual(await frameState(fresh), middle, 'the deep link shows exactly the same state');
  assert.ok(await fresh.getByRole('button', { name: 'Play' }).isVisible(), 'a deep link opens paused');
  assert.deepEqual(problemsOf(page), []);
  assert.deepEqual(problemsOf(fresh), []);
});

test('stepping does not add history entries, and leaving the page stops playback', async () => {
  const page = await openPage(site.browser, site.server.url('/patterns/saga'));
  const length = await page.evaluate(() => history.length);
  for (let i = 0; i < 5; i++) await page.getByRole('button', { name: 'Next step' }).click();
  assert.equal(await page.evaluate(() => history.length), length);
  await page.getByLabel('Speed').selectOption({ label: '4×' });
  await page.getByRole('button', { name: 'Restart' }).click();
  await page.getByRole('button', { name: 'Play' }).click();
  await page.getByRole('link', { name: 'All patterns' }).click();
  await page.waitForURL(/\/$/);
  await page.waitForTimeout(1500);
  assert.equal(new URL(page.url()).pathname, '/', 'no timer navigated back to the player');
  assert.equal(await page.locator('.card').count(), 8);
  assert.deepEqual(problemsOf(page), []);
});

test('copy link to this step puts the step URL on the clipboard', async () => {
  const page = await openPage(site.browser, null);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.server.origin });
  await gotoApp(page, site.server.url('/patterns/saga?scenario=orchestrated-crash&step=4'));
  await page.getByRole('button', { name: 'Copy link to this step' }).click();
  await page.getByText('Link copied').waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(copied, /\/patterns\/saga\?scenario=orchestrated-crash&step=4/);
});

test('with reduced motion, messages jump instead of gliding and the transcript is open', async () => {
  const page = await openPage(site.browser, site.server.url('/patterns/saga?scenario=orchestrated-happy-path&step=1'), { reducedMotion: 'reduce' });
  assert.ok((await page.locator('.sim-diagram .message').count()) > 0, 'a message moves at step 1');
  assert.equal(await page.locator('.sim-diagram .message-token').count(), 0, 'no gliding token');
  assert.ok(await page.locator('.sim-transcript').evaluate((d) => d.open), 'the transcript is open');
  const lines = await page.locator('.sim-transcript li').count();
  const [, last] = (await page.locator('.sim-counter').innerText()).match(/of (\d+)/);
  assert.equal(lines, Number(last) + 1, 'one numbered line per frame');
  const normal = await openPage(site.browser, site.server.url('/patterns/saga?scenario=orchestrated-happy-path&step=1'));
  assert.ok((await normal.locator('.sim-diagram .message-token').count()) > 0, 'tokens glide without reduced motion');
  assert.equal(await normal.locator('.sim-transcript').evaluate((d) => d.open), false);
});
