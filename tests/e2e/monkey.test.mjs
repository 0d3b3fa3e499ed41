// End-to-end: a seeded random walk of thousands of actions across the site
// (clicks on any visible enabled control, typing odd text, key presses,
// history back and forward, viewport resizes, opening patterns and deep
// links) that must never panic the app, kill it, log a console error, throw,
// or leave timers running after a pattern page is left. The seed is printed;
// MONKEY_SEED=N replays a walk (timing can still vary a little).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { APP_HEADING, openPage, gotoApp, problemsOf, useSite } from './browser.mjs';
import { trackAppTimers, quietTimers, timerLeaks } from './timer-tracker.mjs';
import { mulberry32 } from './seeded-random.mjs';

const site = useSite(before, after);

const SEED = Number(process.env.MONKEY_SEED ?? 20261125);
const ACTIONS = Number(process.env.MONKEY_ACTIONS ?? 2000);

const VIEWPORTS = [
  { width: 320, height: 640 },
  { width: 360, height: 740 },
  { width: 414, height: 896 },
  { width: 768, height: 1024 },
  { width: 1024, height: 768 },
  { width: 1280, height: 900 },
  { width: 1920, height: 1080 },
];
const KEYS = ['Tab', 'Tab', 'Tab', 'Shift+Tab', 'Enter', 'Space', 'Escape', 'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageDown', 'Backspace'];
const TEXTS = [
  'saga', 'charged twice', 'cache', 'événement', 'ÉVÉNEMENT', 'ß', 'İstanbul', 'שלום', 'مرحبا', '日本語のテキスト', '👩‍👩‍👧‍👦🔥',
  'e\u0301\u0301\u0301', '\u200b\u200d\u2060', '\u202eevil', '<script>alert(1)</script>', '%00%ff', '"\'`', '   ', '#tag', 'a'.repeat(300), '\ud83d',
];

/**
 * The weighted kinds of action. Each returns a short description; none may
 * throw for the site's sake (a Playwright timeout on a control that went
 * away is not a fault of the site).
 */
function actions(page, random, known) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  return [
    [45, 'click', () => clickSomething(page, random)],
    [10, 'type', async () => {
      const text = pick(TEXTS);
      if (random() < 0.5) await page.keyboard.type(text);
      else await page.keyboard.insertText(text);
      return `type ${JSON.stringify(text.slice(0, 20))}`;
    }],
    [30, 'key', async () => {
      const key = pick(KEYS);
      await page.keyboard.press(key);
      return `press ${key}`;
    }],
    [6, 'history', async () => {
      const back = random() < 0.6;
      await (back ? page.goBack({ timeout: 5000 }) : page.goForward({ timeout: 5000 })).catch(() => {});
      return back ? 'back' : 'forward';
    }],
    [4, 'resize', async () => {
      const viewport = pick(VIEWPORTS);
      await page.setViewportSize(viewport);
      return `resize ${viewport.width}×${viewport.height}`;
    }],
    [3, 'open', async () => {
      const path = randomPath(random, known);
      await gotoApp(page, site.server.url(path)).catch(() => {});
      return `open ${path}`;
    }],
    [3, 'wait', async () => {
      const ms = 30 + Math.floor(random() * 150);
      await page.waitForTimeout(ms);
      return `wait ${ms} ms`;
    }],
  ];
}

/** A pattern page, a deep link to a step (valid or not), a filtered view, or nonsense. */
function randomPath(random, known) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  const slug = pick(known.slugs);
  const scenarios = known.scenarios.get(slug) ?? [];
  const roll = random();
  if (roll < 0.3) return `/patterns/${slug}`;
  if (roll < 0.75) {
    const scenario = random() < 0.9 ? pick(scenarios) : 'no-such-scenario';
    const step = pick(['0', '1', '3', '7', '12', '999', '-1', 'x', '']);
    const fault = random() < 0.3 ? `&fault=${Math.floor(random() * 10)}:${pick(['crash', 'drop', 'timeout', 'x'])}` : '';
    const workers = random() < 0.2 ? `&workers=${pick(['1', '3', '5', '0', '99'])}` : '';
    return `/patterns/${slug}?scenario=${encodeURIComponent(scenario)}&step=${step}${fault}${workers}`;
  }
  if (roll < 0.9) return pick(['/', '/?q=saga', '/?category=consistency&tag=compensation', '/?q=%F0%9F%94%A5&tag=nope', '/?page=3']);
  return pick(['/no/such/place', '/patterns/', '/patterns/sag', '/patterns/%E2%80%AE']);
}

