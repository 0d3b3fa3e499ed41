// Counts the app's own timers, to catch ones left running after a page is
// left: an init script wraps setTimeout, setInterval, requestAnimationFrame
// and their cancel functions in the page's main world. A timer counts as the
// app's only when the code that asked for it was loaded from the site's
// origin (the wasm bundle's JavaScript glue, or the wasm itself); a test's
// page.evaluate and Playwright's own scripts are not.

/** Installs the tracker in every document `page` loads from now on. */
export async function trackAppTimers(page) {
  await page.addInitScript(installTracker);
}

/**
 * Lets the last action finish (its frame painted, and the work the app posts
 * after a paint run: src/ui/after_paint.rs), then waits `quietMs` with no
 * input and reports the app's intervals still active, its timeouts still
 * pending, and the timers it asked for meanwhile: { activeIntervals,
 * pendingTimeouts, newTimeouts, newIntervals, newFrames, loadId } (loadId
 * changes with each document load).
 */
export async function quietTimers(page, quietMs = 150) {
  return page.evaluate((ms) => window.__appTimers.quiet(ms), quietMs);
}

/** Describes a quietTimers report that shows a leak, or returns '' for a clean one. */
export function timerLeaks(report) {
  const leaks = [];
  if (report.activeIntervals.length > 0) leaks.push(`intervals still active: ${JSON.stringify(report.activeIntervals)}`);
  if (report.newIntervals > 0) leaks.push(`${report.newIntervals} interval(s) started while idle`);
  if (report.pendingTimeouts > 0) leaks.push(`${report.pendingTimeouts} timeout(s) still pending`);
  if (report.newTimeouts > 0) leaks.push(`${report.newTimeouts} timeout(s) armed while idle (a re-arming timeout)`);
  if (report.newFrames > 0) leaks.push(`${report.newFrames} animation frame(s) requested while idle (a re-arming rAF chain)`);
  return leaks.join('; ');
}

/** Runs in the page before its own scripts (serialised: no outside references). */
function installTracker() {
  if (window.__appTimers) return;
  const original = {
    setTimeout: window.setTimeout.bind(window),
    clearTimeout: window.clearTimeout.bind(window),
    setInterval: window.setInterval.bind(window),
    clearInterval: window.clearInterval.bind(window),
    requestAnimationFrame: window.requestAnimationFrame.bind(window),
    cancelAnimationFrame: window.cancelAnimationFrame.bind(window),
  };
  const origin = location.origin;
  // The frame after this file's two (capture, the wrapper) is the caller.
  const fromApp = () => {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 4;
    const stack = new Error().stack ?? '';
    Error.stackTraceLimit = limit;
    const caller = stack.split('\n').slice(3).join('\n');
    return caller.includes(origin) || caller.includes('wasm');
  };
  const intervals = new Map();
  const timeouts = new Set();
  const counts = { timeouts: 0, intervals: 0, frames: 0 };

  window.setTimeout = function (handler, delay, ...args) {
    if (!fromApp()) return original.setTimeout(handler, delay, ...args);
    counts.timeouts++;
    const id = original.setTimeout(
      (...a) => {
        timeouts.delete(id);
        return typeof handler === 'function' ? handler(...a) : undefined;
      },
      delay,
      ...args,
    );
    timeouts.add(id);
    return id;
  };
  window.setInterval = function (handler, delay, ...args) {
    const app = fromApp();
    const id = original.setInterval(handler, delay, ...args);
    if (app) {
      counts.intervals++;
      intervals.set(id, { delay, since: Math.round(performance.now()) });
    }
    return id;
  };
  // Timeouts and intervals share their ids: either function clears either.
  window.clearTimeout = window.clearInterval = function (id) {
    intervals.delete(id);
    timeouts.delete(id);
    return original.clearTimeout(id);
  };
  window.requestAnimationFrame = function (callback) {
    if (fromApp()) counts.frames++;
    return original.requestAnimationFrame(callback);
  };
  // A cancelled frame request was still made: the count is of requests.
  window.cancelAnimationFrame = original.cancelAnimationFrame;

  const loadId = Math.random().toString(36).slice(2);
  Object.defineProperty(window, '__appTimers', {
    value: {
      loadId,
      quiet: (ms) =>
        new Promise((resolve) => {
          // A frame the last action asked for runs before the second frame
          // from now, and a task it posts from that frame before a task
          // posted from the second one. Counting starts after both, so that
          // a navigation's own post-paint task is not taken for a timer armed
          // while idle; one that re-arms is still counted.
          const settled = (then) =>
            original.requestAnimationFrame(() => original.requestAnimationFrame(() => original.setTimeout(then, 0)));
          settled(() => {
            const before = { ...counts };
            original.setTimeout(() => {
              resolve({
                loadId,
                activeIntervals: [...intervals.values()],
                pendingTimeouts: timeouts.size,
                newTimeouts: counts.timeouts - before.timeouts,
                newIntervals: counts.intervals - before.intervals,
                newFrames: counts.frames - before.frames,
              });
            }, ms);
          });
        }),
    },
  });
}
