// Gathers the records the parts wrote (`node scripts/bench/report.mjs
// PARTS_DIR REPORT.json PART...`) into one report.json with what was
// measured where and how (commit, Chromium, Node, machine load, the BENCH_*
// knobs), prints a summary line per part and exits 1 when any part failed
// or left no record.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CHROMIUM_PATH, distDir, heading, kb, ms, printTable } from './common.mjs';

const [partsDir, reportFile, ...partNames] = process.argv.slice(2);

const quiet = (command, args) => {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
};

/** One line on the figures each known part is read by; other parts only say they ran. */
const HEADLINES = {
  'first-load': (r) =>
    `${kb(r.firstLoad.gzip)} gzip of ${kb(r.budgetGzipBytes)} budget: ${r.withinBudget ? `within, ${kb(r.marginBytes)} left` : `OVER by ${kb(-r.marginBytes)}`}`,
  startup: (r) => {
    const f = (name) => r.settings[name].figures.answering;
    return `answering input: median ${ms(f('unthrottled').median)}, p95 ${ms(f('unthrottled').p95)}; CPU 4× slower: median ${ms(f('CPU 4× slower').median)}, p95 ${ms(f('CPU 4× slower').p95)}`;
  },
  animation: (r) => {
    const over = r.cases.filter((c) => !c.withinBudget);
    const worst = Math.max(...r.cases.map((c) => c.medianFrame));
    return `${r.cases.length - over.length}/${r.cases.length} within budget; worst median frame ${ms(worst)}, ${r.cases.reduce((s, c) => s + c.longTasks, 0)} long tasks; rAF at ${r.rafHz.toFixed(1)} Hz`;
  },
  lighthouse: (r) =>
    `performance/accessibility/best practices/SEO: ${r.pages.map((p) => `${p.page} ${['performance', 'accessibility', 'best-practices', 'seo'].map((c) => p.scores[c]).join('/')}`).join('; ')}`,
  memory: (r) => `${r.levelsOff ? 'levels off' : 'does not level off'} over ${r.pages} pages (${Object.entries(r.verdicts).map(([k, v]) => `${k} ${v.verdict}`).join(', ')})`,
};

const parts = {};
const failures = [];
const rows = [];
for (const name of partNames) {
  let record;
  try {
    record = JSON.parse(await fs.readFile(path.join(partsDir, `${name}.json`), 'utf8'));
  } catch {
    record = { part: name, ok: false, error: 'no record: the part crashed, was killed or timed out before writing one' };
  }
  parts[name] = record;
  if (!record.ok) failures.push({ part: name, error: record.error });
  let headline = '';
  if (record.ok) {
    try {
      headline = HEADLINES[name]?.(record.result) ?? 'ran';
    } catch {
      headline = 'ran (figures in report.json)';
    }
  }
  rows.push([name, record.ok ? 'ok' : 'FAILED', record.seconds ? `${Math.round(record.seconds)} s` : '-', record.ok ? headline : record.error.split('\n')[0].slice(0, 160)]);
}

const gitCommit = quiet('git', ['rev-parse', 'HEAD']);
const report = {
  generatedAt: new Date().toISOString(),
  commit: gitCommit,
  workTreeChanged: gitCommit ? quiet('git', ['status', '--porcelain', '--untracked-files=no']) !== '' : null,
  dist: distDir(),
  node: process.version,
  chromium: quiet(CHROMIUM_PATH, ['--version']),
  machine: { cores: os.cpus().length, loadAverageAtEnd: os.loadavg().map((l) => Number(l.toFixed(2))) },
  settings: Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('BENCH_') || k === 'PATTERNS_CATALOG' || k === 'CHROMIUM')),
  failures,
  parts,
};
await fs.mkdir(path.dirname(reportFile), { recursive: true });
await fs.writeFile(reportFile, JSON.stringify(report, null, 2) + '\n');

heading('Summary');
printTable(['Part', 'Status', '>Time', 'Headline'], rows);
console.log(`  report: ${reportFile}`);
if (failures.length) console.log(`  \x1b[1;31m${failures.length} part(s) failed: ${failures.map((f) => f.part).join(', ')}\x1b[0m`);
process.exit(failures.length ? 1 : 0);
