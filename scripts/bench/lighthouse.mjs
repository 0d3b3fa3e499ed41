// Benchmark part "lighthouse": Lighthouse 12 (mobile preset, its default
// simulated throttling) on home and on the saga page, a fresh headless
// Chromium for every run; the four category scores and the key metrics
// (FCP, LCP, TBT, CLS, SI) as medians over the runs, each figure on its
// own. Goals: performance, accessibility and best practices 100, SEO 90 or
// more; when a category misses its goal, its failing audits are listed
// (score under 0.9, as Lighthouse's report marks them).
//
// Pages are served by the project's static server, which answers a deep
// link such as /patterns/saga with the app and status 404, as GitHub Pages
// or S3 would. Lighthouse refuses to score a page whose document answered
// 404; when it does, that is reported and the page is measured again as a
// host that rewrites unknown paths to the app (status 200) would serve it.
// The static server does not compress, and Lighthouse's simulated mobile
// network then carries the wasm at full size; so every page is measured a
// second time through a gzip host (BENCH_LIGHTHOUSE_GZIP=0 skips that).
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { CHROMIUM_PATH, heading, intFromEnv, median, note, printTable, serveDist, serveDistAs } from './common.mjs';

const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const PAGES = [
  { name: 'home', path: '/' },
  { name: 'saga page', path: '/patterns/saga' },
];
const CATEGORIES = [
  ['performance', 'Performance', 100],
  ['accessibility', 'Accessibility', 100],
  ['best-practices', 'Best practices', 100],
  ['seo', 'SEO', 90],
];
const METRICS = [
  ['first-contentful-paint', 'FCP', 'ms'],
  ['largest-contentful-paint', 'LCP', 'ms'],
  ['total-blocking-time', 'TBT', 'ms'],
  ['cumulative-layout-shift', 'CLS', ''],
  ['speed-index', 'SI', 'ms'],
];
const PASSING_SCORE = 0.9;

/** One Lighthouse run of `url` in a fresh Chromium; the report (lhr). */
async function runLighthouse(url) {
  process.env.CHROME_PATH = CHROMIUM_PATH;
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROME_FLAGS, logLevel: 'error' });
  try {
    const answer = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error' });
    if (!answer?.lhr) throw new Error(`Lighthouse returned no report for ${url}`);
    return answer.lhr;
  } finally {
    chrome.kill();
  }
}

/** The figures of one report. */
function figuresOf(lhr) {
  const scores = Object.fromEntries(CATEGORIES.map(([id]) => [id, lhr.categories[id]?.score == null ? NaN : Math.round(lhr.categories[id].score * 100)]));
  const metrics = Object.fromEntries(METRICS.map(([id]) => [id, lhr.audits[id]?.numericValue ?? NaN]));
  return { scores, metrics };
}

/** The audits of `category` that fail in `lhr`: scored, and under the passing score. */
function failingAudits(lhr, category) {
  return (lhr.categories[category]?.auditRefs ?? [])
    .map((ref) => lhr.audits[ref.id])
    .filter((a) => a && a.score !== null && !['informative', 'manual', 'notApplicable', 'error'].includes(a.scoreDisplayMode) && a.score < PASSING_SCORE)
    .map((a) => ({ id: a.id, title: a.title, score: a.score, displayValue: a.displayValue ?? '' }));
}

/** For each category under 100 somewhere: each failing audit once, with the pages it fails on. */
function printFailingAudits(pages, runs) {
  for (const [category, label, goal] of CATEGORIES) {
    const failing = pages.filter((p) => p.failingAudits[category]);
    if (failing.length === 0) continue;
    const scores = failing.map((p) => `${p.page} ${p.scores[category]}${p.missedGoals.includes(category) ? ' ✗' : ''}`).join(', ');
    note(`${label} under 100 (goal ${goal === 100 ? '100' : `≥ ${goal}`}): ${scores}. Failing audits (score < ${PASSING_SCORE}), with the pages and runs they fail in:`);
    const byId = new Map();
    for (const p of failing)
      for (const audit of p.failingAudits[category]) {
        const entry = byId.get(audit.id) ?? { title: audit.title, where: [] };
        entry.where.push(`${p.page}${audit.displayValue ? ` ${audit.displayValue}` : ''} (${audit.failedRuns}/${runs})`);
        byId.set(audit.id, entry);
      }
    if (byId.size === 0) note('    none: the score sums near misses');
    for (const [id, { title, where }] of byId) note(`    ${id} — ${title}: ${where.join('; ')}`);
  }
}

