// Input-to-screen time of the home page's search box, measured in the page
// (the function below runs there through page.evaluate).
//
// For each keystroke, at the start of an animation frame (inside a
// requestAnimationFrame callback, so the time does not include a random
// wait for the next frame), the box's value is set and an `input` event is
// dispatched, as typing does. The time runs from just before the dispatch
// to the end of the frame that first shows the new results: the DOM must
// show the expected result count in the status line and, for a ranked
// search, the expected best pattern as the first card (both found in
// advance through the bench hooks). When the app updates the DOM within
// the same frame (in the microtasks after the event), the end is a task
// posted from that frame, which runs once its style, layout and paint are
// done; when the DOM reaches the expected state later, the end is the task
// posted from the next frame's requestAnimationFrame callback, which runs
// after that frame is painted. Also recorded: the time to the DOM change
// itself, and whether it happened within the dispatching frame.

/**
 * In the page: types each sequence of `steps` (`{ text, count, top }`)
 * into `#search-input`, after clearing the box (`total` results, not
 * timed), and returns one `{ text, screenMs, domMs, sameFrame, timedOut }`
 * per step. After each timed keystroke, `idleFrames` frames pass with no
 * key: 0 types a key every frame.
 */
export async function typeAndMeasureInPage({ sequences, total, timeoutMs, idleFrames = 0 }) {
  const input = document.querySelector('#search-input');
  if (!input) throw new Error('no #search-input on the page');

  const digitsOnly = (text) => text.replace(/(\d)[,\u00a0\u202f ](?=\d{3}\b)/g, '$1');
  const shows = ({ count, top }) => {
    if (count === 0) return document.querySelector('.empty-state') !== null;
    const status = digitsOnly(document.querySelector('.result-count')?.textContent ?? '');
    if (!new RegExp(`\\b${count}\\b`).test(status)) return false;
    if (!top) return true;
    return document.querySelector('article.card')?.getAttribute('aria-labelledby') === `card-${top}`;
  };
  const afterNextPaint = (callback) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => callback(performance.now());
      channel.port2.postMessage(null);
    });

  const step = (text, expected) =>
    new Promise((resolve) => {
      requestAnimationFrame(() => {
        let start = 0;
        let inFrame = true;
        let sameFrame = false;
        let mutated = false;
        let domAt = null;
        let done = false;
        let timer = 0;
        const observer = new MutationObserver(() => {
          mutated = true;
          if (domAt === null && shows(expected)) {
            domAt = performance.now();
            if (!inFrame) afterNextPaint(finish);
          }
        });
        const finish = (endAt, timedOut = false) => {
          if (done) return;
          done = true;
          observer.disconnect();
          clearTimeout(timer);
          resolve({ text, screenMs: endAt - start, domMs: domAt === null ? NaN : domAt - start, sameFrame, timedOut });
        };
        timer = setTimeout(() => finish(NaN, true), timeoutMs);
        observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
        // A task posted now runs after this frame's style, layout and paint.
        const frameEnd = new MessageChannel();
        frameEnd.port1.onmessage = () => {
          inFrame = false;
          if (domAt !== null || (!mutated && shows(expected))) {
            // Shown by this frame (or nothing had to change): the frame just painted is the answer.
            domAt ??= performance.now();
            sameFrame = true;
            finish(performance.now());
          }
        };
        frameEnd.port2.postMessage(null);
        start = performance.now();
        input.value = text;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
    });

  const results = [];
  for (const steps of sequences) {
    await step('', { count: total, top: null });
    for (const { text, count, top } of steps) {
      results.push(await step(text, { count, top }));
      for (let i = 0; i < idleFrames; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
    }
  }
  return results;
}
