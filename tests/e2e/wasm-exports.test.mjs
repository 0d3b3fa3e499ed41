// End-to-end: what the release wasm exports. Leptos always brings in
// server_fn's browser code, and with it wasm-streams, whose three
// #[wasm_bindgen] classes (IntoUnderlyingSource, IntoUnderlyingSink,
// IntoUnderlyingByteSource) are exported, so nothing could drop their code.
// The app never makes a stream: index.html has wasm-opt remove those
// exports and the code only they reach (4 KB raw, 1.4 KB gzip). The glue
// still defines the three classes, but nothing constructs them.
//
// Checked here on the built files: no such export is left, and every
// export the rest of the glue calls is still there. (Every other
// end-to-end test runs the app itself.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

const DIST = process.env.E2E_DIST ?? 'dist';

/** The one file of DIST that `wanted` accepts. */
const only = (what, wanted) => {
  const files = readdirSync(DIST).filter(wanted);
  assert.equal(files.length, 1, `one ${what} in ${DIST}: ${files.join(' ')}`);
  return path.join(DIST, files[0]);
};
const wasmFile = only('wasm', (f) => f.endsWith('_bg.wasm'));
const glueFile = only('glue script', (f) => f.endsWith('.js') && f !== 'sw.js');

const exportNames = WebAssembly.Module.exports(new WebAssembly.Module(readFileSync(wasmFile))).map((e) => e.name);

/** The glue's top-level statements, each from a line that starts at column 0. */
function topLevelStatements(source) {
  return source.split(/\n(?=\S)/);
}

const isStreamClass = (statement) => /^(export class |const )IntoUnderlying/.test(statement);

test('the wasm exports none of the stream classes', () => {
  const streamExports = exportNames.filter((name) => /intounderlying/i.test(name));
  assert.deepEqual(streamExports, [], 'wasm-opt should have removed them (index.html, data-wasm-opt-params)');
});

test('every export the glue calls, outside the unused stream classes, is there', () => {
  const statements = topLevelStatements(readFileSync(glueFile, 'utf8'));
  const streamClasses = statements.filter(isStreamClass);
  assert.equal(streamClasses.length, 6, 'the glue defines three stream classes and their three finalizers');
  const constructing = statements.filter((s) => !isStreamClass(s) && /new IntoUnderlying|IntoUnderlying\w*\.__wrap/.test(s));
  assert.deepEqual(constructing, [], 'nothing in the glue makes a stream object');
  const called = new Set(
    statements
      .filter((s) => !isStreamClass(s))
      .flatMap((s) => [...s.matchAll(/\bwasm\.([A-Za-z_$][\w$]*)/g)].map((m) => m[1])),
  );
  assert.ok(called.has('main') || called.has('__wbindgen_start'), `the glue starts the app: ${[...called].join(' ')}`);
  const missing = [...called].filter((name) => !exportNames.includes(name));
  assert.deepEqual(missing, [], `exports the glue calls but the wasm lacks (exports: ${exportNames.join(' ')})`);
});
