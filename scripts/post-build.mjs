#!/usr/bin/env node
// Finishes a Trunk build folder for static hosting. Trunk runs it as the
// post_build hook on $TRUNK_STAGING_DIR (see Trunk.toml); by hand it is
// `node scripts/post-build.mjs DIR`, and running it again on the same
// folder gives the same result. In order, it:
//
// 1. puts a strict Content-Security-Policy <meta> first in index.html's
//    <head>: no 'unsafe-inline', no 'unsafe-eval', scripts from 'self' or
//    by the sha256 of each inline script (index.html's first-paint script
//    and Trunk's module loader), styles only by the sha256 of each <style>
//    (the stylesheet Trunk inlines), hashed from the final text;
// 2. writes 404.html, a copy of that index.html, which static hosts answer
//    unknown paths with, so deep links boot the app;
// 3. writes patterns/SLUG.html for each pattern of the catalog the build
//    embedded (PATTERNS_CATALOG, as build.rs reads it, else catalog.json):
//    that index.html with the pattern's title, description and the top of
//    its page (up to its Problem section) in place of the home intro, so a
//    deep link paints the pattern's text before the WebAssembly arrives.
//    Hosts such as GitHub Pages, Netlify and Cloudflare Pages answer
//    /patterns/SLUG with it (status 200); others fall back to 404.html;
// 4. writes _headers (Netlify / Cloudflare Pages format) with the same
//    policy as a header, plus what a <meta> cannot carry (frame-ancestors),
//    and a year-long immutable Cache-Control for each file whose name
//    carries a hash of its content (the app's wasm and JavaScript, named
//    as below, and Trunk's icon);
// 5. writes sw.js, the service worker of scripts/service-worker.js preceded
//    by this build's list of files and a cache name versioned by their hash.
//
// Before all that, in a release build (TRUNK_PROFILE=release, as Trunk sets
// it for `trunk build --release`) it minifies the app's JavaScript glue with
// terser, which Trunk's own minifier (Trunk.toml) leaves as wasm-bindgen
// wrote it, and gives the names the wasm and the glue share short forms
// (see wasm-names.mjs); then it renames the wasm and the glue after a hash
// of their final bytes (see `nameAppByContent`).
//
// The site's base path comes from the <base href> Trunk writes from
// --public-url, so the same step serves "/" and "/patterns-forged/" builds.
// Trunk minifies index.html in release builds, which drops the quotes
// around plain attribute values and may reorder attributes, so the step
// reads and finds tags by attribute, quoted or not (`attributeOf`).
// Plain Node; terser (from node_modules) in release builds only.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { NamesError, shortenNames } from './wasm-names.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.dirname(HERE);
const SERVICE_WORKER_SOURCE = path.join(HERE, 'service-worker.js');

/** Files this step writes: never precached nor part of the build's hash. */
const GENERATED = new Set(['404.html', '_headers', 'sw.js']);
/** The folder of the pattern pages this step writes, which are not precached either. */
const PATTERN_PAGES = 'patterns';
/**
 * A build file whose name carries a hash of its content, so it never changes:
 * Trunk's "name-HASH.ext" (the hash in hex without leading zeros, so up to 16
 * digits) and the folders of wasm-bindgen's snippets.
 */
