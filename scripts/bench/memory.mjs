// Benchmark part "memory": does memory level off over a long session? One
// page (one document) opens BENCH_MEMORY_PAGES pattern pages in turn,
// cycling through every pattern on home by clicking its card, jumps each
// simulation to its last step (End key on the player), and goes back home
// by the "All patterns" link. Every BENCH_MEMORY_EVERY pages, on home, it
// forces a garbage collection (HeapProfiler.collectGarbage) and samples the
// JS heap in use and the DOM node count (CDP Performance.getMetrics) and
// the size of the app's WebAssembly.Memory (captured by an init script from
// Trunk's TrunkApplicationStarted event, or from the instantiated module);
// measuring a build with the bench hooks (BENCH_DIST of a `--features bench`
// build), also the bytes live on the wasm heap, which, unlike the memory's
// size (a high-water mark: linear memory never shrinks), can go down.
//
// Verdict per series: the least-squares trend over the second half of the
// run (bytes or nodes per page) times that half's length, as a share of
// the series' median there: "levels off" within ±BENCH_MEMORY_TOLERANCE
// (default 5 %), else "grows" (or "shrinks").
import { heading, intFromEnv, mb, median, note, pct, printTable, withSiteAndBrowser } from './common.mjs';

/** Runs in the page before its scripts: keeps the app's WebAssembly.Memory in `window.__benchWasmMemory`. */
function wasmMemoryProbe() {
  const keep = (exports) => {
    const memory = Object.values(exports ?? {}).find((v) => v instanceof WebAssembly.Memory);
    if (memory) window.__benchWasmMemory ??= memory;
  };
  addEventListener('TrunkApplicationStarted', (e) => keep(e.detail?.wasm));
  for (const api of ['instantiateStreaming', 'instantiate']) {
    const original = WebAssembly[api];
    if (typeof original !== 'function') continue;
    WebAssembly[api] = function (...args) {
      return original.apply(this, args).then((result) => {
        keep((result.instance ?? result).exports);
        return result;
      });
    };
  }
}

async function sample(page, cdp, pagesOpened) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name) => metrics.find((m) => m.name === name)?.value;
  const wasmBytes = await page.evaluate(() => window.__benchWasmMemory?.buffer.byteLength ?? null);
  const sameDocument = await page.evaluate(() => window.__benchSameDocument === true);
  // A build with the bench hooks (--features bench) also tells the bytes live on the wasm heap.
  const liveHeap = await page.evaluate(() =>
    typeof window.wasmBindings?.bench_memory === 'function' ? JSON.parse(window.wasmBindings.bench_memory()).live_heap_bytes : null,
  );
  return { pages: pagesOpened, jsHeapUsed: metric('JSHeapUsedSize'), wasmMemory: wasmBytes, liveHeap, domNodes: metric('Nodes'), listeners: metric('JSEventListeners'), sameDocument };
}

/** Opens `slug` from home by its card, jumps its simulation to the end, and returns home. */
async function visitPattern(page, slug) {
  await page.locator(`.card h3 a[href$="/patterns/${slug}"]`).first().click();
  const player = page.locator('.sim-player');
  await player.locator('.sim-counter').waitFor({ timeout: 30_000 });
  await player.focus();
  await page.keyboard.press('End');
  await page.waitForFunction(() => /^Step (\d+) of \1\b/.test(document.querySelector('.sim-counter')?.textContent ?? ''), null, { timeout: 30_000 });
  await page.getByRole('link', { name: 'All patterns' }).click();
  await page.locator('.card').first().waitFor({ timeout: 30_000 });
}

/**
 * "levels off", "grows" or "shrinks" for a series of {pages, value}: the
 * least-squares slope over the second half of the run, times that half's
 * length, against the tolerance as a share of the median there.
 */
function verdictOf(points, tolerance) {
  const lastPage = points[points.length - 1]?.pages ?? 0;
  const half = points.filter((p) => p.pages >= lastPage / 2 && Number.isFinite(p.value));
  if (half.length < 2) return { verdict: 'not enough samples', perPage: NaN, growth: NaN };
  const mx = half.reduce((s, p) => s + p.pages, 0) / half.length;
  const my = half.reduce((s, p) => s + p.value, 0) / half.length;
  const perPage = half.reduce((s, p) => s + (p.pages - mx) * (p.value - my), 0) / half.reduce((s, p) => s + (p.pages - mx) ** 2, 0);
  const growth = (perPage * (half[half.length - 1].pages - half[0].pages)) / median(half.map((p) => p.value));
  const verdict = Math.abs(growth) <= tolerance ? 'levels off' : growth > 0 ? 'grows' : 'shrinks';
  return { verdict, perPage, growth, from: half[0].pages, to: half[half.length - 1].pages };
}

