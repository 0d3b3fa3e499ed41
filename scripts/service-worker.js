// The service worker that makes the site work offline after a first visit.
// scripts/post-build.mjs writes it into the build as sw.js, preceded by
//   const BUILD = { cache, base, shell, files };
// the cache name (versioned by a hash of the build's files), the base path
// the site lives under, the URL index.html is cached under, and the URL of
// every file of the build. The app registers it from <base href>, so its
// scope is the whole site and nothing outside it.
//
// Strategy, and why:
// - install: fetch every file of this release, revalidated with the host
//   (the HTTP cache may still hold the previous index.html; an unchanged
//   file costs a 304 where the host sends validators), and store them only
//   once all have arrived: a cache holds one whole release or nothing, so
//   the worker never serves one release's HTML with another's assets. Then
//   skip waiting: the app loads every asset at start-up and fetches nothing
//   later, so an open page of the old release loses nothing when its cache
//   goes, and the new release is what works offline as soon as it is cached,
//   not once every tab of the old one has closed.
// - activate: delete this app's caches of other releases (same base path
//   only: another copy of the app on the same origin keeps its own), and
//   take control of open pages.
// - navigations, network first: online, the host's answer is the newest
//   release (and, with hashed asset names, it can only load its own assets),
//   so a new release shows on the very next visit; offline (the fetch
//   fails), the cached index.html, whatever the path, so a deep link such as
//   patterns/saga?step=3 boots the app, which routes it. A host's error
//   answer (such as the 404 status that comes with 404.html) is passed on.
// - the build's other files, cache first: their names carry a hash of their
//   content, so a cached copy is never stale. A file missing from the cache
//   (another release's asset) goes to the network and is not stored, so the
//   cache stays exactly one release.
// - anything else (other origins, other paths, non-GET): not touched.
/* global BUILD */

const CACHE_PREFIX = `patterns-forged:${BUILD.base}:`;
const PRECACHED = new Set(BUILD.files.map((file) => new URL(file, self.location.origin).href));

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(deleteOtherReleases().then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(networkFirst(request));
  } else if (PRECACHED.has(url.origin + url.pathname)) {
    event.respondWith(cacheFirst(request));
  }
});

async function precache() {
  const responses = await Promise.all(
    BUILD.files.map(async (url) => {
      const response = await fetch(url, { cache: 'no-cache' });
      if (!response.ok) throw new Error(`precache: ${url} answered ${response.status}`);
      return [url, await storable(response)];
    }),
  );
  const cache = await caches.open(BUILD.cache);
  try {
    await Promise.all(responses.map(([url, response]) => cache.put(url, response)));
  } catch (err) {
    await caches.delete(BUILD.cache);
    throw err;
  }
}

/**
 * A response that can answer a navigation: a host may reach a file through a
 * redirect (say /index.html to /), and a browser refuses a redirected
 * response to a navigation, so such a response is copied into a plain one.
 */
async function storable(response) {
  if (!response.redirected) return response;
  return new Response(await response.blob(), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

async function deleteOtherReleases() {
  const names = await caches.keys();
  await Promise.all(names.filter((name) => name.startsWith(CACHE_PREFIX) && name !== BUILD.cache).map((name) => caches.delete(name)));
}

// Both read through caches.match with a cache name, never caches.open: an
// older release's worker still answering a page's requests would otherwise
// recreate, empty, the cache the new release's worker has just deleted.
async function networkFirst(request) {
  try {
    return await fetch(request);
  } catch {
    return (await caches.match(BUILD.shell, { cacheName: BUILD.cache })) ?? Response.error();
  }
}

async function cacheFirst(request) {
  return (await caches.match(request, { cacheName: BUILD.cache })) ?? fetch(request);
}