const CONTENT_HASHED = /-[0-9a-f]{8,16}(?:[._/]|$)/;
/** How long a browser may keep a content-hashed file without asking again: a year, the longest the HTTP spec advises. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The policy's directives, given the hashes of the inline scripts and <style> elements. */
function contentSecurityPolicy(scriptHashes, styleHashes) {
  return [
    "default-src 'none'",
    // The loader module, the wasm-bindgen glue it imports, and compiling the
    // wasm ('wasm-unsafe-eval' allows WebAssembly only, never eval).
    ['script-src', "'self'", "'wasm-unsafe-eval'", ...scriptHashes.map((h) => `'sha256-${h}'`)].join(' '),
    // The inlined stylesheet only: no style attributes, no other styles.
    ['style-src', ...(styleHashes.length > 0 ? styleHashes.map((h) => `'sha256-${h}'`) : ["'none'"])].join(' '),
    "img-src 'self'",
    // fetch() of the wasm, and the service worker's own fetches.
    "connect-src 'self'",
    "worker-src 'self'",
    "base-uri 'self'",
    // The search form's submit is handled in the app, never sent.
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');
}

/** Directives a <meta> policy ignores, so they only go in the header. */
const HEADER_ONLY_DIRECTIVES = ["frame-ancestors 'none'"];

class BuildError extends Error {}

async function main(argv) {
  const dir = argv[0] ?? process.env.TRUNK_STAGING_DIR;
  if (!dir) throw new BuildError('usage: node scripts/post-build.mjs DIR (or run as a Trunk hook, which sets TRUNK_STAGING_DIR)');
  const indexPath = path.join(dir, 'index.html');
  let html;
  try {
    html = readFileSync(indexPath, 'utf8');
  } catch (err) {
    throw new BuildError(`cannot read ${indexPath}: ${err.code ?? err.message}`);
  }

  const base = basePath(html);
  refuseInlineAttributes(html);
  if (process.env.TRUNK_PROFILE === 'release') {
    html = await minifyGlue(dir, html);
    html = shortenAppNames(dir, html);
  }
  html = nameAppByContent(dir, html);
  const policy = contentSecurityPolicy(inlineScripts(html).map(sha256Base64), inlineStyles(html).map(sha256Base64));
  html = withPolicyMeta(html, policy);
  writeFileSync(indexPath, html);
  writeFileSync(path.join(dir, '404.html'), html);
  const pages = writePatternPages(dir, html, readCatalog());

  const files = buildFiles(dir);
  const hashed = files.filter((file) => CONTENT_HASHED.test(file)).map((file) => urlOf(base, file));
  writeFileSync(path.join(dir, '_headers'), headersFile([policy, ...HEADER_ONLY_DIRECTIVES].join('; '), hashed));
  writeFileSync(path.join(dir, 'sw.js'), serviceWorker(dir, base, files));
  console.log(`post-build: ${dir}: policy in index.html, 404.html and _headers; ${pages} pattern pages; sw.js precaches ${files.length} files under ${base}`);
}

/** The catalog the build embedded, parsed (build.rs has validated it). */
function readCatalog() {
  const chosen = process.env.PATTERNS_CATALOG;
  const file = chosen ? path.resolve(ROOT, chosen) : path.join(ROOT, 'catalog.json');
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new BuildError(`cannot read the catalog ${file}: ${err.code ?? err.message}`);
  }
}

/**
 * Writes patterns/SLUG.html for every pattern (the folder emptied first, so
 * a pattern removed from the catalog loses its page); returns how many.
 */
function writePatternPages(dir, html, catalog) {
  const introStart = tagsOf(html, 'div').find((div) => attributeOf(div, 'id') === 'shell-intro');
  // The intro holds no <div> of its own, so it ends at the first </div> after its start.
  const intro = introStart && html.slice(html.indexOf(introStart)).match(/^[\s\S]*?<\/div\s*>/)?.[0];
  if (!intro) throw new BuildError('index.html has no <div class="intro" id="shell-intro">, which pattern pages replace');
  const description = tagsOf(html, 'meta').find((meta) => attributeOf(meta, 'name') === 'description');
  const pagesDir = path.join(dir, PATTERN_PAGES);
  rmSync(pagesDir, { recursive: true, force: true });
  mkdirSync(pagesDir);
  const categories = new Map(catalog.categories.map((c) => [c.slug, c.name]));
  for (const pattern of catalog.patterns) {
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(pattern.slug)) throw new BuildError(`pattern slug ${JSON.stringify(pattern.slug)} is not kebab-case`);
    // Replacements by function, so that a "$&" in a pattern's text stays as written.
    let page = html
      .replace(/<title>[^<]*<\/title>/, () => `<title>${escapeHtml(pattern.name)} · Patterns, forged</title>`)
      .replace(intro, () => patternTop(pattern, categories.get(pattern.category) ?? pattern.category));
    if (description) page = page.replace(description, () => `<meta name="description" content="${escapeHtml(pattern.summary)}" />`);
    writeFileSync(path.join(pagesDir, `${pattern.slug}.html`), page);
  }
  return catalog.patterns.length;
}

