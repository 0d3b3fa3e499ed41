// End-to-end: the app's timers, as timer-tracker.mjs counts them, and that
// tracker itself. The monkey test trusts the tracker to find a timer left
// running after a page is left, so it is checked here against the three
// kinds of leak it reports, with the scripts served from the site's origin
// as the app's own would be.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, gotoApp, problemsOf, useSite } from './browser.mjs';
import { trackAppTimers, quietTimers, timerLeaks } from './timer-tracker.mjs';

const site = useSite(before, after);

/** A page on home with the tracker installed; `inject(code)` runs `code` as a script of the site. */
async function trackedHome(options = {}) {
  const page = await openPage(site.browser, null, options);
  await trackAppTimers(page);
  const scripts = new Map();
  await page.route(site.server.url('/test-script-*.js'), (route) =>
    route.fulfill({ contentType: 'text/javascript', body: scripts.get(new URL(route.request().url()).pathname) }),
  );
  await gotoApp(page, site.server.url('/'));
  page.inject = async (code) => {
    const path = `/test-script-${scripts.size + 1}.js`;
    scripts.set(path, code);
    await page.addScriptTag({ url: site.server.url(path) });
  };
  return page;
}

test('the tracker finds a re-arming timeout, a re-arming frame chain and a long timeout, and nothing on idle home', async () => {
  // The injected scripts come from the site but are not hashed in its policy.
  const page = await trackedHome({ bypassCSP: true });
  assert.equal(timerLeaks(await quietTimers(page)), '', 'home at rest arms nothing');

  await page.inject('(function again() { setTimeout(again, 40); })();');
  assert.match(timerLeaks(await quietTimers(page)), /armed while idle/);

  await gotoApp(page, site.server.url('/'));
  await page.inject('(function frame() { requestAnimationFrame(frame); })();');
  assert.match(timerLeaks(await quietTimers(page)), /animation frame\(s\) requested while idle/);

  await gotoApp(page, site.server.url('/'));
  await page.inject('setTimeout(() => {}, 5000);');
  assert.match(timerLeaks(await quietTimers(page)), /1 timeout\(s\) still pending/);
  await page.context().close();
});

test('a burst of keystrokes leaves one address write pending, and a navigation clears it', async () => {
  const page = await trackedHome();
  const box = page.locator('#search-input');
  await box.click();
  // Each keystroke after the first puts off writing the address (src/ui/router.rs, replace_soon).
  await box.pressSequentially('competing', { delay: 20 });
  const typing = await quietTimers(page, 0);
  assert.equal(typing.pendingTimeouts, 1, `one pending write, not one per keystroke: ${JSON.stringify(typing)}`);

  await page.locator('.card h3 a', { hasText: 'Competing Consumers' }).click();
  await page.waitForSelector('#sim-scenario');
  assert.equal(new URL(page.url()).pathname, '/patterns/competing-consumers');
  await page.goBack();
  await page.waitForSelector('#search-input');
  assert.equal(await box.inputValue(), 'competing', 'the written address kept the whole query');
  assert.equal(timerLeaks(await quietTimers(page, 0)), '', 'the navigation wrote the address and cleared its timer');
  assert.deepEqual(problemsOf(page), []);
  await page.context().close();
});