/**
 * Clicks a random visible, enabled control. Links, buttons, summaries and
 * other focusable elements get a real mouse click; a select gets a random
 * option and a range slider a random value, with the input and change
 * events Playwright's selectOption and fill would send; a text field is
 * clicked and typed into. One round trip picks the control.
 */
async function clickSomething(page, random) {
  const picked = await page.evaluate(
    ([r, choice]) => {
      const candidates = [...document.querySelectorAll('a[href], button, select, input, textarea, summary, [tabindex]')].filter((e) => {
        if (e.disabled || e.closest('[inert]')) return false;
        const box = e.getBoundingClientRect();
        return box.width > 0 && box.height > 0 && getComputedStyle(e).visibility !== 'hidden';
      });
      const element = candidates[Math.floor(r * candidates.length)];
      if (!element) return null;
      const tag = element.tagName.toLowerCase();
      const type = tag === 'input' ? element.type : '';
      const label = `${tag}${type ? `[${type}]` : ''} “${(element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 30)}”`;
      const change = () => {
        element.dispatchEvent(new Event('input', { bubbles: true }));
        element.dispatchEvent(new Event('change', { bubbles: true }));
      };
      if (tag === 'select' && element.options.length > 0) {
        element.selectedIndex = Math.floor(choice * element.options.length);
        change();
        return { label: `select option ${element.selectedIndex} of ${label}` };
      }
      if (type === 'range') {
        const [min, max] = [Number(element.min || 0), Number(element.max || 100)];
        element.value = String(min + Math.floor(choice * (max - min + 1)));
        change();
        return { label: `slide ${label} to ${element.value}` };
      }
      element.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      const box = element.getBoundingClientRect();
      const typeable = tag === 'textarea' || ['text', 'search', 'email', 'url', ''].includes(type) && tag === 'input';
      return { label: `click ${label}`, x: box.x + box.width * (0.2 + 0.6 * choice), y: box.y + box.height / 2, typeable };
    },
    [random(), random()],
  );
  if (!picked) return 'click (nothing to click)';
  if (picked.x === undefined) return picked.label;
  await page.mouse.click(picked.x, picked.y);
  if (!picked.typeable) return picked.label;
  const text = TEXTS[Math.floor(random() * TEXTS.length)];
  await page.keyboard.type(text);
  return `${picked.label} and type ${JSON.stringify(text.slice(0, 20))}`;
}

/** Where the page is: which route, and whether the app still renders it. */
async function whereAmI(page) {
  return page.evaluate(() => {
    const main = document.querySelector('main');
    const kind = document.querySelector('main .sim-player') ? 'pattern'
      : document.querySelector('main #search-input') ? 'home'
      : /No pattern here/.test(document.querySelector('main h1')?.textContent ?? '') ? 'not-found'
      : 'other';
    return {
      href: location.href,
      kind,
      // index.html's static shell has a heading too, until the app replaces it.
      alive: Boolean(main?.querySelector('h1')) && !document.getElementById('shell'),
      main: main ? main.outerHTML.slice(0, 300) : `no main (document ${document.readyState})`,
      loadId: window.__appTimers?.loadId,
    };
  }).catch(() => ({ href: page.url(), kind: 'loading', alive: false, main: 'navigating', loadId: null }));
}

