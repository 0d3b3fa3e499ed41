// End-to-end: every pattern's simulation first shows the problem (a broken
// invariant badge at the end of "Without the pattern"), then the fix (every
// badge holding at the end of "With the pattern").
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, problemsOf, useSite } from './browser.mjs';

const PATTERNS = [
  'competing-consumers',
  'cqrs',
  'event-sourcing',
  'feature-flag-kill-switch',
  'idempotency-key',
  'transactional-outbox',
  'read-through-cache',
];

const site = useSite(before, after);

/** Picks a scenario, plays it at 4× to its last step, and returns the badges. */
async function runToEnd(page, scenario) {
  await page.getByLabel('Scenario').selectOption(scenario);
  await page.getByLabel('Speed').selectOption({ label: '4×' });
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForFunction(() => /^Step (\d+) of \1\b/.test(document.querySelector('.sim-counter').textContent), null, { timeout: 60_000 });
  return page.locator('.sim-invariant .badge').allInnerTexts();
}

for (const slug of PATTERNS) {
  test(`${slug}: without the pattern an invariant breaks, with it every invariant holds`, async () => {
    const page = await openPage(site.browser, site.server.url(`/patterns/${slug}`));
    const options = await page.getByLabel('Scenario').locator('option').allInnerTexts();
    assert.ok(options.some((o) => /^Without the pattern/i.test(o)), `options: ${options}`);
    assert.ok(options.some((o) => /^With the pattern/i.test(o)), `options: ${options}`);

    const without = await runToEnd(page, 'without-pattern');
    assert.ok(without.some((b) => /broken/i.test(b)), `${slug} without: ${without}`);

    const withIt = await runToEnd(page, 'with-pattern');
    assert.ok(withIt.length > 0);
    for (const badge of withIt) assert.match(badge, /holding/i, `${slug} with: ${withIt}`);
    assert.deepEqual(problemsOf(page), []);
  });
}

test('competing consumers: the worker count is in the URL and the chart follows the run', async () => {
  const page = await openPage(site.browser, site.server.url('/patterns/competing-consumers?scenario=with-pattern&step=0&workers=2'));
  assert.equal(await page.getByLabel('Workers', { exact: true }).inputValue(), '2');
  await page.getByLabel('Workers', { exact: true }).selectOption('6');
  await page.getByRole('button', { name: 'Next step' }).click();
  assert.match(page.url(), /workers=6/);
  assert.ok((await page.locator('.sim-chart').count()) >= 1, 'a chart under the diagram');
  const points = async () => (await page.locator('.sim-chart polyline').first().getAttribute('points')).trim().split(/\s+/).length;
  assert.equal(await points(), 2, 'plotted up to step 1');
  await page.getByRole('button', { name: 'Next step' }).click();
  assert.equal(await points(), 3);
});
