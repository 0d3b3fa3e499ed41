// End-to-end: catalog contents are text. The app built with the hostile
// catalog (hostile-catalog.mjs, built into target/dist-hostile by
// scripts/test.sh) shows every payload literally and runs none of them: on
// home, a search that highlights inside payloads, filtered views, every
// pattern page, several steps of every scenario (with a fault injected
// where one is offered) and the not-found page. A payload that ran sets
// window.__pwned, which a trap turns into a console error; a payload parsed
// as markup leaves an element behind (img, script, svg[onload], b, a
// javascript: link) or loses its literal text. The checks look at the DOM
// rather than only at window.__pwned because the site's Content-Security-
// Policy would stop most inline payloads from running even if one were
// parsed as HTML: this test is about the rendering, not the policy.
// E2E_HOSTILE_DIST serves another build (such as a deliberately broken one).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openPage, gotoApp, problemsOf, useSite } from './browser.mjs';
import { PAYLOADS, hostileCatalog } from './hostile-catalog.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = process.env.E2E_HOSTILE_DIST ?? path.join(ROOT, 'target/dist-hostile');
// What the build should show: the same function made target/hostile/catalog.json from catalog.json.
const CATALOG = hostileCatalog(JSON.parse(fs.readFileSync(path.join(ROOT, 'catalog.json'), 'utf8')));
const CATALOG_ERROR = 'The pattern catalog could not be read';

const site = useSite(before, after, DIST);
const tally = { views: 0, steps: 0, faults: 0, assertions: 0 };

const hasPayload = (text) => PAYLOADS.some((p) => text.includes(p));
const short = (text) => JSON.stringify(text.length > 90 ? `${text.slice(0, 90)}…` : text);

/** `assert.ok`, counted. */
function check(value, message) {
  tally.assertions += 1;
  assert.ok(value, message);
}

/** A page whose every payload run (a write to window.__pwned) and payload image request is a recorded problem. */
async function openTrapped(url) {
  const page = await openPage(site.browser);
  await page.addInitScript(() => {
    let value;
    Object.defineProperty(window, '__pwned', {
      get: () => value,
      set: (v) => {
        value = v;
        console.error(`a catalog payload ran: ${v}`);
      },
    });
  });
  page.on('request', (req) => {
    if (new URL(req.url()).pathname.endsWith('/x')) page.problems.push(`a payload image was requested: ${req.url()}`);
  });
  await gotoApp(page, site.server.url(url));
  return page;
}

/** Nothing on the page was made from a payload, and nothing ran. */
async function assertInert(page, where) {
  const findings = await page.evaluate(() => {
    const found = [];
    if (window.__pwned !== undefined) found.push(`window.__pwned is ${String(window.__pwned)}`);
    const selectors = ['img[src="x"]', 'main script', 'svg[onload]', '[onerror]', '[onload]', 'b', 'iframe', 'object', 'embed'];
    for (const selector of selectors) {
      const count = document.querySelectorAll(selector).length;
      if (count) found.push(`${count} × ${selector}`);
    }
    for (const a of document.querySelectorAll('a[href]')) {
      if (a.protocol === 'javascript:') found.push(`a link to ${a.getAttribute('href')}`);
    }
    for (const script of document.scripts) {
      if (script.textContent.includes('__pwned')) found.push('a script holding a payload');
    }
    return found;
  });
  tally.assertions += 1;
  assert.deepEqual(findings, [], `${where}: payloads became markup or ran`);
  const heading = await page.locator('main h1').first().innerText();
  check(heading !== CATALOG_ERROR, `${where}: the app rejected the hostile catalog:\n${await catalogErrors(page)}`);
}

async function catalogErrors(page) {
  return (await page.locator('.catalog-errors').allInnerTexts()).join('\n');
}

/** Each of `texts` is in the page's visible text, character for character. */
async function assertShown(page, texts, where) {
  const visible = await page.evaluate(() => document.body.innerText);
  for (const text of texts) check(visible.includes(text), `${where}: not shown literally: ${short(text)}`);
}

