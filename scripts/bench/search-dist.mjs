// The site the search benchmark measures: the app built against the
// generated 10,000-pattern catalog with the `bench` feature (the timing
// hooks of src/bench_hooks.rs), in target/bench/dist-search-10k. Writes the
// catalog when its content changed, checks it natively
// (examples/check_catalog.rs), and builds the site again only when the
// catalog or any source of the build is newer than the site.
//
// Cargo builds in its own target folder, target/bench/cargo: in the shared
// target/ another engineer's build of the same binary (other features,
// other catalog) can replace the wasm between cargo and wasm-bindgen, and
// each switch of catalog or features would make the other rebuild the
// crate. The first build there compiles every dependency once.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_OUT as CATALOG_PATH, generateCatalog } from './generate-catalog.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export { CATALOG_PATH };
export const DIST_DIR = path.join(ROOT, 'target/bench/dist-search-10k');
const BUILD_LOG = path.join(ROOT, 'target/bench/dist-search-10k.log');
const CARGO_TARGET_DIR = path.join(ROOT, 'target/bench/cargo');

/** What the build reads: a change to any of them makes the site stale. */
const BUILD_INPUTS = [
  'src', 'assets', 'build.rs', 'Cargo.toml', 'Cargo.lock', 'index.html', 'Trunk.toml', '.cargo/config.toml',
  'scripts/build.sh', 'scripts/post-build.mjs', 'scripts/service-worker.js',
];

/** The latest modification time (ms) of a file, or of any file under a folder; 0 when missing. */
async function newestMtime(target) {
  let stat;
  try {
    stat = await fs.stat(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  const entries = await fs.readdir(target);
  const times = await Promise.all(entries.map((entry) => newestMtime(path.join(target, entry))));
  return Math.max(stat.mtimeMs, ...times);
}

/** Runs a command from the repository root, its output going to `log`; rejects on failure. */
function run(command, args, { env = {}, log }) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}; see ${BUILD_LOG}`)),
    );
  });
}

/** Writes the generated catalog unless the file already holds exactly that text (keeping its time). */
async function writeCatalogIfChanged() {
  const real = JSON.parse(await fs.readFile(path.join(ROOT, 'catalog.json'), 'utf8'));
  const text = JSON.stringify(generateCatalog(real));
  const existing = await fs.readFile(CATALOG_PATH, 'utf8').catch(() => null);
  if (existing === text) return false;
  await fs.mkdir(path.dirname(CATALOG_PATH), { recursive: true });
  await fs.writeFile(CATALOG_PATH, text);
  return true;
}

/** True when the site's wasm-bindgen glue exports the bench hooks (a build with --features bench). */
async function hasBenchHooks() {
  const files = await fs.readdir(DIST_DIR).catch(() => []);
  for (const file of files.filter((f) => f.endsWith('.js') && f !== 'sw.js')) {
    if ((await fs.readFile(path.join(DIST_DIR, file), 'utf8')).includes('export function bench_search')) return true;
  }
  return false;
}

/**
 * Makes sure the 10k site is built and current, and returns
 * `{ dir, catalogPath, built, buildSeconds }`. `rebuild`: "auto" (when
 * stale), "always" or "never" (use the site as it is, if there is one).
 */
export async function ensureSearchDist({ rebuild = 'auto', say = console.log } = {}) {
  const catalogWritten = await writeCatalogIfChanged();
  if (catalogWritten) say(`wrote the generated catalog to ${path.relative(ROOT, CATALOG_PATH)}`);
  const builtAt = await newestMtime(path.join(DIST_DIR, 'index.html'));
  const inputsAt = Math.max(
    await newestMtime(CATALOG_PATH),
    ...(await Promise.all(BUILD_INPUTS.map((input) => newestMtime(path.join(ROOT, input))))),
  );
  const stale = builtAt === 0 || inputsAt > builtAt || !(await hasBenchHooks());
  if (rebuild === 'never' || (rebuild === 'auto' && !stale)) {
    if (builtAt === 0) throw new Error(`no site in ${DIST_DIR} and rebuilding was turned off`);
    say(`reusing the 10k site in ${path.relative(ROOT, DIST_DIR)}${stale ? ' (older than its sources)' : ''}`);
    return { dir: DIST_DIR, catalogPath: CATALOG_PATH, built: false, buildSeconds: 0 };
  }
  const started = performance.now();
  await fs.mkdir(path.dirname(BUILD_LOG), { recursive: true });
  const log = (await fs.open(BUILD_LOG, 'w')).createWriteStream();
  try {
    say('checking the generated catalog natively (examples/check_catalog.rs)');
    await run('cargo', ['run', '--quiet', '--release', '--no-default-features', '--example', 'check_catalog', '--', CATALOG_PATH], {
      env: { CARGO_TARGET_DIR },
      log,
    });
    say(`building the 10k site with --features bench into ${path.relative(ROOT, DIST_DIR)} (log: ${path.relative(ROOT, BUILD_LOG)})`);
    await run('scripts/build.sh', ['/'], {
      env: { PATTERNS_CATALOG: CATALOG_PATH, DIST_DIR, TRUNK_BUILD_FEATURES: 'bench', CARGO_TARGET_DIR },
      log,
    });
  } finally {
    log.end();
  }
  if (!(await hasBenchHooks())) throw new Error(`the site built in ${DIST_DIR} has no bench hooks`);
  const buildSeconds = (performance.now() - started) / 1000;
  say(`built in ${buildSeconds.toFixed(0)} s`);
  return { dir: DIST_DIR, catalogPath: CATALOG_PATH, built: true, buildSeconds };
}