/** Runs Lighthouse `runs` times on `page`; falls back to a rewriting host if the static host's 404 is refused. */
async function measurePage(page, runs, hosts) {
  let host = hosts.static;
  let refusal = null;
  const reports = [];
  while (reports.length < runs) {
    const lhr = await runLighthouse(host.url(page.path));
    if (lhr.runtimeError?.code === 'ERRORED_DOCUMENT_REQUEST' && host === hosts.static) {
      refusal = `${lhr.runtimeError.code}: ${lhr.runtimeError.message.replace(/\s+/g, ' ')}`;
      host = hosts.rewriting;
      continue;
    }
    if (lhr.runtimeError) throw new Error(`Lighthouse could not score ${page.name}: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    reports.push(lhr);
  }
  return { reports, refusal, servedAs: host === hosts.static ? 'static host' : 'rewriting host (status 200)' };
}

/** The hosts to serve the site from: the plain static server, and a gzip host unless BENCH_LIGHTHOUSE_GZIP=0. */
async function openHosts() {
  const variants = [{ label: '', hosts: { static: await serveDist(), rewriting: await serveDistAs({ rewrite: true }) } }];
  if (process.env.BENCH_LIGHTHOUSE_GZIP !== '0')
    variants.push({ label: ', gzip', hosts: { static: await serveDistAs({ gzip: true }), rewriting: await serveDistAs({ rewrite: true, gzip: true }) } });
  return variants;
}

export default async function measureLighthouse() {
  const runs = intFromEnv(['BENCH_LIGHTHOUSE_RUNS', 'BENCH_RUNS'], 3);
  const variants = await openHosts();
  const measured = [];
  try {
    for (const { label, hosts } of variants)
      for (const page of PAGES) {
        const named = { ...page, name: `${page.name}${label}` };
        measured.push({ page: named, compressed: label !== '', ...(await measurePage(named, runs, hosts)) });
      }
  } finally {
    for (const { hosts } of variants) {
      await hosts.static.close();
      await hosts.rewriting.close();
    }
  }

  const first = measured[0].reports[0];
  const result = {
    lighthouseVersion: first.lighthouseVersion,
    formFactor: first.configSettings.formFactor,
    throttlingMethod: first.configSettings.throttlingMethod,
    benchmarkIndex: median(measured.flatMap((m) => m.reports.map((r) => r.environment?.benchmarkIndex))),
    runs,
    goals: Object.fromEntries(CATEGORIES.map(([id, , goal]) => [id, goal])),
    pages: [],
  };
  heading(
    `Lighthouse ${result.lighthouseVersion}: ${result.formFactor} preset, ${result.throttlingMethod}d throttling, median of ${runs} runs per page (benchmarkIndex ${Math.round(result.benchmarkIndex)})`,
  );
  const rows = [];
  for (const { page, compressed, reports, refusal, servedAs } of measured) {
    const all = reports.map(figuresOf);
    const scores = Object.fromEntries(CATEGORIES.map(([id]) => [id, median(all.map((f) => f.scores[id]))]));
    const metrics = Object.fromEntries(METRICS.map(([id]) => [id, median(all.map((f) => f.metrics[id]))]));
    const missed = CATEGORIES.filter(([id, , goal]) => !(scores[id] >= goal)).map(([id]) => id);
    const failing = {};
    for (const [category] of CATEGORIES.filter(([id]) => !(scores[id] >= 100))) {
      const byId = new Map();
      for (const lhr of reports)
        for (const audit of failingAudits(lhr, category)) {
          const seen = byId.get(audit.id) ?? { ...audit, failedRuns: 0 };
          seen.failedRuns++;
          byId.set(audit.id, seen);
        }
      failing[category] = [...byId.values()];
    }
    result.pages.push({ page: page.name, path: page.path, gzip: compressed, servedAs, staticHostRefusal: refusal, scores, metrics, missedGoals: missed, failingAudits: failing, runs: all });
    rows.push([
      `${page.name}${servedAs === 'static host' ? '' : ' *'}`,
      ...CATEGORIES.map(([id, , goal]) => `${scores[id]}${scores[id] >= goal ? '' : ' ✗'}`),
      ...METRICS.map(([id, , unit]) => (unit === 'ms' ? `${Math.round(metrics[id])} ms` : metrics[id].toFixed(3))),
    ]);
  }
  printTable(['Page', ...CATEGORIES.map(([, label]) => `>${label}`), ...METRICS.map(([, label]) => `>${label}`)], rows);
  note(`goals: ${CATEGORIES.map(([, label, goal]) => `${label} ${goal === 100 ? '100' : `≥ ${goal}`}`).join(', ')}; ✗ marks a miss.`);
  note('"gzip": the same site through a host that compresses (gzip -9); without it the static server sends every file uncompressed.');
  // Medians hide a bimodal metric: Lighthouse's simulated LCP has swung
  // between two values from run to run on the same build.
  note('each run, performance score / LCP:');
  for (const p of result.pages) note(`    ${p.page}: ${p.runs.map((f) => `${f.scores.performance} / ${Math.round(f.metrics['largest-contentful-paint'])} ms`).join(', ')}`);
  const refused = result.pages.filter((p) => p.staticHostRefusal).map((p) => p.page);
  if (refused.length)
    note(
      `* ${refused.join('; ')}: the static host answers the deep link with the app and status 404, and Lighthouse refuses to score that (${result.pages.find((p) => p.staticHostRefusal).staticHostRefusal.split(':')[0]}); scored as a host that rewrites unknown page paths to the app (status 200) serves it.`,
    );
  printFailingAudits(result.pages, runs);
  return result;
}
