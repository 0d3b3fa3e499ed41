// Benchmark part "animation": the simulation player playing on its own (the
// saga and competing consumers, each at 1× and 4× speed) while the page
// samples requestAnimationFrame timestamps for a fixed time, and a
// PerformanceObserver collects long tasks (over 50 ms).
//
// How it counts: the display interval is the median rAF interval over one
// second with the player paused (16.7 ms at 60 Hz). A frame time is the
// interval between consecutive rAF timestamps while playing. A slow
// (dropped) frame is an interval over 1.5× the display interval; "missed
// vsyncs" adds, for each slow frame, how many display intervals it spanned
// beyond the first. Playback restarts from the first step whenever a
// scenario ends inside the window, so the whole window is playback.
// Budget: no long task and a median frame within 16.7 ms.
import { heading, intFromEnv, ms, note, printTable, summarize, median, withSiteAndBrowser } from './common.mjs';

const SIMULATIONS = ['saga', 'competing-consumers'];
const SPEEDS = [1, 4];
const IDLE_SAMPLE_MS = 1000;
const MEDIAN_FRAME_BUDGET_MS = 16.7;

/** Runs in the page before its scripts: keeps every long task in `window.__benchLongTasks`. */
function longTaskProbe() {
  window.__benchLongTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__benchLongTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
}

/** In the page: rAF timestamps for `durationMs`; with `play`, keeps the player playing meanwhile. */
function sampleFrames({ durationMs, play }) {
  const button = document.querySelector('.sim-player button[aria-label="Play"], .sim-player button[aria-label="Pause"]');
  const counter = document.querySelector('.sim-counter');
  const isStopped = () => button.getAttribute('aria-label') === 'Play';
  let restarts = 0;
  let stepChanges = 0;
  let lastCounter = counter?.textContent;
  if (play && isStopped()) button.click();
  return new Promise((resolve) => {
    const stamps = [];
    const frame = (timestamp) => {
      stamps.push(timestamp);
      if (play) {
        const text = counter?.textContent;
        if (text !== lastCounter) stepChanges++;
        lastCounter = text;
        if (isStopped()) {
          button.click();
          restarts++;
        }
      }
      if (timestamp - stamps[0] < durationMs) requestAnimationFrame(frame);
      else {
        if (play && !isStopped()) button.click();
        resolve({ stamps, restarts, stepChanges });
      }
    };
    requestAnimationFrame(frame);
  });
}

const intervals = (stamps) => stamps.slice(1).map((t, i) => t - stamps[i]);

/** One run: load the pattern, set the speed, measure the display interval, then play and sample. */
async function playOnce(browser, server, slug, speed, durationMs) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(longTaskProbe);
    await page.goto(server.url(`/patterns/${slug}`));
    await page.waitForSelector('.sim-player .sim-counter', { timeout: 60_000 });
    await page.getByLabel('Speed').selectOption({ label: `${speed}×` });
    const scenario = await page.getByLabel('Scenario').inputValue();
    const idle = await page.evaluate(sampleFrames, { durationMs: IDLE_SAMPLE_MS, play: false });
    const displayInterval = median(intervals(idle.stamps));
    const played = await page.evaluate(sampleFrames, { durationMs, play: true });
    const [start, end] = [played.stamps[0], played.stamps[played.stamps.length - 1]];
    const longTasks = (await page.evaluate(() => window.__benchLongTasks)).filter((t) => t.start + t.duration >= start && t.start <= end);
    const frames = intervals(played.stamps);
    const slow = frames.filter((f) => f > 1.5 * displayInterval);
    return {
      scenario,
      displayInterval,
      frames: frames.length,
      medianFrame: median(frames),
      p95Frame: summarize(frames).p95,
      slowFrames: slow.length,
      missedVsyncs: slow.reduce((sum, f) => sum + Math.max(1, Math.round(f / displayInterval) - 1), 0),
      longTasks: longTasks.length,
      longestTask: longTasks.reduce((max, t) => Math.max(max, t.duration), 0),
      stepChanges: played.stepChanges,
      restarts: played.restarts,
    };
  } finally {
    await context.close();
  }
}

