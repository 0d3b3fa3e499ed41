// End-to-end: the flagship journey with the keyboard alone. From home, find
// Saga through the search box, open its page, pick a failure scenario in the
// player, step forward until a compensation runs, copy the link to that step
// and check the link reproduces it. Only page.keyboard drives the page (no
// click, no focus by script); every element Tab lands on must show a visible
// focus indicator (an outline or a box shadow, on it or on its ::after).
// Also: Shift+Tab retraces the stops, and on a phone the arrows scroll the
// diagram, which is wider than the screen there.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, gotoApp, problemsOf, useSite } from './browser.mjs';

const site = useSite(before, after);

/** What is focused, and whether its focus indicator can be seen. */
function describeFocus() {
  const element = document.activeElement;
  if (!element || element === document.body) return { name: 'nothing', visible: false, why: 'focus is on the body' };
  const drawn = (style) =>
    (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || (style.boxShadow !== 'none' && style.boxShadow !== '');
  const styles = [getComputedStyle(element), getComputedStyle(element, '::after'), getComputedStyle(element, '::before')];
  const box = element.getBoundingClientRect();
  const onScreen = box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight;
  const name = `${element.tagName.toLowerCase()}${element.id ? '#' + element.id : ''} “${(element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 40)}”`;
  const visible = element.matches(':focus-visible') && styles.some(drawn) && onScreen;
  return { name, visible, why: visible ? '' : `focus-visible ${element.matches(':focus-visible')}, indicator ${styles.some(drawn)}, on screen ${onScreen}` };
}

/** Presses `key` (Tab or Shift+Tab), checking each stop, until `predicate(activeElement)` holds. */
async function moveFocusUntil(page, key, predicate, what, stops) {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press(key);
    const focus = await page.evaluate(describeFocus);
    stops.push(focus.name);
    assert.ok(focus.visible, `focus is visible on ${focus.name} (${focus.why})`);
    if (await page.evaluate(predicate)) return;
  }
  assert.fail(`${key} never reached ${what}`);
}

test('find Saga, open it, step a failure scenario to a compensation and copy a link that reproduces it, by keyboard alone', async () => {
  const page = await openPage(site.browser, null);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.server.origin });
  await gotoApp(page, site.server.url('/'));
  const stops = [];
  const tab = (predicate, what) => moveFocusUntil(page, 'Tab', predicate, what, stops);

  // Home: the search box, then the Saga card.
  await tab(() => document.activeElement.id === 'search-input', 'the search box');
  await page.keyboard.type('saga');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'saga');
  await tab(() => document.activeElement.closest('.card h3') !== null && document.activeElement.textContent.trim() === 'Saga', 'the Saga card');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.pathname === '/patterns/saga');
  assert.equal(await page.locator('main h1').innerText(), 'Saga');

  // The player: a failure scenario, chosen with the arrow keys.
  await tab(() => document.activeElement.id === 'sim-scenario', 'the scenario picker');
  for (let i = 0; i < 10 && !/no courier/i.test(await selectedScenarioTitle(page)); i++) {
    await page.keyboard.press('ArrowDown');
  }
  assert.match(await selectedScenarioTitle(page), /no courier/i);
  await page.waitForFunction(() => new URL(location.href).searchParams.get('scenario') === 'orchestrated-no-courier');
  assert.match(await page.locator('.sim-counter').innerText(), /^Step 0 of/);

  // Step forward with Enter on "Next step" until a compensation is sent.
  await tab(() => document.activeElement.textContent === 'Next step', 'Next step');
  let steps = 0;
  while ((await page.locator('.sim-diagram .kind-compensation').count()) === 0) {
    assert.ok(steps++ < 40, 'a compensation comes within 40 steps');
    await page.keyboard.press('Enter');
  }
  const narration = await page.locator('.sim-narration').innerText();
  assert.match(narration, /releas|refund|compensat/i, 'the narration tells of the compensation');
  const [, step] = (await page.locator('.sim-counter').innerText()).match(/^Step (\d+)/);
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Next step', 'focus stayed on the button');

  // Copy the link to this step, and open what was copied.
  await tab(() => document.activeElement.textContent === 'Copy link to this step', 'Copy link to this step');
  await page.keyboard.press('Enter');
  await page.locator('.sim-copy-result').getByText('Link copied').waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, page.url(), 'the copied link is the address of this step');
  const link = new URL(copied);
  assert.equal(link.pathname, '/patterns/saga');
  assert.equal(link.searchParams.get('scenario'), 'orchestrated-no-courier');
  assert.equal(link.searchParams.get('step'), step);

  const reopened = await openPage(site.browser, copied);
  assert.match(await reopened.locator('.sim-counter').innerText(), new RegExp(`^Step ${step} of`));
  assert.equal(await reopened.locator('#sim-scenario').inputValue(), 'orchestrated-no-courier');
  assert.equal(await reopened.locator('.sim-narration').innerText(), narration, 'the link shows the same step');
  assert.ok((await reopened.locator('.sim-diagram .kind-compensation').count()) > 0, 'and the same compensation');

  console.log(`# ${stops.length} focus stops, each visibly focused; ${steps} steps to the compensation at step ${step}`);
  assert.deepEqual(problemsOf(page), []);
  assert.deepEqual(problemsOf(reopened), []);
});

test('Shift+Tab walks back through the same stops with visible focus', async () => {
  const page = await openPage(site.browser, site.server.url('/patterns/saga?scenario=orchestrated-no-courier&step=18'));
  const forward = [];
  await moveFocusUntil(page, 'Tab', () => document.activeElement.textContent === 'Copy link to this step', 'Copy link to this step', forward);
  const backward = [];
  await moveFocusUntil(page, 'Shift+Tab', () => document.activeElement.classList.contains('brand'), 'the brand link', backward);
  assert.deepEqual(backward, forward.slice(forward.length - 1 - backward.length, -1).reverse(), 'the same stops, reversed');
});

test('on the diagram, the arrows scroll it when it is wider than a phone, and step the player when it fits', async () => {
  const stops = [];
  const onDiagram = () => document.activeElement.classList.contains('sim-diagram-scroll');
  const phone = await openPage(site.browser, site.server.url('/patterns/saga'), { viewport: { width: 360, height: 740 } });
  await moveFocusUntil(phone, 'Tab', onDiagram, 'the diagram', stops);
  for (let i = 0; i < 5; i++) await phone.keyboard.press('ArrowRight');
  // Keyboard scrolling is smooth: wait for it rather than read it at once.
  const scrolled = await phone
    .waitForFunction(() => document.activeElement.scrollLeft > 0, null, { timeout: 3000 })
    .then(() => true, () => false);
  assert.ok(scrolled, 'the diagram scrolled sideways');
  assert.match(await phone.locator('.sim-counter').innerText(), /^Step 0 of/, 'without stepping');

  const desktop = await openPage(site.browser, site.server.url('/patterns/saga'));
  await moveFocusUntil(desktop, 'Tab', onDiagram, 'the diagram', stops);
  await desktop.keyboard.press('ArrowRight');
  assert.match(await desktop.locator('.sim-counter').innerText(), /^Step 1 of/, 'the arrow stepped the player');
  assert.deepEqual(problemsOf(phone), []);
  assert.deepEqual(problemsOf(desktop), []);
});

async function selectedScenarioTitle(page) {
  return page.locator('#sim-scenario').evaluate((select) => select.selectedOptions[0]?.textContent ?? '');
}
