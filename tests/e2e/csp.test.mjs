// End-to-end: the release build's Content-Security-Policy. The built files
// carry one strict policy (a <meta> in index.html, 404.html and every
// pattern page, the same plus frame-ancestors in _headers, which also lets
// browsers keep the files named by their content), whose hashes are those of the inline
// scripts and the inlined stylesheet Trunk wrote; the app runs under it, as a <meta> and as a header,
// with no violation; and a violation is caught, so the other end-to-end
// tests, which all count violations as problems, would fail on one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { APP_HEADING, openPage, problemsOf, useSite } from './browser.mjs';
import { serveStatic } from './static-server.mjs';
import { parseHeadersFile, headersFor } from './headers-file.mjs';

const DIST = process.env.E2E_DIST ?? 'dist';
const site = useSite(before, after, DIST);

const read = (file) => readFileSync(path.join(DIST, file), 'utf8');

/** The content of the page's policy <meta>s. */
function metaPolicies(html) {
  return [...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/gi)].map((m) => m[1]);
}

/** A policy as a map from directive name to its sources. */
function directives(policy) {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name, sources]),
  );
}

/** A CSP sha256 source for an inline element's text. */
const hashSource = (text) => `'sha256-${createHash('sha256').update(text.replace(/\r\n?/g, '\n')).digest('base64')}'`;

/** The inline scripts' sha256 sources, computed here from the built HTML. */
function inlineScriptHashes(html) {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)]
    .filter(([, attributes]) => !/\bsrc\s*=/i.test(attributes))
    .map(([, , text]) => hashSource(text));
}

/** The <style> elements' sha256 sources. */
function inlineStyleHashes(html) {
  return [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)].map(([, text]) => hashSource(text));
}