/** The theme toggle cycles through three labels: one click must change it if the app is alive. */
async function appResponds(page) {
  const toggle = page.locator('.theme-toggle');
  const before = await toggle.innerText();
  await toggle.click();
  await page.waitForFunction((b) => document.querySelector('.theme-toggle')?.textContent !== b, before, { timeout: 3000 }).catch(() => {});
  const changed = (await toggle.innerText()) !== before;
  for (let i = 0; i < 2; i++) await toggle.click();
  return changed;
}

test(`a seeded random walk of ${ACTIONS} actions never breaks the app or leaks timers`, async () => {
  const started = Date.now();
  console.log(`# monkey seed ${SEED} (replay with MONKEY_SEED=${SEED})`);
  const random = mulberry32(SEED);
  const page = await openPage(site.browser, null);
  await trackAppTimers(page);
  page.context().on('page', (popup) => popup.close().catch(() => {}));
  const home = site.server.url('/');
  await gotoApp(page, home);

  // What there is to open: every pattern and the scenarios its player offers.
  const known = { slugs: [], scenarios: new Map() };
  known.slugs = await page.locator('.card h3 a').evaluateAll((links) => links.map((a) => new URL(a.href).pathname.split('/').pop()));
  for (const slug of known.slugs) {
    await gotoApp(page, site.server.url(`/patterns/${slug}`));
    known.scenarios.set(slug, await page.locator('#sim-scenario option').evaluateAll((os) => os.map((o) => o.value)));
  }
  await gotoApp(page, home);

  const kinds = actions(page, random, known);
  const totalWeight = kinds.reduce((sum, [weight]) => sum + weight, 0);
  const counts = Object.fromEntries(kinds.map(([, name]) => [name, 0]));
  const recent = [];
  const failures = [];
  let timerChecks = 0;
  let where = await whereAmI(page);

  const checkTimers = async (why, quietMs) => {
    timerChecks++;
    const leaks = timerLeaks(await quietTimers(page, quietMs));
    if (leaks) failures.push(`timers after ${why}: ${leaks}\n  last actions: ${recent.join(' → ')}`);
  };

  for (let n = 1; n <= ACTIONS && failures.length === 0; n++) {
    let roll = random() * totalWeight;
    const [, name, act] = kinds.find(([weight]) => (roll -= weight) < 0);
    counts[name]++;
    const did = await act();
    recent.push(`${n}: ${did}`);
    if (recent.length > 12) recent.shift();

    const now = await whereAmI(page);
    if (!now.href.startsWith(site.server.origin)) {
      recent.push(`left the site for ${now.href}; home`);
      await gotoApp(page, home);
      where = await whereAmI(page);
      continue;
    }
    if (!now.alive) {
      // A document still booting has no main yet; one that stays empty is dead.
      await page.waitForSelector(APP_HEADING, { timeout: 5000 }).catch(() => {});
      const later = await whereAmI(page);
      if (!later.alive) failures.push(`the app stopped rendering at ${later.href}: ${later.main}\n  last actions: ${recent.join(' → ')}`);
    }
    // Only when the app itself left the pattern page: a new document starts with no timers.
    if (where.kind === 'pattern' && (now.kind === 'home' || now.kind === 'not-found') && now.loadId === where.loadId) {
      await checkTimers(`leaving a pattern page for ${now.kind} (${now.href})`);
    }
    where = now;
    if (n % 250 === 0 && !(await appResponds(page))) failures.push(`the app stopped responding after action ${n}`);
    const problems = problemsOf(page);
    if (problems.length > 0) failures.push(`${problems.join('\n')}\n  last actions: ${recent.join(' → ')}`);
  }
  // The walk may end while the search box waits to write the address
  // (300 ms, UNWRITTEN_FOR in src/ui/router.rs): wait for longer than that.
  await checkTimers('the walk', 500);
  if (!(await appResponds(page))) failures.push('the app stopped responding at the end');

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`# ${Object.values(counts).reduce((a, b) => a + b)} actions in ${seconds} s: ${JSON.stringify(counts)}; ${timerChecks} timer checks`);
  assert.deepEqual(failures, [], `seed ${SEED}:\n${failures.join('\n')}`);
  assert.ok(timerChecks > 1, 'the walk left pattern pages and timers were checked');
});
