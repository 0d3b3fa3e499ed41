// Benchmark part "start-up": from navigation start to "the catalog shown
// and answering input" on loopback with a cold cache (a fresh browser
// context for every run), unthrottled and with the CPU throttled 4×.
//
// Definition, all timed inside the page from navigation start
// (performance.timeOrigin) by an init script:
//   first card = the first `.card` element is in the DOM;
//   answering  = at that moment the script types BENCH_STARTUP_QUERY into
//                the search box (sets its value and fires `input`, again on
//                every animation frame until the app reacts) and this is
//                the moment the result list (card titles and headings) has
//                changed in the DOM.
// Also taken from the page: first contentful paint, when the wasm finished
// downloading (resource timing), its compile + instantiate (the call to
// WebAssembly.instantiateStreaming until it resolves, wrapped by the init
// script; streaming compiles while downloading, so the part after the
// download ended is shown too) and when Trunk's loader reported the app
// started (after main() returned: main() prepares the catalog and index,
// and the app mounts in a later task, once index.html's static first
// paint has been painted; see src/ui/static_shell.rs).
// Then a deep link to a pattern over an emulated slow connection
// (deep-link.mjs).
import { distDir, heading, intFromEnv, ms, note, printTable, summarize, withSiteAndBrowser } from './common.mjs';
import { measureDeepLink } from './deep-link.mjs';

const QUERY = process.env.BENCH_STARTUP_QUERY ?? 'saga';
const TIMEOUT_MS = 120_000;

/** Runs in the page before any of its scripts; fills `window.__benchStartup`. */
function startupProbe(query) {
  const marks = (window.__benchStartup = {});
  for (const api of ['instantiateStreaming', 'instantiate']) {
    const original = WebAssembly[api];
    if (typeof original !== 'function') continue;
    WebAssembly[api] = function (...args) {
      const start = performance.now();
      return original.apply(this, args).then((result) => {
        marks.instantiate ??= { api, start, end: performance.now() };
        return result;
      });
    };
  }
  addEventListener('TrunkApplicationStarted', () => (marks.appStarted = performance.now()));
  const listShown = () =>
    [...document.querySelectorAll('.card h3, main h2')].map((e) => e.textContent).join('|');
  let before = null;
  const type = () => {
    if (marks.answered !== undefined) return;
    const box = document.querySelector('input[type=search]');
    if (box) {
      box.value = query;
      box.dispatchEvent(new Event('input', { bubbles: true }));
      marks.typings = (marks.typings ?? 0) + 1;
    }
    requestAnimationFrame(type);
  };
  const observer = new MutationObserver(() => {
    if (marks.firstCard === undefined) {
      if (!document.querySelector('.card')) return;
      marks.firstCard = performance.now();
      before = listShown();
      type();
    } else if (listShown() !== before) {
      marks.answered = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}

/** One cold load of home in a fresh context; the marks in ms from navigation start. */
async function loadOnce(browser, url, cpuSlowdown) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    if (cpuSlowdown > 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
    }
    await page.addInitScript(startupProbe, QUERY);
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__benchStartup?.answered !== undefined, null, { timeout: TIMEOUT_MS, polling: 100 });
    // The first paint may come after the DOM answered; wait for it briefly.
    await page
      .waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, null, { timeout: 10_000 })
      .catch(() => {});
    return await page.evaluate(() => {
      const marks = window.__benchStartup;
      const [nav] = performance.getEntriesByType('navigation');
      const wasm = performance.getEntriesByType('resource').find((e) => new URL(e.name).pathname.endsWith('.wasm'));
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      const inst = marks.instantiate;
      return {
        domContentLoaded: nav?.domContentLoadedEventEnd,
        firstContentfulPaint: fcp?.startTime,
        wasmDownloaded: wasm?.responseEnd,
        wasmInstantiate: inst ? inst.end - inst.start : undefined,
        wasmInstantiateAfterDownload: inst && wasm ? inst.end - Math.max(inst.start, wasm.responseEnd) : undefined,
        appStarted: marks.appStarted,
        firstCard: marks.firstCard,
        answering: marks.answered,
        typings: marks.typings,
      };
    });
  } finally {
    await context.close();
  }
}

const FIGURES = [
  ['answering', 'catalog shown and answering input'],
  ['firstCard', 'first card in the DOM'],
  ['firstContentfulPaint', 'first contentful paint'],
  ['wasmDownloaded', 'wasm downloaded (responseEnd)'],
  ['wasmInstantiate', 'wasm compile + instantiate (call to resolve)'],
  ['wasmInstantiateAfterDownload', '  of which after the download ended'],
  ['appStarted', 'TrunkApplicationStarted (main() returned)'],
  ['domContentLoaded', 'DOMContentLoaded'],
];

export default async function measureStartup() {
  const runs = intFromEnv(['BENCH_STARTUP_RUNS', 'BENCH_RUNS'], 15);
  const deepLinkRuns = intFromEnv(['BENCH_DEEP_LINK_RUNS', 'BENCH_RUNS'], 5);
  const settings = [
    { name: 'unthrottled', cpuSlowdown: 1 },
    { name: 'CPU 4× slower', cpuSlowdown: 4 },
  ];
  const samples = await withSiteAndBrowser(async (browser, server) => {
    const url = server.url('/');
    await loadOnce(browser, url, 1); // warm the browser process up; not counted
    const out = {};
    for (const { name, cpuSlowdown } of settings) {
      out[name] = [];
      for (let i = 0; i < runs; i++) out[name].push(await loadOnce(browser, url, cpuSlowdown));
    }
    return out;
  });

  const result = { definition: 'ms from navigation start until the first .card is in the DOM and typing the query into the search box has changed the result list', query: QUERY, runs, settings: {} };
  heading(`Start-up: navigation start to catalog shown and answering input (home, loopback, cold cache, ${runs} runs each, query "${QUERY}")`);
  const rows = [];
  for (const { name, cpuSlowdown } of settings) {
    const figures = {};
    for (const [key] of FIGURES) figures[key] = summarize(samples[name].map((s) => s[key]));
    result.settings[name] = { cpuThrottlingRate: cpuSlowdown, figures, runs: samples[name] };
    for (const [key, label] of FIGURES) {
      const s = figures[key];
      rows.push([name, label, ms(s.median), ms(s.p95), ms(s.min), ms(s.max)]);
    }
  }
  printTable(['CPU', 'From navigation start to', '>median', '>p95', '>min', '>max'], rows);
  const ratio = result.settings['CPU 4× slower'].figures.answering.median / result.settings.unthrottled.figures.answering.median;
  result.throttledToUnthrottledRatio = ratio;
  note(`answering input, 4× throttled / unthrottled: ${ratio.toFixed(2)}×`);
  note('answering = first .card in the DOM, then the query typed (value set, input event fired) and the result list changed in the DOM;');
  note('p95 is nearest-rank; a fresh browser context per run (empty HTTP and code caches), one warm-up load not counted;');
  note('CPU throttling (Emulation.setCPUThrottlingRate) slows the page\'s main thread; wasm compilation on background threads is not slowed.');
  result.deepLink = await withSiteAndBrowser((browser) => measureDeepLink(browser, distDir(), deepLinkRuns));
  return result;
}