/** Every text of a pattern's entry that its page shows. */
function entryTexts(pattern) {
  const lists = ['forces', 'how_it_works', 'when_to_use', 'when_not_to_use', 'tradeoffs'].flatMap((k) => pattern[k]);
  const category = CATALOG.categories.find((c) => c.slug === pattern.category).name;
  return [pattern.name, pattern.summary, pattern.problem, pattern.solution, category, ...lists, ...pattern.related.map((r) => r.why)];
}

async function counter(page) {
  const text = await page.locator('.sim-counter').innerText();
  const [, step, last] = text.match(/^Step (\d+) of (\d+)/) ?? [];
  return { step: Number(step), last: Number(last) };
}

async function goToStep(page, step) {
  await page.locator('#sim-step').fill(String(step));
  await page.waitForFunction((k) => document.querySelector('.sim-counter')?.textContent.startsWith(`Step ${k} of `), step);
}

/** The player's texts on this frame that come from the catalog: labels, captions, badges. */
async function assertFrame(page, where, { narrationFromCatalog }) {
  await assertInert(page, where);
  const texts = await page.evaluate(() => {
    const all = (selector) => [...document.querySelectorAll(selector)].map((e) => e.textContent);
    return {
      narration: document.querySelector('.sim-narration')?.textContent ?? '',
      description: document.querySelector('.sim-description')?.textContent ?? '',
      actors: all('.sim-diagram .actor-label'),
      panels: [...all('.sim-panel caption'), ...all('.sim-actor-panels h3')],
      invariants: all('.sim-invariant .label'),
    };
  });
  check(hasPayload(texts.description), `${where}: description ${short(texts.description)}`);
  if (narrationFromCatalog) check(hasPayload(texts.narration), `${where}: narration ${short(texts.narration)}`);
  for (const [part, list] of Object.entries({ actors: texts.actors, panels: texts.panels, invariants: texts.invariants })) {
    for (const text of list) check(hasPayload(text), `${where}: ${part} ${short(text)}`);
  }
  check(texts.actors.length > 0, `${where}: the diagram shows actors`);
  tally.steps += 1;
}

/** Frames worth a look in a run of `last + 1` frames. */
function stepsToVisit(last) {
  return [...new Set([0, 1, 2, Math.ceil(last / 2), last])].filter((k) => k <= last).sort((a, b) => a - b);
}

/** The frame at which a scripted scenario first offers a fault (frame k shows step k - 1). */
function scriptedFaultFrame(simulation, scenario) {
  const source = scenario.steps_from ? simulation.scenarios.find((s) => s.id === scenario.steps_from) : scenario;
  const index = source.steps?.findIndex((s) => s.faults?.length) ?? -1;
  return index < 0 ? null : index + 1;
}

/** Injects the first fault offered on one of `frames`, and checks that frame and the next. */
async function injectAFault(page, frames, where, scripted) {
  for (const frame of frames) {
    await goToStep(page, frame);
    const button = page.locator('.sim-fault').first();
    if ((await button.count()) === 0) continue;
    const label = (await button.innerText()).replace(/^Inject: /, '');
    if (scripted) check(hasPayload(label), `${where}: fault label ${short(label)}`);
    await button.click();
    await page.waitForSelector('.sim-injected');
    await assertShown(page, [`Injected here: ${label}`], `${where}, fault at step ${frame}`);
    await assertFrame(page, `${where}, fault at step ${frame}`, { narrationFromCatalog: scripted });
    await page.getByRole('button', { name: 'Next step' }).click();
    await page.waitForFunction((k) => document.querySelector('.sim-counter')?.textContent.startsWith(`Step ${k} of `), frame + 1);
    await assertFrame(page, `${where}, after the fault`, { narrationFromCatalog: scripted });
    tally.faults += 1;
    return true;
  }
  return false;
}

