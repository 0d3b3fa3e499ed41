// End-to-end: a seeded set of 1,000 hostile or malformed links, opened in
// headless Chromium against the release build. Each must show a pattern,
// the home view or the not-found page; none may panic the app, log a
// console error, or run the script-like text it carries.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { APP_HEADING, openPage, problemsOf, useSite } from './browser.mjs';
import { mulberry32 } from './seeded-random.mjs';

const site = useSite(before, after);

const COUNT = 1000;
const SLUGS = ['saga', 'cqrs', 'event-sourcing', 'idempotency-key', 'competing-consumers', 'transactional-outbox', 'read-through-cache', 'feature-flag-kill-switch'];
const PAYLOADS = [
  '<script>window.__pwned=1</script>',
  '"><img src=x onerror="window.__pwned=1">',
  'javascript:window.__pwned=1',
  '<svg onload=window.__pwned=1>',
  "'-alert(1)-'",
  '{{7*7}}',
  '%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E',
];
const ODD = ['', ' ', '%', '%%', '%zz', '%00', '%FF%FE', '..', '../..', '//', '?', '&&&', '=', '#', '🦀', 'ságä', '日本語', '\u202e', 'a'.repeat(5000), '-1', '1e309', 'NaN', '99999999999999999999', '0x10', '+7', '3.5'];

function hostileLinks(count) {
  const rand = mulberry32(20261125);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const junk = () => (rand() < 0.5 ? pick(ODD) : pick(PAYLOADS));
  const enc = (s) => (rand() < 0.5 ? encodeURIComponent(s) : s.replace(/[#?&\s]/g, encodeURIComponent));
  const number = () => pick(['-5', '0', '3', '17', '999999', '18446744073709551616', 'abc', '', '2.5', '-0', ' 4 ']);
  const makers = [
    () => `/${enc(junk())}/${enc(junk())}`,
    () => `/patterns/${enc(junk())}`,
    () => `/patterns/${pick(SLUGS)}${pick(['', '/', '//', '/extra', '%20', '.json'])}`,
    () => `/patterns/${pick(SLUGS)}?scenario=${enc(pick([junk(), 'with-pattern', 'without-pattern', 'orchestrated-crash']))}&step=${enc(number())}`,
    () => `/patterns/${pick(SLUGS)}?step=${enc(number())}&step=${enc(number())}&scenario=&scenario=${enc(junk())}`,
    () => `/patterns/${pick(SLUGS)}?fault=${enc(pick([`${number()}:${junk()}`, junk(), '1:lose:CreateOrder', '0:crash']))}&fault=${enc(junk())}`,
    () => `/patterns/competing-consumers?scenario=with-pattern&workers=${enc(number())}&visibility=${enc(number())}`,
    () => `/?q=${enc(junk())}&category=${enc(junk())}&tag=${enc(junk())}&tag=${enc(junk())}`,
    () => `/?q=${enc(junk())}&q=&category=&tag=&${enc(junk())}=${enc(junk())}`,
    () => `/${'patterns/'.repeat(1 + Math.floor(rand() * 20))}${enc(junk())}`,
  ];
  return Array.from({ length: count }, () => pick(makers)());
}

async function shownHeading(page) {
  await page.waitForFunction((heading) => document.querySelector(heading)?.textContent?.trim().length > 0, APP_HEADING, { timeout: 10_000 });
  return page.locator('main h1').first().innerText();
}

const ALLOWED = /^(Software-architecture patterns, simulated|No pattern here|Saga|CQRS|Event Sourcing|Idempotency Key|Competing Consumers|Transactional Outbox|Read-Through Cache|Feature Flag Kill Switch)$/;

test(`${COUNT} hostile links each show a pattern, home or not-found, and run nothing`, async () => {
  const links = hostileLinks(COUNT);
  const page = await openPage(site.browser, site.server.url('/'));
  const failures = [];
  for (const [i, link] of links.entries()) {
    const before = page.problems.length;
    const full = i % 10 === 0;
    try {
      if (full) {
        await page.goto(site.server.origin + link);
      } else {
        const sameOrigin = await page.evaluate((href) => {
          let url;
          try {
            url = new URL(href, location.origin);
          } catch {
            return false; // `//<host>` is no path of this site: load it in full instead
          }
          if (url.origin !== location.origin) return false;
          history.pushState(null, '', url);
          dispatchEvent(new PopStateEvent('popstate'));
          return true;
        }, link);
        if (!sameOrigin) await page.goto(site.server.origin + link);
      }
      const heading = await shownHeading(page);
      if (!ALLOWED.test(heading.trim())) failures.push(`${link.slice(0, 120)}: heading ${JSON.stringify(heading)}`);
    } catch (error) {
      failures.push(`${link.slice(0, 120)}: ${error.message.split('\n')[0]}`);
    }
    const fresh = problemsOf({ problems: page.problems.slice(before) });
    if (fresh.length) failures.push(`${link.slice(0, 120)}: ${fresh.join('; ')}`);
    if (failures.length > 10) break;
  }
  const pwned = await page.evaluate(() => window.__pwned ?? null);
  assert.equal(pwned, null, 'no payload ran');
  assert.deepEqual(failures, [], `failures among ${COUNT} links`);
  assert.equal(await page.locator('main script, main img, main iframe').count(), 0, 'reflected text never became markup');
});