test('index.html and 404.html carry one strict policy that allows their inline scripts and stylesheet by their hashes', () => {
  const html = read('index.html');
  assert.equal(read('404.html'), html, '404.html is a copy of index.html');
  const policies = metaPolicies(html);
  assert.equal(policies.length, 1, 'exactly one policy <meta>');
  const [policy] = policies;
  for (const loose of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "'strict-dynamic'", '*', 'data:', 'blob:', 'http:', 'https:']) {
    assert.ok(!policy.split(/[\s;]+/).includes(loose), `no ${loose} in ${policy}`);
  }
  assert.ok(html.indexOf('Content-Security-Policy') < html.search(/<script|<link/), 'the <meta> precedes every script and link');

  const policyOf = directives(policy);
  assert.deepEqual(policyOf.get('default-src'), ["'none'"]);
  assert.deepEqual(policyOf.get('object-src'), ["'none'"]);
  const styleHashes = inlineStyleHashes(html);
  assert.equal(styleHashes.length, 1, 'one <style>: the stylesheet, inlined');
  assert.deepEqual(policyOf.get('style-src'), styleHashes, 'styles: that one only');
  assert.doesNotMatch(html, /<link\b[^>]*\brel=("?)stylesheet\1/, 'no stylesheet to fetch before the first paint');
  assert.deepEqual(policyOf.get('base-uri'), ["'self'"]);
  const scriptSources = policyOf.get('script-src');
  assert.deepEqual(scriptSources.slice(0, 2), ["'self'", "'wasm-unsafe-eval'"]);
  const hashes = inlineScriptHashes(html);
  assert.equal(hashes.length, 2, "the page's inline scripts: its first paint's (theme, intro) and Trunk's module loader");
  assert.deepEqual(scriptSources.slice(2).sort(), hashes.sort(), 'the policy hashes exactly the inline scripts');
});

test("every pattern page carries index.html's policy, inline scripts and stylesheet", () => {
  const html = read('index.html');
  const pages = readdirSync(path.join(DIST, 'patterns'));
  assert.ok(pages.includes('saga.html'), pages.join(' '));
  for (const name of pages) {
    const page = read(`patterns/${name}`);
    assert.deepEqual(metaPolicies(page), metaPolicies(html), name);
    assert.deepEqual(inlineScriptHashes(page), inlineScriptHashes(html), name);
    assert.deepEqual(inlineStyleHashes(page), inlineStyleHashes(html), name);
  }
});

test('_headers gives every path the same policy, plus frame-ancestors', () => {
  const [policy] = metaPolicies(read('index.html'));
  const rules = parseHeadersFile(read('_headers'));
  for (const pathname of ['/', '/index.html', '/patterns/saga', '/sw.js']) {
    assert.equal(headersFor(rules, pathname)['content-security-policy'], `${policy}; frame-ancestors 'none'`, pathname);
    assert.equal(headersFor(rules, pathname)['x-content-type-options'], 'nosniff', pathname);
  }
});

test('_headers lets browsers keep each file named by its content for a year, and no other file', () => {
  const rules = parseHeadersFile(read('_headers'));
  const build = JSON.parse(read('sw.js').match(/^const BUILD = (\{[\s\S]*?\n\});$/m)[1]);
  const hashed = build.files.filter((url) => /-[0-9a-f]{8,16}[._]/.test(url));
  assert.deepEqual(
    ['.js', '.svg', '_bg.wasm'].map((end) => hashed.filter((url) => url.endsWith(end)).length),
    [1, 1, 1],
    `the glue, icon and wasm, named by their content: ${hashed.join(' ')}`,
  );
  assert.equal(hashed.length, 3, `nothing else is named by its content: ${hashed.join(' ')}`);
  for (const url of hashed) assert.equal(headersFor(rules, url)['cache-control'], 'public, max-age=31536000, immutable', url);
  for (const url of ['/', '/index.html', '/404.html', '/sw.js', '/_headers', '/patterns/saga', '/patterns/saga.html']) {
    assert.equal(headersFor(rules, url)['cache-control'], undefined, url);
  }
});

/** Opens home, a pattern page by link, and steps its simulation; returns the page. */
async function browseTheApp(browser, server) {
  const page = await openPage(browser, server.url('/'));
  assert.equal(await page.locator('.card').count(), 8);
  await page.getByLabel('Search patterns').fill('saga');
  await page.getByLabel('Search patterns').press('Enter');
  await page.getByRole('link', { name: 'Saga', exact: true }).click();
  await page.waitForURL(/\/patterns\/saga/);
  await page.getByRole('button', { name: 'Next step' }).click();
  await page.getByRole('button', { name: 'Next step' }).click();
  assert.match(await page.locator('.sim-counter').innerText(), /^Step 2 of \d+/);
  await page.getByRole('button', { name: /^Theme/ }).click();
  return page;
}

test('home, a pattern page and simulation steps run under the <meta> policy with zero violations', async () => {
  const page = await browseTheApp(site.browser, site.server);
  await page.waitForTimeout(500);
  assert.deepEqual(problemsOf(page), []);
});

test('the app runs with zero violations when the host also sends the _headers policy', async () => {
  const headers = headersFor(parseHeadersFile(read('_headers')), '/');
  const server = await serveStatic(DIST, '/', { headers });
  try {
    const answer = await fetch(server.url('/patterns/saga'));
    assert.equal(answer.headers.get('content-security-policy'), headers['content-security-policy'], 'the host sends the policy');
    const page = await browseTheApp(site.browser, server);
    await page.goto(server.url('/patterns/cqrs?scenario=with-pattern&step=2'));
    await page.waitForSelector(APP_HEADING);
    await page.waitForTimeout(500);
    assert.deepEqual(problemsOf(page), []);
  } finally {
    await server.close();
  }
});

test('a violation is caught: a script, a <style> and a style attribute injected into the page are refused and reported', async () => {
  const page = await openPage(site.browser, site.server.url('/'));
  assert.deepEqual(problemsOf(page), []);
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'document.body.dataset.injected = "ran";';
    document.body.append(script);
    const style = document.createElement('style');
    style.textContent = 'main h1 { outline: 9px solid rgb(0, 0, 255); }';
    document.head.append(style);
    document.querySelector('main h1').setAttribute('style', 'color: red');
  });
  const violationsOf = () => problemsOf(page).filter((p) => p.startsWith('policy violation'));
  await waitFor(() => violationsOf().length >= 3);
  const violations = violationsOf();
  assert.ok(violations.some((v) => v.startsWith('policy violation: script-src-elem refused inline')), violations.join('\n'));
  assert.ok(violations.some((v) => v.startsWith('policy violation: style-src-elem refused inline')), violations.join('\n'));
  assert.ok(violations.some((v) => v.startsWith('policy violation: style-src-attr refused inline')), violations.join('\n'));
  assert.equal(await page.evaluate(() => document.body.dataset.injected ?? 'refused'), 'refused', 'the injected script did not run');
  assert.notEqual(await page.locator('main h1').evaluate((h1) => getComputedStyle(h1).color), 'rgb(255, 0, 0)', 'the style attribute was not applied');
  assert.notEqual(await page.locator('main h1').evaluate((h1) => getComputedStyle(h1).outlineWidth), '9px', 'the injected <style> was not applied');
});

/** Resolves once `check()` is true, polling for up to 5 seconds. */
async function waitFor(check) {
  for (let waited = 0; !check(); waited += 50) {
    if (waited > 5000) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