export default async function measureMemory() {
  const pages = intFromEnv('BENCH_MEMORY_PAGES', 200);
  const every = intFromEnv('BENCH_MEMORY_EVERY', 20);
  const tolerance = Number(process.env.BENCH_MEMORY_TOLERANCE ?? 0.05);
  if (!(tolerance > 0)) throw new Error(`BENCH_MEMORY_TOLERANCE must be a positive fraction, got "${process.env.BENCH_MEMORY_TOLERANCE}"`);

  const { samples, slugs } = await withSiteAndBrowser(async (browser, server) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(wasmMemoryProbe);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(server.url('/'));
    await page.locator('.card').first().waitFor({ timeout: 60_000 });
    await page.evaluate(() => (window.__benchSameDocument = true));
    const hrefs = await page.locator('.card h3 a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    const slugs = [...new Set(hrefs.map((h) => h.match(/\/patterns\/([^/?#]+)/)?.[1]).filter(Boolean))];
    if (slugs.length === 0) throw new Error('home shows no pattern card linking to /patterns/SLUG');
    const samples = [await sample(page, cdp, 0)];
    for (let i = 1; i <= pages; i++) {
      await visitPattern(page, slugs[(i - 1) % slugs.length]);
      if (i % every === 0 || i === pages) samples.push(await sample(page, cdp, i));
    }
    await context.close();
    return { samples, slugs };
  });

  const series = [
    ['jsHeapUsed', 'JS heap used', mb],
    ['wasmMemory', 'wasm memory', mb],
    ['liveHeap', 'wasm heap live', mb],
    ['domNodes', 'DOM nodes', String],
  ].filter(([key]) => key !== 'liveHeap' || samples.every((s) => s.liveHeap != null));
  const verdicts = Object.fromEntries(series.map(([key]) => [key, verdictOf(samples.map((s) => ({ pages: s.pages, value: s[key] })), tolerance)]));
  const oneDocument = samples.every((s) => s.sameDocument);
  heading(`Memory: ${pages} pattern pages in one document (${slugs.length} patterns in turn, each simulation jumped to its end), sampled every ${every} after a forced GC`);
  printTable(
    ['>Pages opened', ...series.map(([, label]) => `>${label}`), '>JS listeners'],
    samples.map((s) => [s.pages, ...series.map(([key, , format]) => (s[key] == null ? '-' : format(s[key]))), s.listeners]),
  );
  for (const [key, label] of series) {
    const v = verdicts[key];
    const perPage = key === 'domNodes' ? `${v.perPage.toFixed(2)} nodes` : `${(v.perPage / 1024).toFixed(2)} KB`;
    note(`${label}: ${v.verdict} (pages ${v.from}-${v.to}: ${v.perPage >= 0 ? '+' : ''}${perPage} per page, ${pct(v.growth)} over that half; levels off within ±${pct(tolerance)})`);
  }
  if (samples.some((s) => s.wasmMemory == null)) note('wasm memory: not found (neither TrunkApplicationStarted nor the instantiated module exposed a WebAssembly.Memory).');
  note(oneDocument ? 'one document throughout: every page was reached by in-app navigation.' : '\x1b[1mnote:\x1b[0m the document was replaced during the run (a full page load): the series mixes documents.');
  // With the live bytes known, they judge the wasm heap, not the memory's high-water mark.
  const judged = series.filter(([key]) => key !== 'wasmMemory' || !series.some(([k]) => k === 'liveHeap'));
  const levelsOff = judged.every(([key]) => verdicts[key].verdict === 'levels off');
  note(`verdict: ${levelsOff ? 'levels off' : 'does not level off'} (${judged.map(([key, label]) => `${label} ${verdicts[key].verdict}`).join(', ')})`);
  return { pages, sampleEvery: every, tolerance, patterns: slugs, oneDocument, samples, verdicts, levelsOff };
}
