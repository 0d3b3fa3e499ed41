// Runs one benchmark part in its own process, so that a part that crashes
// or hangs cannot take the others down: `node scripts/bench/run-part.mjs
// NAME OUT.json` imports scripts/bench/NAME.mjs, calls the async function
// it exports (default, else `run`, else its only exported function) and
// writes {part, ok, seconds, result | error} to OUT.json. Exits 1 when the
// part failed, after reporting why. The record notes the machine's load
// average when the part started: timings are noisy on a busy machine.
import fs from 'node:fs/promises';
import path from 'node:path';
import { machineLoad } from './common.mjs';

const [name, outFile] = process.argv.slice(2);
if (!name || !outFile) {
  console.error('usage: node scripts/bench/run-part.mjs PART OUT.json');
  process.exit(2);
}

function entryPoint(module) {
  if (typeof module.default === 'function') return module.default;
  if (typeof module.run === 'function') return module.run;
  const functions = Object.values(module).filter((v) => typeof v === 'function');
  if (functions.length === 1) return functions[0];
  throw new Error(`scripts/bench/${name}.mjs exports no single async function to run (found ${functions.length})`);
}

const started = performance.now();
const machine = machineLoad();
let record;
try {
  const module = await import(new URL(`./${name}.mjs`, import.meta.url));
  const result = await entryPoint(module)();
  record = { part: name, ok: true, seconds: (performance.now() - started) / 1000, machineAtStart: machine, result: result ?? null };
} catch (error) {
  console.error(`\n\x1b[1;31m[bench] part "${name}" failed:\x1b[0m ${error?.stack ?? error}`);
  record = { part: name, ok: false, seconds: (performance.now() - started) / 1000, machineAtStart: machine, error: String(error?.stack ?? error) };
}
await fs.mkdir(path.dirname(outFile), { recursive: true });
await fs.writeFile(outFile, JSON.stringify(record, null, 2) + '\n');
const busy = machine.loadAverage[0] > machine.cores;
console.log(
  `  (${name}: ${record.seconds.toFixed(0)} s; load average ${machine.loadAverage[0]} on ${machine.cores} cores at its start${busy ? ': a busy machine, timings are inflated' : ''})`,
);
// Playwright or Lighthouse may leave handles open; the record is written.
process.exit(record.ok ? 0 : 1);
