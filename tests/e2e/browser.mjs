// Launches Debian's Chromium through playwright-core (never a downloaded
// browser) and opens pages that record every console error, uncaught
// exception, failed request and Content-Security-Policy violation, so a test
// can assert there were none.
import { chromium } from 'playwright-core';

const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: FLAGS,
    headless: true,
  });
}

/** A new page in a fresh context; `page.problems` collects what went wrong. */
export async function openPage(browser, url, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') page.problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => page.problems.push(`uncaught: ${err.message}`));
  await recordPolicyViolations(page);
  // A request aborted by a navigation or reload is not a fault of the site.
  page.on('requestfailed', (req) => {
    if (req.failure()?.errorText !== 'net::ERR_ABORTED') page.problems.push(`request failed: ${req.url()}`);
  });
  if (url) await gotoApp(page, url);
  return page;
}

/**
 * Records every `securitypolicyviolation` event of the page's documents in
 * `page.problems`. The listener is an init script and the report a binding,
 * both installed through the DevTools protocol, which the page's policy
 * does not restrict, so they run before any of the page's own scripts.
 */
async function recordPolicyViolations(page) {
  await page.exposeFunction('__reportPolicyViolation', (text) => page.problems.push(`policy violation: ${text}`));
  await page.addInitScript(() => {
    window.addEventListener(
      'securitypolicyviolation',
      (event) => {
        const where = event.sourceFile ? ` at ${event.sourceFile}:${event.lineNumber}` : '';
        const sample = event.sample ? ` (${event.sample})` : '';
        window.__reportPolicyViolation(`${event.effectiveDirective} refused ${event.blockedURI || 'inline'}${where}${sample}`);
      },
      true,
    );
  });
}

/**
 * The heading of a page the app has rendered. index.html's static first
 * paint (`#shell`, which the app removes as it mounts) has a `main h1` of
 * its own on the home page, so a wait for the app must also see it gone.
 */
export const APP_HEADING = 'body:not(:has(#shell)) main h1';

/** Navigates and waits until the app has rendered its main content. */
export async function gotoApp(page, url) {
  await page.goto(url);
  await page.waitForSelector(APP_HEADING, { timeout: 30_000 });
}

/**
 * The problems a page recorded (console errors, uncaught exceptions, failed
 * requests, policy violations), minus the 404 status of deep-link loads
 * (expected on a static host).
 */
export function problemsOf(page) {
  return page.problems.filter((p) => !/Failed to load resource: the server responded with a status of 404/.test(p));
}

/**
 * Serves `dir` under `base` and launches Chromium once for a test file,
 * closing both after it; the returned object's `server` and `browser` are
 * set once the file's tests start.
 */
export function useSite(before, after, dir = process.env.E2E_DIST ?? 'dist', base = '/') {
  const site = { server: null, browser: null };
  before(async () => {
    const { serveStatic } = await import('./static-server.mjs');
    site.server = await serveStatic(dir, base);
    site.browser = await launch();
  });
  after(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}
