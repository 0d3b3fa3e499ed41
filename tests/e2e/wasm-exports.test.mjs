// End-to-end: what the release wasm exports. Leptos always brings in
// server_fn's browser code, and with it wasm-streams, whose three
// #[wasm_bindgen] classes (IntoUnderlyingSource, IntoUnderlyingSink,
// IntoUnderlyingByteSource) are exported, so nothing could drop their code.
// The app never makes a stream: index.html has wasm-opt remove those
// exports and the code only they reach (4 KB raw, 1.4 KB gzip). The glue
// still defines the three classes, but nothing constructs them.
//
// Checked here on the built files: no such export is left, every export
// the rest of the glue calls is still there, and the names the wasm and
// the glue share are the short ones scripts/wasm-names.mjs gives them. The release glue is
// minified (scripts/post-build.mjs), so it is read as a syntax tree
// (acorn), not as lines. (Every other end-to-end test runs the app itself.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'acorn';

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
const glue = parse(readFileSync(glueFile, 'utf8'), { ecmaVersion: 'latest', sourceType: 'module' });

/** Calls `visit(node, ancestors)` for every node of the tree under `node`. */
function walk(node, visit, ancestors = []) {
  visit(node, ancestors);
  for (const value of Object.values(node)) {
    for (const child of Array.isArray(value) ? value : [value]) {
      if (child && typeof child.type === 'string') walk(child, visit, [...ancestors, node]);
    }
  }
}

/** Every node of the glue that `wanted` accepts, each with its ancestors. */
function nodesWhere(wanted) {
  const found = [];
  walk(glue, (node, ancestors) => wanted(node) && found.push({ node, ancestors }));
  return found;
}

const isStreamName = (name) => /intounderlying/i.test(name);
/** The glue's variable holding the wasm's exports: the `x` of `x = instance.exports`. */
const wasmNames = new Set(
  nodesWhere((n) => n.type === 'AssignmentExpression' && n.left.type === 'Identifier' && n.right.type === 'MemberExpression' && n.right.property.name === 'exports').map(
    ({ node }) => node.left.name,
  ),
);
/** Every `wasm.NAME` of the glue, each with its ancestors. */
const wasmCalls = nodesWhere((n) => n.type === 'MemberExpression' && n.object.type === 'Identifier' && wasmNames.has(n.object.name) && !n.computed);
const streamClasses = nodesWhere((n) => n.type === 'ClassDeclaration' && isStreamName(n.id?.name ?? ''));
/** The finalizers: the top-level variables whose initial value frees a stream object. */
const streamFinalizers = nodesWhere(
  (n) => n.type === 'VariableDeclarator' && wasmCalls.some(({ node, ancestors }) => ancestors.includes(n) && isStreamName(node.property.name)),
).filter(({ ancestors }) => ancestors.length === 2);
const streamCode = new Set([...streamClasses, ...streamFinalizers].map(({ node }) => node));
const outsideStreamCode = ({ ancestors }) => !ancestors.some((a) => streamCode.has(a));

test('the wasm exports none of the stream classes', () => {
  const streamExports = exportNames.filter(isStreamName);
  assert.deepEqual(streamExports, [], 'wasm-opt should have removed them (index.html, data-wasm-opt-params)');
});

test('every export the glue calls, outside the unused stream classes, is there', () => {
  assert.equal(wasmNames.size, 1, `one variable holds the wasm's exports: ${[...wasmNames].join(' ')}`);
  assert.equal(streamClasses.length, 3, 'the glue defines three stream classes');
  assert.equal(streamFinalizers.length, 3, 'and their three finalizers');
  const classNames = new Set(streamClasses.map(({ node }) => node.id.name));
  const constructing = nodesWhere(
    (n) =>
      (n.type === 'NewExpression' && classNames.has(n.callee.name)) ||
      (n.type === 'MemberExpression' && classNames.has(n.object.name) && n.property.name === '__wrap'),
  ).filter(outsideStreamCode);
  assert.deepEqual(constructing, [], 'nothing in the glue makes a stream object');
  const called = new Set(wasmCalls.filter(outsideStreamCode).map(({ node }) => node.property.name));
  assert.ok(called.has('__wbindgen_start') || called.has('main'), `the glue starts the app: ${[...called].join(' ')}`);
  assert.ok(!wasmCalls.filter(outsideStreamCode).some(({ node }) => isStreamName(node.property.name)), 'only stream code calls stream exports');
  const missing = [...called].filter((name) => !exportNames.includes(name));
  assert.deepEqual(missing, [], `exports the glue calls but the wasm lacks (exports: ${exportNames.join(' ')})`);
});

test('the names the wasm shares with its glue are short: every import, and the closure entry points', () => {
  const module = new WebAssembly.Module(readFileSync(wasmFile));
  const imports = WebAssembly.Module.imports(module);
  assert.ok(imports.length > 50, `the wasm imports what it calls in the browser: ${imports.length}`);
  const long = imports.map((i) => i.name).filter((name) => !/^\$[0-9a-z]+$/.test(name));
  assert.deepEqual(long, [], 'imports keep no long, hashed name');
  const hashed = exportNames.filter((name) => /__h[0-9a-f]{16}$/.test(name));
  assert.deepEqual(hashed, [], 'no export is named after a hashed symbol');
});
