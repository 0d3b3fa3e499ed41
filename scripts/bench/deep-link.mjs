// Part of the start-up benchmark: a deep link to a pattern (/patterns/saga)
// opened over an emulated slow mobile connection, where the download of the
// WebAssembly dominates. Timed from navigation start, with the network
// emulated as Lighthouse's mobile preset assumes (150 ms round trip,
// 1.6 Mbit/s down, 750 kbit/s up), the CPU throttled 4×, through a host
// that compresses with gzip, in a fresh context per run:
//   largest contentful paint = the last candidate the browser reported;
//   pattern text = the pattern's Problem paragraph is in the DOM (from the
//                  host's page for it, or once the app has rendered);
//   app mounted = the static first paint replaced by the app.
// Also the page's HTTP status: 200 for the pattern page the build writes
// (patterns/SLUG.html), 404 where a host falls back to 404.html.
import { heading, ms, note, printTable, serveDistAs, summarize } from './common.mjs';

const PATH = '/patterns/saga';
const TIMEOUT_MS = 120_000;
const NETWORK = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };

/** Runs in the page before any of its scripts; fills `window.__benchDeepLink`. */
function deepLinkProbe() {
  const marks = (window.__benchDeepLink = {});
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) marks.largestPaint = entry.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  const look = () => {
    if (marks.patternText === undefined && document.querySelector('section.problem p')) marks.patternText = performance.now();
    if (marks.appMounted === undefined && document.querySelector('main h1') && !document.getElementById('shell')) marks.appMounted = performance.now();
  };
  new MutationObserver(look).observe(document, { childList: true, subtree: true });
}

async function loadOnce(browser, url) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.addInitScript(deepLinkProbe);
    const response = await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__benchDeepLink?.appMounted !== undefined, null, { timeout: TIMEOUT_MS, polling: 100 });
    // The largest paint is reported once the frame is presented.
    await page.waitForTimeout(500);
    const marks = await page.evaluate(() => ({ ...window.__benchDeepLink, firstContentfulPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime }));
    return { status: response.status(), ...marks };
  } finally {
    await context.close();
  }
}

const FIGURES = [
  ['firstContentfulPaint', 'first contentful paint'],
  ['largestPaint', 'largest contentful paint'],
  ['patternText', "the pattern's problem text in the DOM"],
  ['appMounted', 'app mounted'],
];

/** Measures `runs` deep-link loads of the site in `dir` with `browser`; prints a table and returns the figures. */
export async function measureDeepLink(browser, dir, runs) {
  const host = await serveDistAs({ gzip: true }, dir);
  const samples = [];
  try {
    for (let i = 0; i < runs; i++) samples.push(await loadOnce(browser, host.url(PATH)));
  } finally {
    await host.close();
  }
  const figures = Object.fromEntries(FIGURES.map(([key]) => [key, summarize(samples.map((s) => s[key]))]));
  const statuses = [...new Set(samples.map((s) => s.status))];
  heading(`Deep link ${PATH} over slow 4G (150 ms RTT, 1.6 Mbit/s), CPU 4× slower, gzip host, 412 × 823 (${runs} runs)`);
  printTable(
    ['From navigation start to', '>median', '>p95', '>min', '>max'],
    FIGURES.map(([key, label]) => [label, ms(figures[key].median), ms(figures[key].p95), ms(figures[key].min), ms(figures[key].max)]),
  );
  note(`HTTP status of the page: ${statuses.join(', ')} (200: the build's page for the pattern; 404: a host's fallback to 404.html)`);
  return { path: PATH, network: NETWORK, cpuThrottlingRate: 4, statuses, figures, runs: samples };
}
