// How much of the wasm is the embedded catalog, found cheaply and tolerant
// of how it is encoded: first the encoded catalog build.rs wrote
// (OUT_DIR/catalog.bin of any cargo build folder under target/), where it
// appears whole in the wasm, which is exact; failing that, the catalog's
// JSON text as it is (or minified); failing that, the catalog's longer
// strings where they appear verbatim (a binary encoding usually keeps its
// strings as UTF-8), which is a lower bound (for the shipped catalog, less
// than half the exact share); failing that, "not found" (compressed or
// transformed). The gzip share is what gzip -9 of the wasm loses when
// those bytes are cut.
import fs from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { kb, pct } from './common.mjs';

/** Strings of at least this many bytes are looked for verbatim; shorter ones match by chance. */
const MIN_STRING_BYTES = 24;

/** The catalog the build embedded: PATTERNS_CATALOG (as build.rs reads it), else catalog.json. */
export function catalogPath() {
  const chosen = process.env.PATTERNS_CATALOG;
  return chosen && chosen.trim() !== '' ? chosen : 'catalog.json';
}

/**
 * The catalogs build.rs encoded (OUT_DIR/catalog.bin) in the cargo build
 * folders under the target folders this project's scripts use: host and
 * wasm32, debug and release; those larger than `maxBytes`, which no wasm
 * measured here could hold (the benchmark's 10,000-pattern catalog, 37 MB),
 * are not read.
 */
async function encodedCatalogs(maxBytes) {
  const roots = [process.env.CARGO_TARGET_DIR, 'target', 'target/bench/cargo'].filter(Boolean);
  const found = [];
  for (const root of roots)
    for (const triple of ['', 'wasm32-unknown-unknown'])
      for (const profile of ['release', 'debug']) {
        const buildDir = path.join(root, triple, profile, 'build');
        const entries = await fs.readdir(buildDir).catch(() => []);
        for (const entry of entries.filter((e) => e.startsWith('patterns-forged-'))) {
          const file = path.join(buildDir, entry, 'out', 'catalog.bin');
          const size = (await fs.stat(file).catch(() => null))?.size;
          if (size === undefined || size > maxBytes) continue;
          const bytes = await fs.readFile(file).catch(() => null);
          if (bytes) found.push({ file, bytes });
        }
      }
  return found;
}

/** Every string value (and key) in `value`, recursively. */
function stringsIn(value, out = new Set()) {
  if (typeof value === 'string') out.add(value);
  else if (Array.isArray(value)) value.forEach((v) => stringsIn(v, out));
  else if (value && typeof value === 'object')
    for (const [key, v] of Object.entries(value)) {
      out.add(key);
      stringsIn(v, out);
    }
  return out;
}

/** Sorted, merged [start, end) ranges. */
function mergeRanges(ranges) {
  const merged = [];
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** Where the catalog sits in `wasm`: byte ranges and how it was recognised, or null. */
function locateCatalog(wasm, catalogText, encoded) {
  for (const { file, bytes } of encoded) {
    const at = wasm.indexOf(bytes);
    if (at >= 0) return { encoding: `encoded by build.rs, found whole: ${file}`, ranges: [[at, at + bytes.length]] };
  }
  const asIs = Buffer.from(catalogText, 'utf8');
  let at = wasm.indexOf(asIs);
  if (at >= 0) return { encoding: 'catalog JSON text, as written', ranges: [[at, at + asIs.length]] };
  let parsed;
  try {
    parsed = JSON.parse(catalogText);
  } catch {
    return null;
  }
  const minified = Buffer.from(JSON.stringify(parsed), 'utf8');
  at = wasm.indexOf(minified);
  if (at >= 0) return { encoding: 'catalog JSON text, minified', ranges: [[at, at + minified.length]] };
  const ranges = [];
  for (const text of stringsIn(parsed)) {
    const needle = Buffer.from(text, 'utf8');
    if (needle.length < MIN_STRING_BYTES) continue;
    const found = wasm.indexOf(needle);
    if (found >= 0) ranges.push([found, found + needle.length]);
  }
  if (ranges.length === 0) return null;
  return { encoding: `not as JSON text; its strings of ${MIN_STRING_BYTES}+ bytes found verbatim (a lower bound)`, ranges: mergeRanges(ranges) };
}

/** Cuts `ranges` out of `bytes`. */
function without(bytes, ranges) {
  const parts = [];
  let from = 0;
  for (const [start, end] of ranges) {
    parts.push(bytes.subarray(from, start));
    from = end;
  }
  parts.push(bytes.subarray(from));
  return Buffer.concat(parts);
}

/** The catalog's share of the wasm files given (raw and gzip), with a one-line summary. */
export async function measureCatalogShare(wasmPaths) {
  const source = catalogPath();
  if (wasmPaths.length === 0) return { found: false, summary: 'no wasm in the first load' };
  let catalogText;
  try {
    catalogText = await fs.readFile(source, 'utf8');
  } catch (error) {
    return { found: false, catalog: source, summary: `cannot read ${source} (${error.code ?? error.message})` };
  }
  const wasms = await Promise.all(wasmPaths.map(async (wasmPath) => ({ wasmPath, wasm: await fs.readFile(wasmPath) })));
  const encoded = await encodedCatalogs(Math.max(...wasms.map(({ wasm }) => wasm.length)));
  for (const { wasmPath, wasm } of wasms) {
    const located = locateCatalog(wasm, catalogText, encoded);
    if (!located) continue;
    const catalogBytes = located.ranges.reduce((sum, [start, end]) => sum + end - start, 0);
    const wasmGzip = zlib.gzipSync(wasm, { level: 9 }).length;
    const catalogGzip = wasmGzip - zlib.gzipSync(without(wasm, located.ranges), { level: 9 }).length;
    return {
      found: true,
      catalog: source,
      wasm: wasmPath,
      encoding: located.encoding,
      catalogBytes,
      wasmBytes: wasm.length,
      rawShare: catalogBytes / wasm.length,
      catalogGzipBytes: catalogGzip,
      wasmGzipBytes: wasmGzip,
      gzipShare: catalogGzip / wasmGzip,
      summary: `${kb(catalogBytes)} raw = ${pct(catalogBytes / wasm.length)} of the wasm; ~${kb(catalogGzip)} of its gzip = ${pct(catalogGzip / wasmGzip)} (${located.encoding})`,
    };
  }
  return { found: false, catalog: source, summary: `${source} not found in the wasm, neither as JSON nor as verbatim strings (compressed or transformed?)` };
}
