// MiniSearch, the comparison engine of the search benchmark, set up in the
// benchmark's page the way a fair user would set it up for this catalog:
// the same seven fields our engine indexes, with our field weights as
// boosts, prefix search, one typo for words of 4 or more characters (our
// engine's rule), prefix and typo weights close to ours, and our stop
// words. Node-side helpers plus the functions that run in the page.
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const UMD_BUILD = path.join(ROOT, 'node_modules/minisearch/dist/umd/index.js');

/** The MiniSearch set-up, as data the page turns into options (see `buildMiniSearch`). */
export const MINISEARCH_SETUP = {
  // src/search/index.rs `weights`: the fields our engine indexes, and their weights.
  boost: { name: 10, tags: 7, summary: 4, problem: 2.5, solution: 2, forces: 1, how_it_works: 1 },
  // src/search/typo.rs MIN_TYPO_CHARS: one edit for words of at least 4 characters.
  minTypoChars: 4,
  // src/search/rank.rs: prefix matches 0.5 to 0.9 by how much of the word is typed, typos 0.3.
  // MiniSearch scales these by word length (prefix: w·len/(len + 0.3·extra); typo: w·len/(len + 1)).
  weights: { prefix: 0.8, fuzzy: 0.35 },
};

/** A short description of the set-up, for the printed report. */
export function describeSetup(setup = MINISEARCH_SETUP) {
  return (
    `fields ${Object.entries(setup.boost).map(([f, b]) => `${f}×${b}`).join(' ')}; ` +
    `prefix: true; fuzzy: 1 edit for words of ${setup.minTypoChars}+ chars; ` +
    `weights prefix ${setup.weights.prefix}, fuzzy ${setup.weights.fuzzy}; combineWith OR; our stop words dropped`
  );
}

/** Our engine's stop words, read from src/search/tokenize.rs so both engines drop the same words. */
export async function ourStopWords() {
  const source = await fs.readFile(path.join(ROOT, 'src/search/tokenize.rs'), 'utf8');
  const list = source.match(/const STOP_WORDS: &\[&str\] = &\[([^\]]*)\]/);
  if (!list) throw new Error('cannot find STOP_WORDS in src/search/tokenize.rs');
  return [...list[1].matchAll(/"([^"]*)"/g)].map((m) => m[1]);
}

/** The MiniSearch version installed (package.json of node_modules/minisearch). */
export async function miniSearchVersion() {
  const manifest = JSON.parse(await fs.readFile(path.join(ROOT, 'node_modules/minisearch/package.json'), 'utf8'));
  return manifest.version;
}

/** Puts MiniSearch's UMD build on the page's `window.MiniSearch` (the context must bypass the page's CSP). */
export async function loadMiniSearch(page) {
  await page.addScriptTag({ path: UMD_BUILD });
  if (!(await page.evaluate(() => typeof window.MiniSearch === 'function'))) throw new Error('MiniSearch did not load');
}

// ------------------------------------------------- functions run in the page

/**
 * In the page: fetches the catalog from `catalogUrl`, keeps its patterns as
 * MiniSearch documents in `window.benchDocs` (the seven fields, lists joined
 * into one text) and returns how many there are.
 */
export async function loadDocumentsInPage(catalogUrl) {
  const catalog = await (await fetch(catalogUrl)).json();
  window.benchDocs = catalog.patterns.map((p) => ({
    id: p.slug,
    name: p.name,
    tags: p.tags.join(' '),
    summary: p.summary,
    problem: p.problem,
    solution: p.solution,
    forces: p.forces.join(' '),
    how_it_works: p.how_it_works.join(' '),
  }));
  return window.benchDocs.length;
}

/** In the page: builds a MiniSearch index over `window.benchDocs` into `window.benchMiniSearch`; returns ms. */
export function buildMiniSearchInPage(setup) {
  const stop = new Set(setup.stopWords);
  const options = {
    idField: 'id',
    fields: Object.keys(setup.boost),
    processTerm: (term) => {
      const lower = term.toLowerCase();
      return stop.has(lower) ? null : lower;
    },
    searchOptions: {
      boost: setup.boost,
      prefix: true,
      fuzzy: (term) => (term.length >= setup.minTypoChars ? 1 : false),
      weights: setup.weights,
    },
  };
  window.benchMiniSearch = null;
  const start = performance.now();
  const index = new window.MiniSearch(options);
  index.addAll(window.benchDocs);
  const ms = performance.now() - start;
  window.benchMiniSearch = index;
  return ms;
}

/** In the page: the ids of MiniSearch's first `limit` results for each query. */
export function miniSearchTopInPage({ queries, limit }) {
  return queries.map((q) => window.benchMiniSearch.search(q).slice(0, limit).map((r) => r.id));
}

/** In the page: runs each query `repeats` times through MiniSearch, timing each run alone (ms, query-major). */
export function timeMiniSearchInPage({ queries, repeats }) {
  const index = window.benchMiniSearch;
  const times = [];
  let sink = 0;
  for (const q of queries) {
    for (let r = 0; r < repeats; r++) {
      const start = performance.now();
      sink += index.search(q).length;
      times.push(performance.now() - start);
    }
  }
  window.benchSink = sink;
  return times;
}

/** In the page: the whole list of queries `repeats` times through MiniSearch, timed once around the batch (ms). */
export function timeMiniSearchBatchInPage({ queries, repeats }) {
  const index = window.benchMiniSearch;
  let sink = 0;
  const start = performance.now();
  for (let r = 0; r < repeats; r++) for (const q of queries) sink += index.search(q).length;
  const ms = performance.now() - start;
  window.benchSink = sink;
  return ms;
}