test('the hostile catalog passes validation: the app shows it, not the catalog-error page', async () => {
  assert.ok(CATALOG.patterns.length > 0 && CATALOG.patterns.every((p) => p.simulation), 'patterns with simulations to check');
  const build = 'node tests/e2e/hostile-catalog.mjs && PATTERNS_CATALOG=target/hostile/catalog.json DIST_DIR=target/dist-hostile scripts/build.sh /';
  assert.ok(fs.existsSync(path.join(DIST, 'index.html')), `no build in ${DIST}; make it with: ${build}`);
  const page = await openTrapped('/');
  const heading = await page.locator('main h1').first().innerText();
  assert.notEqual(heading, CATALOG_ERROR, `the app rejected the hostile catalog:\n${await catalogErrors(page)}`);
  assert.equal(await page.locator('.card').count(), CATALOG.patterns.length, 'every pattern has a card');
});

test('home, a search that marks words inside payloads, and filtered views show payloads as text', async () => {
  const page = await openTrapped('/');
  await assertInert(page, 'home');
  const everyCard = CATALOG.patterns.flatMap((p) => [p.name, p.summary]);
  await assertShown(page, [...everyCard, ...CATALOG.categories.map((c) => c.name), ...PAYLOADS], 'home');

  await gotoApp(page, site.server.url('/?q=pwned'));
  await page.waitForSelector('main mark');
  await assertInert(page, 'search "pwned"');
  const names = await page.locator('.card h3').allInnerTexts();
  check(names.length > 0, 'the search finds patterns');
  for (const name of names) check(CATALOG.patterns.some((p) => p.name === name), `search: card name ${short(name)}`);
  const marked = await page.locator('main mark').allInnerTexts();
  check(marked.some((m) => m.toLowerCase() === 'pwned'), `marks inside payloads: ${marked.slice(0, 5)}`);
  await assertShown(page, [PAYLOADS[0]], 'search "pwned"');

  const consistency = CATALOG.categories.find((c) => c.slug === 'consistency');
  await gotoApp(page, site.server.url('/?category=consistency'));
  await assertInert(page, 'category filter');
  const inCategory = CATALOG.patterns.filter((p) => p.category === 'consistency');
  await assertShown(page, [consistency.name, ...inCategory.flatMap((p) => [p.name, p.summary])], 'category filter');

  const tag = CATALOG.patterns[0].tags[0];
  await gotoApp(page, site.server.url(`/?tag=${tag}`));
  await assertInert(page, `tag filter ${tag}`);
  const tagged = CATALOG.patterns.filter((p) => p.tags.includes(tag));
  await assertShown(page, tagged.flatMap((p) => [p.name, p.summary]), `tag filter ${tag}`);
  tally.views += 4;
  assert.deepEqual(problemsOf(page), []);
});

test('the not-found page suggests patterns with their names and summaries as text', async () => {
  const page = await openTrapped('/patterns/sagaa');
  await assertInert(page, 'not found');
  const suggestions = await page.locator('.suggestions li').allInnerTexts();
  check(suggestions.length > 0, 'not found: suggestions');
  for (const item of suggestions) {
    check(CATALOG.patterns.some((p) => item.includes(p.name) && item.includes(p.summary)), `not found: suggestion ${short(item)}`);
  }
  tally.views += 1;
  assert.deepEqual(problemsOf(page), []);
});

