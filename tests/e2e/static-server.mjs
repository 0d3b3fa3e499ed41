// A static file server on loopback that behaves like a plain static host
// (GitHub Pages, Netlify, Cloudflare Pages): files by path under a base
// path, `/x` answered with `x.html` when there is no file `x` (how such
// hosts serve the build's pattern pages, patterns/SLUG.html), and 404.html
// with status 404 for anything else, which is how the app's other deep
// links survive a reload.
import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves `root` under `base` (e.g. "/" or "/patterns-forged/") on a free
 * loopback port. `headers` are added to every answer, e.g. the COOP and COEP
 * headers that make a page cross-origin isolated (the search benchmark's
 * precise timers); none by default.
 */
export async function serveStatic(root, base = '/', { headers = {} } = {}) {
  const resolvedRoot = path.resolve(root);
  const server = http.createServer(async (req, res) => {
    // Prefix the origin rather than resolving against it: a request for
    // `//x` is a path on this host, not a link to the host `x`.
    let url;
    try {
      url = new URL(`http://127.0.0.1${req.url}`);
    } catch {
      res.writeHead(400, { ...headers, 'content-type': 'text/plain' });
      res.end('bad request');
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      pathname = url.pathname;
    }
    let file = null;
    if (pathname.startsWith(base) || pathname + '/' === base) {
      const rel = pathname.slice(base.length);
      const candidate = path.resolve(resolvedRoot, rel === '' ? 'index.html' : rel);
      if (candidate.startsWith(resolvedRoot)) {
        file = await existingFile(candidate);
        if (!file && rel !== '' && !rel.endsWith('/')) file = await existingFile(`${candidate}.html`);
      }
    }
    const status = file ? 200 : 404;
    file ??= path.join(resolvedRoot, '404.html');
    try {
      const body = await fs.readFile(file);
      res.writeHead(status, { ...headers, 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, { ...headers, 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    url: (p = '') => `http://127.0.0.1:${port}${base}${p.replace(/^\//, '')}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** `candidate`, or its index.html when it is a folder, if that file exists; else null. */
async function existingFile(candidate) {
  try {
    const stat = await fs.stat(candidate);
    const file = stat.isDirectory() ? path.join(candidate, 'index.html') : candidate;
    await fs.access(file);
    return file;
  } catch {
    return null;
  }
}
