// Prints the search benchmark's result (the object search.mjs returns) as
// readable tables: time per query, input-to-screen time, top-3 accuracy,
// index build time and memory.
import { mb, note, printTable } from './common.mjs';
import { describeSetup } from './search-minisearch.mjs';

/** Milliseconds with three decimals: single queries take well under one. */
const msFine = (v) => (Number.isFinite(v) ? `${v.toFixed(3)} ms` : '-');
const msOne = (v) => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : '-');
const times = (v) => (Number.isFinite(v) ? `${v.toFixed(2)}×` : '-');
const verdict = (ok) => (ok ? 'within' : 'OVER');
const rankIn = (top, slug) => {
  const i = top.indexOf(slug);
  return i < 0 ? 'not in top 3' : `#${i + 1}`;
};

export function printSearchReport(r) {
  note(
    `${r.catalog.patterns} patterns (${r.catalog.path}); site ${r.site.built ? `built in ${r.site.buildSeconds.toFixed(0)} s` : 'reused'}, ` +
      `app ready in ${r.site.readySeconds.toFixed(1)} s`,
  );
  note(
    `${r.queries.count} queries typed one key at a time: ${r.queries.keystrokes} keystrokes, each a query; ` +
      `cross-origin isolated: ${r.timing.crossOriginIsolated} (timer step ${r.timing.timerResolutionMs.toFixed(3)} ms)`,
  );

  console.log(`\n  Time per query (each keystroke's query run ${r.timing.repeatsPerQuery} times, its time the median), in the page:`);
  const e = r.engine;
  printTable(
    ['engine', '>p50', '>p95', '>batch mean', '>budget p95'],
    [
      ['ours (search + filter + facet counts)', msFine(e.ours.p50), msFine(e.ours.p95), msFine(e.ours.batchMeanMs), `${msFine(e.budgetP95Ms)} ${verdict(e.withinBudget)}`],
      ['MiniSearch (search)', msFine(e.minisearch.p50), msFine(e.minisearch.p95), msFine(e.minisearch.batchMeanMs), ''],
      ['ours ÷ MiniSearch', times(e.ratioOursToMiniSearch.p50), times(e.ratioOursToMiniSearch.p95), times(e.ours.batchMeanMs / e.minisearch.batchMeanMs), ''],
    ],
  );
  console.log('\n  By kind of query:');
  printTable(
    ['kind', '>keystrokes', '>ours p50', '>ours p95', '>MiniSearch p50', '>MiniSearch p95'],
    Object.entries(e.ours.byKind).map(([kind, ours]) => {
      const theirs = e.minisearch.byKind[kind];
      return [kind, ours.n, msFine(ours.p50), msFine(ours.p95), msFine(theirs.p50), msFine(theirs.p95)];
    }),
  );

  const s = r.screen;
  const f = r.screenEveryFrame;
  console.log('\n  Input event to results on screen, in the app (keystroke dispatched at a frame start; end of the frame that shows the results):');
  printTable(
    ['measure', '>p50', '>p95', '>keystrokes', '>budget p95'],
    [
      ['input to screen, typing (a key every 3rd frame)', msOne(s.p50), msOne(s.p95), s.n, `${msOne(s.budgetP95Ms)} ${verdict(s.withinBudget)}`],
      ['input to DOM updated, typing', msOne(s.dom.p50), msOne(s.dom.p95), s.dom.n, ''],
      ['input to screen, a key every frame', msOne(f.p50), msOne(f.p95), f.n, 'none'],
      ['input to DOM updated, a key every frame', msOne(f.dom.p50), msOne(f.dom.p95), f.dom.n, ''],
    ],
  );
  for (const [pace, x] of [['typing', s], ['a key every frame', f]]) {
    note(`${pace}: ${x.sameFrame} of ${x.n + x.timedOut.length} updates were on screen in the frame of their keystroke; ${x.timedOut.length} timed out${x.timedOut.length ? `: ${x.timedOut.slice(0, 5).map((t) => JSON.stringify(t)).join(', ')}` : ''}`);
    note(`${pace}: slowest: ${x.slowest.map((k) => `${JSON.stringify(k.text)} ${msOne(k.screenMs)}`).join(', ')}`);
  }
  note("typing is 20 keys a second, faster than a fast typist (120 words a minute is 10); at a key every frame, 60 a second, each keystroke's frame starts while the browser is still busy with the previous ones");

  const a = r.accuracy;
  console.log(`\n  Expected real pattern in the top 3 (${a.of} problem-first queries): ours ${a.ours}/${a.of}, MiniSearch ${a.minisearch}/${a.of}`);
  printTable(
    ['query', 'expected', 'ours', 'MiniSearch'],
    a.queries.map((q) => [JSON.stringify(q.text), q.expect, rankIn(q.ours, q.expect), rankIn(q.minisearch, q.expect)]),
  );

  console.log('\n  Index over the 10,000 patterns:');
  printTable(
    ['engine', '>build (median)', '>memory', 'memory measured as'],
    [
      ['ours', msOne(r.index.ours.buildMs), mb(r.index.ours.retainedBytes), `heap bytes the index keeps (counting allocator); ${mb(r.index.ours.peakBytes)} at the build's peak`],
      ['MiniSearch', msOne(r.index.minisearch.buildMs), mb(r.index.minisearch.heapBytes), 'JS heap growth after GC (CDP), documents excluded'],
    ],
  );
  note(`the app's wasm memory: ${mb(r.memory.wasmMemoryBytes)}, of which ${mb(r.memory.liveHeapBytes)} live heap (catalog, index, UI)`);
  note(`MiniSearch ${r.minisearch.version}: ${describeSetup(r.minisearch.setup)}`);
  if (r.pageErrors.length) note(`page errors: ${r.pageErrors.slice(0, 3).join(' | ')}`);
  note(`search benchmark took ${r.seconds.toFixed(0)} s`);
}