for (const pattern of CATALOG.patterns) {
  test(`${pattern.slug}: the entry, its title and every scenario of its simulation show payloads as text`, async () => {
    const page = await openTrapped(`/patterns/${pattern.slug}`);
    await assertInert(page, pattern.slug);
    await assertShown(page, [...entryTexts(pattern), ...PAYLOADS], pattern.slug);
    const title = await page.title();
    check(title.includes(pattern.name), `${pattern.slug}: document title ${short(title)}`);
    tally.views += 1;

    const simulation = pattern.simulation;
    let injected = 0;
    for (const scenario of simulation.scenarios) {
      const where = `${pattern.slug} / ${scenario.id}`;
      await page.getByLabel('Scenario').selectOption(scenario.id);
      await page.waitForFunction(() => document.querySelector('.sim-counter')?.textContent.startsWith('Step 0 of '));
      const { last } = await counter(page);
      const scripted = !scenario.model;
      for (const step of stepsToVisit(last)) {
        await goToStep(page, step);
        await assertFrame(page, `${where}, step ${step}`, { narrationFromCatalog: scripted || step === 0 });
      }
      const faultFrame = scripted ? scriptedFaultFrame(simulation, scenario) : null;
      const candidates = [...new Set([...(faultFrame ? [faultFrame] : []), ...stepsToVisit(last)])].filter((k) => k < last);
      if (await injectAFault(page, candidates, where, scripted)) injected += 1;
    }
    check(injected > 0, `${pattern.slug}: a fault was injected in some scenario`);
    await page.waitForTimeout(200); // an onerror would fire after its image fails to load
    await assertInert(page, `${pattern.slug}, at the end`);
    assert.deepEqual(problemsOf(page), []);
  });
}

// No `inner_html` (or innerHTML, outerHTML, insertAdjacentHTML,
// document.write, DOMParser…) in the app's source but in one reviewed file.
// Leptos inserts `{text}` as a text node, which is why catalog and URL text
// cannot become markup; an inner_html is the one way to turn a string into
// elements, so a new one must be a deliberate, reviewed exception added
// here, not a silent regression the browser checks above might miss (they
// cover the hostile catalog's fields, not every future string).
//
// The exception: src/ui/markup_host.rs sets containers to an `Html`, which
// only src/markup/'s writer makes, and that writer escapes every text and
// attribute value (its native tests show a payload staying text). The
// pattern entries, the cards and the whole player (scenario picker,
// parameters, faults, diagram, panels, invariants, charts, transcript) are
// written so: the checks above walk all of them with the hostile catalog.
const MARKUP_SINKS = /\b(?:set_)?inner_?html\b|\bouter_?html\b|innerHTML|outerHTML|insert_?adjacent_?html|insertAdjacentHTML|create_?contextual_?fragment|parse_?from_?string|document\s*\.\s*write/i;
const REVIEWED_SINK_FILE = 'src/ui/markup_host.rs';

function sourceFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : [full];
  });
}

test('src/ never parses a string as HTML (no inner_html and the like) outside the one reviewed file', () => {
  const files = sourceFiles(path.join(ROOT, 'src')).filter((file) => path.relative(ROOT, file) !== REVIEWED_SINK_FILE);
  assert.ok(files.length > 20, `read the sources: ${files.length} files`);
  const sinks = files.flatMap((file) =>
    fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, i) => (MARKUP_SINKS.test(line) ? [`${path.relative(ROOT, file)}:${i + 1}: ${line.trim()}`] : [])),
  );
  assert.deepEqual(sinks, []);
  const reviewed = fs.readFileSync(path.join(ROOT, REVIEWED_SINK_FILE), 'utf8');
  const written = [...reviewed.matchAll(/inner_html\((.*)\);?\s*$/gm)].map((m) => m[1]);
  assert.ok(written.length > 0, `${REVIEWED_SINK_FILE} sets inner HTML`);
  assert.deepEqual(
    written.filter((value) => !/^(?:html\.into_string\(\)|html\.as_str\(\))$/.test(value)),
    [],
    `${REVIEWED_SINK_FILE} sets inner HTML only from an Html`,
  );
  assert.match(reviewed, /pub fn markup\(html: Html\)/);
  assert.match(reviewed, /pub fn set_markup\(element: &web_sys::Element, html: &Html\)/);
});

after(() => {
  console.log(`checked ${tally.views} views, ${tally.steps} simulation frames, ${tally.faults} faults injected: ${tally.assertions} assertions`);
});
