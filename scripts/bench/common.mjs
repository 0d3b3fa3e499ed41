// What every benchmark part shares: the knobs read from the environment,
// serving a dist/ folder on loopback (the end-to-end tests' static host,
// or that server behind a proxy acting as a rewriting or compressing host),
// launching Debian's headless Chromium, statistics over repeated runs
// (median, nearest-rank percentiles) and printing figures as tables.
import http from 'node:http';
import os from 'node:os';
import zlib from 'node:zlib';
import { launch } from '../../tests/e2e/browser.mjs';
import { serveStatic } from '../../tests/e2e/static-server.mjs';

export const KB = 1024;
export const CHROMIUM_PATH = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** A whole number from the environment variable `name` (or the first of several), else `fallback`. */
export function intFromEnv(names, fallback) {
  for (const name of [names].flat()) {
    const raw = process.env[name];
    if (raw === undefined || raw.trim() === '') continue;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number of at least 1, got "${raw}"`);
    return value;
  }
  return fallback;
}

/** The release site to measure: BENCH_DIST, set by scripts/bench.sh. */
export function distDir() {
  return process.env.BENCH_DIST ?? 'target/bench/dist';
}

/** Serves the release site at "/" on a free loopback port, as a plain static host would. */
export function serveDist(dir = distDir()) {
  return serveStatic(dir, '/');
}

/**
 * Serves the release site through the static server as another kind of
 * host would: with `rewrite`, as a host that rewrites unknown paths to the
 * app (the README's other deployment): a page request (one that accepts
 * text/html) for an unknown path gets the app with status 200 instead of
 * 404, while other unknown files (robots.txt) still answer 404; with
 * `gzip`, compressing every answer (gzip level 9) for a client that
 * accepts it, as most hosts do.
 */
export async function serveDistAs({ rewrite = false, gzip = false }, dir = distDir()) {
  const inner = await serveStatic(dir, '/');
  const proxy = http.createServer((req, res) => {
    const upstream = http.get(`${inner.origin}${req.url}`, (answer) => {
      const headers = { ...answer.headers };
      const pageRequest = /\btext\/html\b/.test(req.headers.accept ?? '');
      const status = rewrite && answer.statusCode === 404 && pageRequest ? 200 : answer.statusCode;
      if (gzip && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        delete headers['content-length'];
        res.writeHead(status, { ...headers, 'content-encoding': 'gzip', vary: 'accept-encoding' });
        answer.pipe(zlib.createGzip({ level: 9 })).pipe(res);
      } else {
        res.writeHead(status, headers);
        answer.pipe(res);
      }
    });
    upstream.on('error', () => {
      res.writeHead(502);
      res.end();
    });
  });
  await new Promise((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const { port } = proxy.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    url: (p = '') => `http://127.0.0.1:${port}/${p.replace(/^\//, '')}`,
    close: async () => {
      await new Promise((resolve) => proxy.close(resolve));
      await inner.close();
    },
  };
}

/** Headless Chromium through playwright-core, with the end-to-end tests' flags. */
export function launchChromium() {
  return launch();
}

/** Runs `body(browser, server)` with the site served and Chromium open, closing both afterwards. */
export async function withSiteAndBrowser(body) {
  const server = await serveDist();
  let browser;
  try {
    browser = await launchChromium();
    return await body(browser, server);
  } finally {
    await browser?.close();
    await server.close();
  }
}

// ---------------------------------------------------------------- statistics

const sorted = (values) => values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);

/** The median (mean of the two middle values for an even count); NaN for none. */
export function median(values) {
  const s = sorted(values);
  if (s.length === 0) return NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** The nearest-rank percentile `p` (0-100): the smallest value with at least p% of values at or below it. */
export function percentile(values, p) {
  const s = sorted(values);
  if (s.length === 0) return NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * s.length));
  return s[rank - 1];
}

/** Median, p95, min, max and count of `values`. */
export function summarize(values) {
  const s = sorted(values);
  return {
    n: s.length,
    median: median(s),
    p95: percentile(s, 95),
    min: s[0] ?? NaN,
    max: s[s.length - 1] ?? NaN,
  };
}

// ------------------------------------------------------------------ printing

/** Milliseconds with one decimal. */
export const ms = (v) => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : '-');
/** Bytes as KB (1 KB = 1024 bytes) with one decimal. */
export const kb = (bytes) => (Number.isFinite(bytes) ? `${(bytes / KB).toFixed(1)} KB` : '-');
/** Bytes as MB (1 MB = 1024 × 1024 bytes) with two decimals. */
export const mb = (bytes) => (Number.isFinite(bytes) ? `${(bytes / KB / KB).toFixed(2)} MB` : '-');
/** A share as a percentage with one decimal. */
export const pct = (share) => (Number.isFinite(share) ? `${(share * 100).toFixed(1)} %` : '-');

/** Prints a part's heading. */
export function heading(text) {
  console.log(`\n\x1b[1m== ${text}\x1b[0m`);
}

/**
 * Prints `rows` (arrays of cells) under `columns` as an aligned table; a
 * column whose name starts with ">" is right-aligned (numbers).
 */
export function printTable(columns, rows) {
  const right = columns.map((c) => c.startsWith('>'));
  const names = columns.map((c) => c.replace(/^>/, ''));
  const cells = [names, ...rows.map((row) => row.map((cell) => String(cell ?? '-')))];
  const widths = names.map((_, i) => Math.max(...cells.map((row) => row[i].length)));
  const line = (row) => row.map((cell, i) => (right[i] ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ').trimEnd();
  console.log(`  ${line(cells[0])}`);
  console.log(`  ${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const row of cells.slice(1)) console.log(`  ${line(row)}`);
}

/** Prints an indented note under a table. */
export function note(text) {
  console.log(`  ${text}`);
}

/** How busy the machine is, to read timings by: load averages and cores. */
export function machineLoad() {
  return { loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))), cores: os.cpus().length };
}
