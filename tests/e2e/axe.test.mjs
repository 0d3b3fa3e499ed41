// End-to-end accessibility audit with axe-core: every WCAG 2.x A and AA
// rule plus axe's best practices, with zero violations allowed, on the home
// page (plain, filtered, with no results), the not-found page and every
// pattern page at the first, a middle and the last step of each scenario its
// player offers, in the light and the dark theme; then the theme the toggle
// forces against the system's, the default (animated) motion, and a phone.
//
// Pages are opened by URL, one browser page per theme. The audits run with
// reduced motion: nothing fades in mid-audit (so contrast is measured on
// settled colours) and the player's transcript is open, so it is audited too.
// The last tests cover what reduced motion hides: gliding message tokens.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, gotoApp, problemsOf, useSite } from './browser.mjs';
import { audit } from './axe-audit.mjs';

const site = useSite(before, after);

const THEMES = ['light', 'dark'];
const SITE_VIEWS = [
  '/',
  '/?q=events&category=scalability&tag=cqrs',
  '/?q=qqqqzzzz',
  '/?tag=compensation&tag=no-such-tag',
  '/no/such/place',
  '/patterns/transactional-outbx',
];

/** One browser page per theme, opened on first use and kept for the file. */
const pages = new Map();
async function pageFor(colorScheme) {
  if (!pages.has(colorScheme)) {
    pages.set(colorScheme, await openPage(site.browser, null, { colorScheme, reducedMotion: 'reduce' }));
  }
  return pages.get(colorScheme);
}

/**
 * Opens `path` and audits `include`, the whole page by default; returns
 * "[label] path: violation" lines.
 */
async function auditView(page, label, path, include = 'html') {
  await gotoApp(page, site.server.url(path));
  return (await audit(page, include)).map((violation) => `[${label}] ${path}: ${violation}`);
}

/** The player's "Step K of N" counter as [K, N]. */
async function stepOf(page) {
  const text = await page.locator('.sim-counter').innerText();
  return text.match(/^Step (\d+) of (\d+)/).slice(1).map(Number);
}

function assertNoViolations(failures, audited) {
  assert.ok(audited > 0, 'something was audited');
  assert.deepEqual(failures, [], `${failures.length} violation(s) in ${audited} audits:\n${failures.join('\n')}`);
}

test('home, filtered, empty and not-found views have no violations in either theme', async () => {
  const failures = [];
  let audited = 0;
  for (const theme of THEMES) {
    const page = await pageFor(theme);
    for (const path of SITE_VIEWS) {
      failures.push(...(await auditView(page, theme, path)));
      audited++;
    }
    assert.deepEqual(problemsOf(page), [], theme);
  }
  console.log(`# audited ${audited} site views (${SITE_VIEWS.length} × ${THEMES.length} themes)`);
  assertNoViolations(failures, audited);
});

test('every pattern page at the first, a middle and the last step of each scenario, in either theme', async () => {
  const failures = [];
  let audited = 0;
  const home = await pageFor('light');
  await gotoApp(home, site.server.url('/'));
  const slugs = await home.locator('.card h3 a').evaluateAll((links) => links.map((a) => new URL(a.href).pathname.split('/').pop()));
  assert.equal(slugs.length, 8, 'every pattern has a card');
  for (const theme of THEMES) {
    const page = await pageFor(theme);
    for (const slug of slugs) {
      // The whole page once, at its first scenario's start; then only the
      // player changes from one step or scenario to the next.
      failures.push(...(await auditView(page, theme, `/patterns/${slug}`)));
      audited++;
      const scenarios = await page.locator('#sim-scenario option').evaluateAll((options) => options.map((o) => o.value));
      assert.ok(scenarios.length >= 2, `${slug} offers scenarios`);
      for (const [index, scenario] of scenarios.entries()) {
        if (index > 0) {
          failures.push(...(await auditView(page, theme, `/patterns/${slug}?scenario=${scenario}&step=0`, '.sim-player')));
          audited++;
        }
        assert.equal(await page.locator('#sim-scenario').inputValue(), scenario);
        const [, last] = await stepOf(page);
        for (const step of [Math.floor(last / 2), last]) {
          failures.push(...(await auditView(page, theme, `/patterns/${slug}?scenario=${scenario}&step=${step}`, '.sim-player')));
          audited++;
          assert.deepEqual(await stepOf(page), [step, last], `the deep link shows step ${step} of ${scenario}`);
        }
      }
    }
    assert.deepEqual(problemsOf(page), [], theme);
  }
  console.log(`# audited ${audited} pattern-page states (${audited / THEMES.length} per theme × ${THEMES.length} themes)`);
  assertNoViolations(failures, audited);
});

test('the theme toggle forces the other theme over the system one, with no violations', async () => {
  const failures = [];
  let audited = 0;
  for (const [system, forced] of [['light', 'dark'], ['dark', 'light']]) {
    const page = await pageFor(system);
    await gotoApp(page, site.server.url('/'));
    const systemBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    // The toggle cycles system → light → dark → system; the choice persists.
    for (let clicks = 0; (await page.locator('.theme-toggle').innerText()) !== `Theme: ${forced}`; clicks++) {
      assert.ok(clicks < 3, `the toggle offers the ${forced} theme`);
      await page.locator('.theme-toggle').click();
    }
    for (const path of ['/', '/?q=qqqqzzzz', '/patterns/saga?scenario=orchestrated-no-courier&step=14', '/no/such/place']) {
      failures.push(...(await auditView(page, `${forced} forced on ${system}`, path)));
      audited++;
      assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), forced, 'the choice survives a reload');
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert.notEqual(background, systemBackground, `the ${forced} theme is shown, not the system's ${system}`);
    }
    await page.evaluate(() => localStorage.clear());
  }
  assertNoViolations(failures, audited);
});

test('with motion (message tokens glide) and on a 360 px phone, in either theme', async () => {
  const failures = [];
  let audited = 0;
  for (const theme of THEMES) {
    const page = await openPage(site.browser, null, { colorScheme: theme });
    for (const path of ['/patterns/saga?scenario=orchestrated-no-courier&step=9', '/patterns/saga?scenario=orchestrated-no-courier&step=15']) {
      await gotoApp(page, site.server.url(path));
      assert.ok((await page.locator('.sim-diagram .message-token').count()) > 0, 'a token glides');
      await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
      failures.push(...(await audit(page)).map((v) => `[${theme}, motion] ${path}: ${v}`));
      audited++;
    }
    await page.context().close();
    const phone = await openPage(site.browser, null, { colorScheme: theme, reducedMotion: 'reduce', viewport: { width: 360, height: 740 } });
    for (const path of ['/', '/?category=consistency', '/patterns/read-through-cache?scenario=stampede&step=8', '/patterns/event-sourcing?scenario=with-pattern&step=29']) {
      failures.push(...(await auditView(phone, `${theme}, phone`, path)));
      audited++;
    }
    await phone.context().close();
  }
  assertNoViolations(failures, audited);
});