/**
 * The top of a pattern's page as the app renders it (src/markup/entry.rs, entry_top),
 * up to its Problem section: what a deep link shows first. Links are
 * relative to <base href>. tests/e2e/shell.test.mjs checks that the app
 * puts the same texts in the same places.
 */
function patternTop(pattern, categoryName) {
  const query = (name, value) => `./?${name}=${encodeURIComponent(value)}`;
  const tags = pattern.tags.map((tag) => `<li><a class="tag" href="${escapeHtml(query('tag', tag))}">#${escapeHtml(tag)}</a></li>`).join('');
  return [
    '<article class="pattern" aria-labelledby="pattern-title">',
    `<nav aria-label="Breadcrumb" class="breadcrumb"><a href="./">All patterns</a> / <a href="${escapeHtml(query('category', pattern.category))}">${escapeHtml(categoryName)}</a></nav>`,
    `<h1 id="pattern-title">${escapeHtml(pattern.name)}</h1>`,
    `<p class="lede">${escapeHtml(pattern.summary)}</p>`,
    `<ul class="tags" aria-label="Tags">${tags}</ul>`,
    `<section class="entry-section problem" aria-labelledby="problem-heading"><h2 id="problem-heading">Problem</h2><p>${escapeHtml(pattern.problem)}</p></section>`,
    '</article>',
  ].join('');
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

/** Every start tag `<name ...>` in `html`, as written. */
function tagsOf(html, name) {
  return html.match(new RegExp(`<${name}\\b[^>]*>`, 'gi')) ?? [];
}

/**
 * The value of attribute `name` (lower case) in the start tag `tag`, read
 * attribute by attribute as HTML does: quoted ("..." or '...') or bare, as a
 * minifier writes it; "" for an attribute without a value, undefined when
 * absent. Character references are left as written.
 */
function attributeOf(tag, name) {
  const attribute = /\s*([^\s"'<>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?|\s*\/?\s*>|\s+/y;
  attribute.lastIndex = tag.match(/^<[^\s/>]+/)[0].length;
  for (let match; attribute.lastIndex < tag.length && (match = attribute.exec(tag)); ) {
    if (match[1]?.toLowerCase() === name) return match[2] ?? match[3] ?? match[4] ?? '';
    if (match[0].endsWith('>')) break;
  }
  return undefined;
}

/** The <base href> Trunk wrote: an absolute path ending in "/". */
function basePath(html) {
  const base = tagsOf(html, 'base').map((tag) => attributeOf(tag, 'href')).find((href) => href !== undefined);
  if (base === undefined) throw new BuildError('index.html has no <base href="...">; is <base data-trunk-public-url /> still in index.html?');
  if (!/^\/([^/?#"\s]+\/)*$/.test(base)) {
    throw new BuildError(`<base href="${base}"> must be an absolute path that starts and ends with "/", such as "/" or "/patterns-forged/"`);
  }
  return base;
}

/** The policy allows no style or event-handler attribute: fail the build rather than ship a page it would break. */
function refuseInlineAttributes(html) {
  const found = html.match(/<[a-z][^>]*\sstyle\s*=|<[a-z][^>]*\son[a-z]+\s*=/i);
  if (found) throw new BuildError(`index.html has a style or event-handler attribute the policy would block: ${found[0]}`);
}

/**
 * The attributes and text of every `tag` element, its text exactly as a
 * browser hashes it (line breaks normalised to \n).
 */
function elementsOf(html, tag) {
  return [...html.matchAll(new RegExp(`<${tag}\\b([^>]*)>([\\s\\S]*?)<\\/${tag}\\s*>`, 'gi'))].map(([, attributes, text]) => ({
    attributes,
    text: text.replace(/\r\n?/g, '\n'),
  }));
}

/** The text of every <style>. */
function inlineStyles(html) {
  return elementsOf(html, 'style').map(({ text }) => text);
}

/** The text of every <script> without src. */
function inlineScripts(html) {
  return elementsOf(html, 'script')
    .filter(({ attributes }) => !/\bsrc\s*=/i.test(attributes))
    .map(({ text }) => text);
}

function sha256Base64(text) {
  return createHash('sha256').update(text, 'utf8').digest('base64');
}

/**
 * index.html with exactly one policy <meta>, first in <head> after <meta
 * charset>, so it covers every element after it. It goes on a line of its
 * own, and an earlier one goes with the line break before it, so that a
 * second run gives the same text, minified or not.
 */
function withPolicyMeta(html, policy) {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
  const withoutOld = tagsOf(html, 'meta')
    .filter((tag) => attributeOf(tag, 'http-equiv')?.toLowerCase() === 'content-security-policy')
    .reduce((text, tag) => text.replace(new RegExp(`(?:\\r?\\n[ \\t]*)?${escapeRegExp(tag)}`), ''), html);
  const charset = withoutOld.match(/<meta\s+charset[^>]*>/i);
  if (charset) {
    const at = charset.index + charset[0].length;
    return `${withoutOld.slice(0, at)}\n    ${meta}${withoutOld.slice(at)}`;
  }
  const head = withoutOld.match(/<head\b[^>]*>/i);
  if (!head) throw new BuildError('index.html has no <head>');
  const at = head.index + head[0].length;
  return `${withoutOld.slice(0, at)}\n    ${meta}${withoutOld.slice(at)}`;
}

function headersFile(policy, hashedUrls) {
  return [
    '# Response headers for hosts that read this file (Netlify, Cloudflare Pages).',
    '# Written by scripts/post-build.mjs: the policy of index.html\'s <meta>, plus frame-ancestors;',
    '# then the files whose names carry a hash of their content, which never change.',
    '/*',
    `  Content-Security-Policy: ${policy}`,
    '  X-Content-Type-Options: nosniff',
    ...hashedUrls.flatMap((url) => [url, `  Cache-Control: ${IMMUTABLE}`]),
    '',
  ].join('\n');
}

/** The app's wasm as Trunk names it: NAME-HASH_bg.wasm, beside its glue NAME-HASH.js. */
const APP_WASM = /^(.+)-([0-9a-f]{8,16})_bg\.wasm$/;

/**
 * Trunk names the app's wasm and glue after a hash of cargo's output, taken
 * before wasm-bindgen and wasm-opt run, so a build that changes only
 * wasm-opt's options (in index.html) keeps the names while the bytes change,
 * and a browser keeping content-hashed files (IMMUTABLE) would go on loading
 * the old wasm. This renames both after a hash of their final bytes, in the
 * folder and in index.html, and returns index.html's new text; when the
 * names already carry that hash, as on a second run, it changes nothing.
 */
function nameAppByContent(dir, html) {
  const wasms = readdirSync(dir).filter((file) => APP_WASM.test(file));
  if (wasms.length === 0) return html;
  if (wasms.length > 1) throw new BuildError(`more than one app wasm in ${dir}: ${wasms.join(', ')}`);
  const [, name, trunkHash] = wasms[0].match(APP_WASM);
  const before = `${name}-${trunkHash}`;
  const glue = `${before}.js`;
  if (!existsSync(path.join(dir, glue))) throw new BuildError(`${wasms[0]} has no glue ${glue} beside it in ${dir}`);
  if (!html.includes(`${before}_bg.wasm`) || !html.includes(glue)) {
    throw new BuildError(`index.html does not load ${wasms[0]} and ${glue}`);
  }
  const hash = createHash('sha256')
    .update(readFileSync(path.join(dir, wasms[0])))
    .update(readFileSync(path.join(dir, glue)))
    .digest('hex')
    .slice(0, 16);
  const after = `${name}-${hash}`;
  if (after === before) return html;
  renameSync(path.join(dir, `${before}_bg.wasm`), path.join(dir, `${after}_bg.wasm`));
  renameSync(path.join(dir, glue), path.join(dir, `${after}.js`));
  return html.replaceAll(before, after);
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Minifies the app's wasm-bindgen glue (NAME-HASH.js beside NAME-HASH_bg.wasm)
 * with terser, in place, and returns index.html with the glue's
 * subresource-integrity hash (on its modulepreload) made for the new bytes.
 * Top-level names are mangled but the module's exports and the property
 * names the wasm imports by are kept.
 */
async function minifyGlue(dir, html) {
  const wasm = readdirSync(dir).find((file) => APP_WASM.test(file));
  if (!wasm) return html;
  const glue = wasm.replace(/_bg\.wasm$/, '.js');
  const gluePath = path.join(dir, glue);
  let minify;
  try {
    ({ minify } = await import('terser'));
  } catch (err) {
    throw new BuildError(`cannot load terser, which minifies the glue in release builds: ${err.code ?? err.message}; run \`npm ci\` (scripts/build.sh does)`);
  }
  if (!existsSync(gluePath)) throw new BuildError(`${wasm} has no glue ${glue} beside it in ${dir}`);
  const source = readFileSync(gluePath, 'utf8');
  let code;
  try {
    ({ code } = await minify(source, { module: true, format: { comments: false } }));
  } catch (err) {
    throw new BuildError(`terser cannot minify ${glue}: ${err.message}`);
  }
  writeFileSync(gluePath, code);
  return withIntegrity(html, glue, Buffer.from(code, 'utf8'));
}

/**
 * Gives the app's wasm imports and hashed exports short names, in the wasm
 * and in its (minified) glue alike (see wasm-names.mjs), and returns
 * index.html with both files' subresource-integrity hashes made for the
 * new bytes.
 */
function shortenAppNames(dir, html) {
  const wasm = readdirSync(dir).find((file) => APP_WASM.test(file));
  if (!wasm) return html;
  const glue = wasm.replace(/_bg\.wasm$/, '.js');
  let result;
  try {
    result = shortenNames(readFileSync(path.join(dir, wasm)), readFileSync(path.join(dir, glue), 'utf8'));
  } catch (err) {
    if (err instanceof NamesError) throw new BuildError(`cannot shorten the names ${wasm} and ${glue} share: ${err.message}`);
    throw err;
  }
  writeFileSync(path.join(dir, wasm), result.wasm);
  writeFileSync(path.join(dir, glue), result.glue);
  return withIntegrity(withIntegrity(html, glue, Buffer.from(result.glue, 'utf8')), wasm, result.wasm);
}

/** `html` with the integrity hash of every link to `file` made for `bytes`. */
function withIntegrity(html, file, bytes) {
  const integrity = `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
  let found = 0;
  const updated = tagsOf(html, 'link').reduce((text, tag) => {
    const href = attributeOf(tag, 'href');
    const old = attributeOf(tag, 'integrity');
    if (!href?.endsWith(`/${file}`) || old === undefined) return text;
    found += 1;
    return text.replace(tag, () => tag.replace(old, integrity));
  }, html);
  if (found === 0 && /\sintegrity\s*=/i.test(html)) throw new BuildError(`index.html has integrity hashes but none on a link to ${file}`);
  return updated;
}

/** The URL path of the build file `file` under `base`; index.html is served at the base itself. */
function urlOf(base, file) {
  return file === 'index.html' ? base : base + file.split('/').map(encodeURIComponent).join('/');
}

/** Every file of the build (paths relative to `dir`, "/"-separated, sorted), minus those this step generates. */
function buildFiles(dir) {
  const files = [];
  const walk = (relative) => {
    for (const name of readdirSync(path.join(dir, relative))) {
      const rel = relative ? `${relative}/${name}` : name;
      if (rel === PATTERN_PAGES) continue;
      if (statSync(path.join(dir, rel)).isDirectory()) walk(rel);
      else if (!GENERATED.has(rel)) files.push(rel);
    }
  };
  walk('');
  return files.sort();
}

/** sw.js: this build's name, base and files, then the worker's code. */
function serviceWorker(dir, base, files) {
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(path.join(dir, file)));
    hash.update('\0');
  }
  const version = hash.digest('hex').slice(0, 16);
  // index.html is cached under the base URL itself, the address hosts serve
  // it at; the other files under their own URLs below the base.
  const urls = files.map((file) => urlOf(base, file));
  const build = { cache: `patterns-forged:${base}:${version}`, base, shell: base, files: urls };
  const source = readFileSync(SERVICE_WORKER_SOURCE, 'utf8');
  return `// Generated by scripts/post-build.mjs from scripts/service-worker.js.\nconst BUILD = ${JSON.stringify(build, null, 2)};\n\n${source}`;
}

try {
  await main(process.argv.slice(2));
} catch (err) {
  if (!(err instanceof BuildError) && !err.code) throw err;
  console.error(`post-build: error: ${err.message}`);
  process.exit(1);
}
