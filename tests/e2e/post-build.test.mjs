// The post-build step (scripts/post-build.mjs) on copies of the release
// build and on broken folders: what it writes, that running it again changes
// nothing, that the cache name follows the files' content, that it reads a
// minified page and minifies the glue of a release build, and that bad
// input stops it with a message, never a stack trace.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { tmpdir } from 'node:os';
import path from 'node:path';

const DIST = process.env.E2E_DIST ?? 'dist';
const SCRIPT = path.resolve('scripts/post-build.mjs');

const scratch = [];
after(async () => {
  for (const dir of scratch) await rm(dir, { recursive: true, force: true });
});

async function copyOf(dir) {
  const copy = await mkdtemp(path.join(tmpdir(), 'patterns-forged-post-build-'));
  scratch.push(copy);
  if (dir) await cp(dir, copy, { recursive: true });
  return copy;
}

/** Runs the step; resolves to its exit code, stdout and stderr. */
async function postBuild(args, env = {}) {
  const environment = { ...process.env, ...env };
  if (!('TRUNK_STAGING_DIR' in env)) delete environment.TRUNK_STAGING_DIR;
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [SCRIPT, ...args], { env: environment });
    return { code: 0, stdout, stderr };
  } catch (err) {
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

async function filesOf(dir) {
  const files = {};
  for (const name of (await readdir(dir, { recursive: true })).sort()) {
    files[name] = await readFile(path.join(dir, name)).catch(() => 'folder');
  }
  return files;
}

const buildOf = async (dir) => JSON.parse((await readFile(path.join(dir, 'sw.js'), 'utf8')).match(/^const BUILD = (\{[\s\S]*?\n\});$/m)[1]);

test('the built folder is already finished: running the step again changes no file', async () => {
  const copy = await copyOf(DIST);
  const before = await filesOf(copy);
  for (const generated of ['index.html', '404.html', '_headers', 'sw.js']) assert.ok(before[generated], `${generated} was built`);
  const run = await postBuild([copy]);
  assert.equal(run.code, 0, run.stderr);
  assert.deepEqual(await filesOf(copy), before);
});

test("the app's wasm and glue are named after a hash of their final bytes, whatever name Trunk gave them", async () => {
  const appName = (files) => {
    const wasm = files.filter((f) => f.endsWith('_bg.wasm'));
    assert.equal(wasm.length, 1, `one app wasm: ${files.join(' ')}`);
    return wasm[0].slice(0, -'_bg.wasm'.length);
  };
  const contentName = async (dir, name) => {
    const hash = createHash('sha256')
      .update(await readFile(path.join(dir, `${name}_bg.wasm`)))
      .update(await readFile(path.join(dir, `${name}.js`)))
      .digest('hex');
    return `${name.replace(/-[0-9a-f]+$/, '')}-${hash.slice(0, 16)}`;
  };
  const built = appName(await readdir(DIST));
  assert.equal(built, await contentName(DIST, built), 'the build is named by its content');

  // As Trunk names a build whose wasm-opt options alone changed: its earlier name.
  const copy = await copyOf(DIST);
  const earlier = built.replace(/-[0-9a-f]+$/, '-0123456789abcdef');
  for (const suffix of ['_bg.wasm', '.js']) await rename(path.join(copy, built + suffix), path.join(copy, earlier + suffix));
  const index = path.join(copy, 'index.html');
  await writeFile(index, (await readFile(index, 'utf8')).replaceAll(built, earlier));
  const run = await postBuild([copy]);
  assert.equal(run.code, 0, run.stderr);
  assert.equal(appName(await readdir(copy)), built);
  for (const file of ['index.html', '404.html', 'sw.js', '_headers', 'patterns/saga.html']) {
    const text = await readFile(path.join(copy, file), 'utf8');
    assert.ok(text.includes(`${built}_bg.wasm`), `${file} names the renamed wasm`);
    assert.ok(!text.includes(earlier), `${file} no longer names ${earlier}`);
  }
});

test('sw.js lists every file Trunk wrote under the base path, and none the step writes', async () => {
  const copy = await copyOf(DIST);
  await mkdir(path.join(copy, 'snippets', 'a crate'), { recursive: true });
  await writeFile(path.join(copy, 'snippets', 'a crate', 'inline0.js'), 'export const x = 1;\n');
  assert.equal((await postBuild([copy])).code, 0);
  const base = (await readFile(path.join(copy, 'index.html'), 'utf8')).match(/<base href="?([^"\s>]*)"?/)[1];
  const relative = (entry) => path.relative(copy, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
  const written = (await readdir(copy, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile() && !['404.html', '_headers', 'sw.js'].includes(entry.name))
    .map(relative)
    .filter((file) => !file.startsWith('patterns/'));
  const expected = written.map((file) => (file === 'index.html' ? base : base + file.split('/').map(encodeURIComponent).join('/')));
  const build = await buildOf(copy);
  assert.deepEqual([...build.files].sort(), expected.sort());
  assert.ok(build.files.includes(`${base}snippets/a%20crate/inline0.js`));
  // The pattern pages the step writes are not precached: offline, index.html boots any page.
  assert.ok((await readdir(path.join(copy, 'patterns'))).includes('saga.html'));
  assert.ok(!build.files.some((url) => url.startsWith(`${base}patterns/`)), build.files.join(' '));
  assert.equal(build.shell, base);
  assert.match(build.cache, new RegExp(`^patterns-forged:${base}:[0-9a-f]{16}$`));
});

test("the cache name changes with any file's content, and only then", async () => {
  const copy = await copyOf(DIST);
  const first = (await buildOf(copy)).cache;
  assert.equal((await postBuild([copy])).code, 0);
  assert.equal((await buildOf(copy)).cache, first, 'same files, same name');
  const favicon = (await readdir(copy)).find((name) => name.startsWith('favicon-'));
  await writeFile(path.join(copy, favicon), (await readFile(path.join(copy, favicon), 'utf8')).replace('</svg>', '<!-- changed --></svg>'));
  assert.equal((await postBuild([copy])).code, 0);
  assert.notEqual((await buildOf(copy)).cache, first, 'a changed file, a new name');
});

test('as a Trunk hook it works on $TRUNK_STAGING_DIR', async () => {
  const copy = await copyOf(DIST);
  await rm(path.join(copy, 'sw.js'));
  const run = await postBuild([], { TRUNK_STAGING_DIR: copy });
  assert.equal(run.code, 0, run.stderr);
  assert.ok((await readdir(copy)).includes('sw.js'));
});

/** A page with a base and the home intro, as index.html has. */
const withIntro = '<!DOCTYPE html><html><head><meta charset="utf-8" /><base href="/" /><title>Patterns, forged</title><meta name="description" content="home" /></head><body><main><div class="intro" id="shell-intro"><h1>Home</h1></div></main></body></html>';

/** A catalog of one pattern, enough for the pattern pages (the step reads what build.rs validated). */
function catalogOf(fields) {
  const pattern = { slug: 'x', name: 'X', category: 'c', tags: ['t'], summary: 'S', problem: 'P', ...fields };
  return { categories: [{ slug: 'c', name: 'C' }], patterns: [pattern] };
}

test("a pattern page carries the pattern's texts escaped, exactly as written", async () => {
  const dir = await copyOf(null);
  await writeFile(path.join(dir, 'index.html'), withIntro);
  const catalog = catalogOf({ name: '<b>$& "one"</b>', tags: ['a&b', 'q?x=1'], summary: 'Costs $1 & <i>more</i>', problem: "It's <script>alert(1)</script>" });
  await writeFile(path.join(dir, 'catalog.json'), JSON.stringify(catalog));
  const run = await postBuild([dir], { PATTERNS_CATALOG: path.join(dir, 'catalog.json') });
  assert.equal(run.code, 0, run.stderr);
  const html = await readFile(path.join(dir, 'patterns', 'x.html'), 'utf8');
  assert.match(html, /<title>&lt;b&gt;\$&amp; &quot;one&quot;&lt;\/b&gt; · Patterns, forged<\/title>/);
  assert.match(html, /<meta name="description" content="Costs \$1 &amp; &lt;i&gt;more&lt;\/i&gt;"/);
  assert.match(html, /<h1 id="pattern-title">&lt;b&gt;\$&amp; &quot;one&quot;&lt;\/b&gt;<\/h1>/);
  assert.match(html, /<p>It&#39;s &lt;script&gt;alert\(1\)&lt;\/script&gt;<\/p>/);
  assert.match(html, /<a class="tag" href="\.\/\?tag=a%26b">#a&amp;b<\/a>/);
  assert.match(html, /<a class="tag" href="\.\/\?tag=q%3Fx%3D1">#q\?x=1<\/a>/);
  assert.doesNotMatch(html, /shell-intro|<h1>Home/, 'the home intro is replaced');
  assert.doesNotMatch(html, /<script|<i>|<b>/, 'no markup from the catalog');
});

test('every subresource-integrity hash in the built index.html is that of the file it names', async () => {
  const html = await readFile(path.join(DIST, 'index.html'), 'utf8');
  const links = [...html.matchAll(/<link\b[^>]*>/g)].map(([tag]) => tag).filter((tag) => /\sintegrity=/.test(tag));
  assert.ok(links.length >= 3, `the icon, glue and wasm carry a hash: ${links.join(' ')}`);
  for (const tag of links) {
    const href = tag.match(/\shref="?([^"\s>]+)/)[1];
    const integrity = tag.match(/\sintegrity="?([^"\s>]+)/)[1];
    const bytes = await readFile(path.join(DIST, href.replace(/^\//, '')));
    assert.equal(integrity, `sha384-${createHash('sha384').update(bytes).digest('base64')}`, href);
  }
});

test("the policy allows each <style> by its hash and no other style; with none, styles are 'none'", async () => {
  const styleSourcesOf = async (html) => {
    const dir = await copyOf(null);
    await writeFile(path.join(dir, 'index.html'), html);
    assert.equal((await postBuild([dir])).code, 0);
    const index = await readFile(path.join(dir, 'index.html'), 'utf8');
    return index.match(/content="([^"]*)"/)[1].split('; ').find((d) => d.startsWith('style-src '));
  };
  const hash = createHash('sha256').update('body{color:red}').digest('base64');
  assert.equal(await styleSourcesOf(withIntro.replace('</head>', '<style>body{color:red}</style></head>')), `style-src 'sha256-${hash}'`);
  assert.equal(await styleSourcesOf(withIntro), "style-src 'none'");
});

test('a minified page (bare attribute values, in another order) gets its base, policy and pattern pages', async () => {
  const dir = await copyOf(null);
  const minified = '<!doctype html><html lang=en><meta charset=utf-8><base href=/p/><title>Patterns, forged</title><meta content="home page" name=description><div class=intro id=shell-intro><h1>Home</h1></div><div id=after>kept</div>';
  await writeFile(path.join(dir, 'index.html'), minified);
  await writeFile(path.join(dir, 'catalog.json'), JSON.stringify(catalogOf({ summary: 'About X' })));
  const run = await postBuild([dir], { PATTERNS_CATALOG: path.join(dir, 'catalog.json') });
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /under \/p\//, 'the base read from <base href=/p/>');
  const index = await readFile(path.join(dir, 'index.html'), 'utf8');
  assert.match(index, /^<!doctype html><html lang=en><meta charset=utf-8>\n\s*<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
  const html = await readFile(path.join(dir, 'patterns', 'x.html'), 'utf8');
  assert.match(html, /<meta name="description" content="About X" \/>/);
  assert.doesNotMatch(html, /home page|shell-intro|<h1>Home/, 'the description and intro are replaced');
  assert.match(html, /<h1 id="pattern-title">X<\/h1>[\s\S]*<\/article><div id=after>kept<\/div>/, 'only the intro is replaced');
});

test('a first run finishes the folder: a second changes nothing, minified page or not', async () => {
  const minified = '<!doctype html><html lang=en><meta charset=utf-8><base href=/><title>P</title><div class=intro id=shell-intro><h1>Home</h1></div>';
  const readable = withIntro.replace('<base href="/" />', '\n    <base href="/" />\n    ');
  for (const page of [minified, readable]) {
    const dir = await copyOf(null);
    await writeFile(path.join(dir, 'index.html'), page);
    await writeFile(path.join(dir, 'catalog.json'), JSON.stringify(catalogOf({})));
    const env = { PATTERNS_CATALOG: path.join(dir, 'catalog.json') };
    assert.equal((await postBuild([dir], env)).code, 0);
    const once = await filesOf(dir);
    assert.equal((await postBuild([dir], env)).code, 0);
    assert.deepEqual(await filesOf(dir), once, page);
  }
});

/** A wasm name: its length, then its bytes. */
const wasmName = (text) => [text.length, ...Buffer.from(text)];
/** A section: its id, its size, then `body`. */
const section = (id, body) => [id, body.length, ...body];

/**
 * A small real module, shaped as wasm-bindgen's output: it imports `log`
 * under a hashed name from its glue and exports `run`, a hashed symbol,
 * which calls it with 7.
 */
function tinyWasm() {
  return Buffer.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [2, 0x60, 1, 0x7f, 0, 0x60, 0, 0]),
    ...section(2, [1, ...wasmName('./app_bg.js'), ...wasmName('__wbg_log_0123456789abcdef'), 0, 0]),
    ...section(3, [1, 1]),
    ...section(7, [1, ...wasmName('run__h0123456789abcdef'), 0, 1]),
    ...section(10, [1, 6, 0, 0x41, 7, 0x10, 0, 0x0b]),
  ]);
}

test("in a release build the glue is minified and the names it shares with the wasm shortened; both still work, with their integrity hashes the new bytes'", async () => {
  const dir = await copyOf(null);
  const glue = [
    '/** The glue, as wasm-bindgen writes it: comments and long names. */',
    'export function addNumbers(firstNumber, secondNumber) {',
    '  // Add them.',
    '  const totalOfBoth = firstNumber + secondNumber;',
    '  return totalOfBoth;',
    '}',
    'export function imports(logged) {',
    "  return { './app_bg.js': { __wbg_log_0123456789abcdef: (n) => logged.push(n) } };",
    '}',
    'export function run(wasm) { wasm.run__h0123456789abcdef(); }',
    'export default function init() { return addNumbers(1, 2); }',
    '',
  ].join('\n');
  const wasm = tinyWasm();
  const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
  await writeFile(path.join(dir, 'app-0123456789abcdef.js'), glue);
  await writeFile(path.join(dir, 'app-0123456789abcdef_bg.wasm'), wasm);
  const links = `<link rel=modulepreload href=/app-0123456789abcdef.js crossorigin integrity=${sri(glue)}><link rel="preload" href="/app-0123456789abcdef_bg.wasm" integrity="${sri(wasm)}" as="fetch">`;
  await writeFile(path.join(dir, 'index.html'), withIntro.replace('</head>', `${links}</head>`));

  const debug = await copyOf(dir);
  assert.equal((await postBuild([debug])).code, 0);
  const [debugGlue] = (await readdir(debug)).filter((file) => file.endsWith('.js') && file !== 'sw.js');
  assert.equal(await readFile(path.join(debug, debugGlue), 'utf8'), glue, 'without TRUNK_PROFILE=release the glue is left as it is');
  const [debugWasm] = (await readdir(debug)).filter((file) => file.endsWith('.wasm'));
  assert.deepEqual(await readFile(path.join(debug, debugWasm)), wasm, 'and so is the wasm');

  const run = await postBuild([dir], { TRUNK_PROFILE: 'release' });
  assert.equal(run.code, 0, run.stderr);
  const [minifiedName] = (await readdir(dir)).filter((file) => file.endsWith('.js') && file !== 'sw.js');
  const minified = await readFile(path.join(dir, minifiedName), 'utf8');
  assert.ok(minified.length < glue.length / 2, minified);
  assert.doesNotMatch(minified, /Add them|The glue|totalOfBoth|0123456789abcdef/);
  const module = await import(`data:text/javascript,${encodeURIComponent(minified)}`);
  assert.equal(module.addNumbers(2, 3), 5, 'exports keep their names');
  assert.equal(module.default(), 3);

  const [shortName] = (await readdir(dir)).filter((file) => file.endsWith('.wasm'));
  const shortened = await readFile(path.join(dir, shortName));
  const compiled = new WebAssembly.Module(shortened);
  assert.deepEqual(WebAssembly.Module.imports(compiled), [{ module: './app_bg.js', name: '$0', kind: 'function' }]);
  assert.deepEqual(WebAssembly.Module.exports(compiled), [{ name: '$1', kind: 'function' }]);
  const logged = [];
  const instance = new WebAssembly.Instance(compiled, module.imports(logged));
  module.run(instance.exports);
  assert.deepEqual(logged, [7], 'the glue provides what the wasm imports and calls what it exports');

  const index = await readFile(path.join(dir, 'index.html'), 'utf8');
  assert.ok(index.includes(`href=/${minifiedName} crossorigin integrity=${sri(minified)}>`), index);
  assert.ok(index.includes(`integrity="${sri(shortened)}"`), "the wasm's hash is that of its new bytes");
});

test('a release build whose glue does not name what the wasm imports stops with a message', async () => {
  const dir = await copyOf(null);
  await writeFile(path.join(dir, 'app-0123456789abcdef.js'), 'export const nothing = 1;\n');
  await writeFile(path.join(dir, 'app-0123456789abcdef_bg.wasm'), tinyWasm());
  await writeFile(path.join(dir, 'index.html'), withIntro);
  const run = await postBuild([dir], { TRUNK_PROFILE: 'release' });
  assert.equal(run.code, 1);
  assert.match(run.stderr, /^post-build: error: cannot shorten the names .* share: the glue never names __wbg_log_0123456789abcdef\n$/);
});

test('bad input stops the step with a message, never a stack trace', async () => {
  const page = (head) => `<!DOCTYPE html><html><head><meta charset="utf-8" />${head}</head><body></body></html>`;
  const cases = [
    { name: 'no folder', setup: null, args: [], message: /usage: node scripts\/post-build\.mjs DIR/ },
    { name: 'a missing folder', setup: null, args: ['/nonexistent/patterns-forged'], message: /cannot read .*index\.html: ENOENT/ },
    { name: 'no <base href>', html: page(''), message: /no <base href/ },
    { name: 'a full URL as base', html: page('<base href="https://cdn.example/app/" />'), message: /must be an absolute path/ },
    { name: 'a base without its final slash', html: page('<base href="/patterns-forged" />'), message: /must be an absolute path/ },
    { name: 'a style attribute', html: page('<base href="/" /><link rel="icon" style="x" />'), message: /style or event-handler attribute/ },
    { name: 'an event handler attribute', html: page('<base href="/" /><link rel="stylesheet" href="a.css" onload="x()" />'), message: /event-handler/ },
    { name: 'no intro for pattern pages to replace', html: page('<base href="/" />'), message: /no <div class="intro" id="shell-intro">/ },
    { name: 'a missing catalog', html: withIntro, env: { PATTERNS_CATALOG: '/nonexistent/catalog.json' }, message: /cannot read the catalog .*ENOENT/ },
    { name: 'a slug that is no file name', html: withIntro, catalog: catalogOf({ slug: '../x' }), message: /pattern slug "\.\.\/x" is not kebab-case/ },
    {
      name: 'glue terser cannot parse, in a release build',
      html: withIntro,
      files: { 'app-0123456789abcdef.js': 'export function (', 'app-0123456789abcdef_bg.wasm': '' },
      env: { TRUNK_PROFILE: 'release' },
      message: /terser cannot minify app-0123456789abcdef\.js: /,
    },
  ];
  for (const { name, html, args, message, env = {}, catalog, files = {} } of cases) {
    let runArgs = args;
    let runEnv = env;
    if (html !== undefined) {
      const dir = await copyOf(null);
      await writeFile(path.join(dir, 'index.html'), html);
      for (const [file, text] of Object.entries(files)) await writeFile(path.join(dir, file), text);
      runArgs = [dir];
      if (catalog) {
        await writeFile(path.join(dir, 'catalog.json'), JSON.stringify(catalog));
        runEnv = { ...env, PATTERNS_CATALOG: path.join(dir, 'catalog.json') };
      }
    }
    const run = await postBuild(runArgs, runEnv);
    assert.equal(run.code, 1, `${name}: exit code`);
    assert.match(run.stderr, /^post-build: error: /, `${name}: ${run.stderr}`);
    assert.match(run.stderr, message, name);
    assert.doesNotMatch(run.stderr, /\n\s+at /, `${name}: no stack trace`);
  }
});