export default async function measureAnimation() {
  const runs = intFromEnv(['BENCH_ANIMATION_RUNS', 'BENCH_RUNS'], 3);
  const seconds = intFromEnv('BENCH_ANIMATION_SECONDS', 5);
  const cases = await withSiteAndBrowser(async (browser, server) => {
    const out = [];
    for (const slug of SIMULATIONS)
      for (const speed of SPEEDS) {
        const samples = [];
        for (let i = 0; i < runs; i++) samples.push(await playOnce(browser, server, slug, speed, seconds * 1000));
        out.push({ simulation: slug, speed, samples });
      }
    return out;
  });

  const displayInterval = median(cases.flatMap((c) => c.samples.map((s) => s.displayInterval)));
  const hz = 1000 / displayInterval;
  const result = { runs, secondsPerRun: seconds, displayIntervalMs: displayInterval, rafHz: hz, budget: { longTasks: 0, medianFrameMs: MEDIAN_FRAME_BUDGET_MS }, cases: [] };
  heading(`Animation: autoplay, rAF sampled for ${seconds} s per run, ${runs} runs per row (figures are medians over runs; long tasks are totals)`);
  const rows = [];
  for (const c of cases) {
    const m = (key) => median(c.samples.map((s) => s[key]));
    const total = (key) => c.samples.reduce((sum, s) => sum + s[key], 0);
    const figures = {
      scenario: c.samples[0].scenario,
      medianFrame: m('medianFrame'),
      p95Frame: m('p95Frame'),
      framesPerRun: m('frames'),
      slowFramesPerRun: m('slowFrames'),
      missedVsyncsPerRun: m('missedVsyncs'),
      stepsPerRun: m('stepChanges'),
      longTasks: total('longTasks'),
      longestTask: Math.max(...c.samples.map((s) => s.longestTask)),
    };
    // rAF timestamps are coarsened to 0.1 ms: compare at that precision.
    figures.withinBudget = figures.longTasks === 0 && Math.round(figures.medianFrame * 10) / 10 <= MEDIAN_FRAME_BUDGET_MS;
    result.cases.push({ simulation: c.simulation, speed: c.speed, ...figures, runs: c.samples });
    rows.push([
      `${c.simulation} (${figures.scenario})`,
      `${c.speed}×`,
      ms(figures.medianFrame),
      ms(figures.p95Frame),
      `${figures.slowFramesPerRun} / ${figures.framesPerRun}`,
      figures.missedVsyncsPerRun,
      figures.stepsPerRun,
      figures.longTasks,
      figures.longTasks ? ms(figures.longestTask) : '-',
      figures.withinBudget ? 'within' : 'OVER',
    ]);
  }
  printTable(['Simulation (scenario)', 'Speed', '>Median frame', '>p95 frame', '>Slow frames', '>Missed vsyncs', '>Steps', '>Long tasks', '>Longest', 'Budget'], rows);
  note(`slow frame = rAF interval over 1.5× the display interval (${ms(1.5 * displayInterval)}); missed vsyncs = display intervals a slow frame spanned beyond its own;`);
  note('budget = no long task (over 50 ms, PerformanceObserver "longtask") and a median frame within 16.7 ms.');
  note(
    Math.abs(displayInterval - 1000 / 60) <= 0.5
      ? `headless Chromium runs rAF at ${hz.toFixed(1)} Hz here (median paused interval ${ms(displayInterval)}), as a 60 Hz display would.`
      : `\x1b[1mnote:\x1b[0m headless Chromium runs rAF at ${hz.toFixed(1)} Hz here, NOT 60 Hz (median paused interval ${ms(displayInterval)}): frame figures are relative to that.`,
  );
  return result;
}
