// The budget, asserted on the release build: a first visit
// downloads at most 200 KB gzip (1 KB = 1024 bytes, gzip -9), every
// simulation included. Byte sizes are exact, so this cannot flake; the
// benchmark (`scripts/bench.sh`, part first-load) prints the same figures
// file by file, with what Chromium actually requests.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { BUDGET_GZIP_BYTES, filesIndexLoads } from '../../scripts/bench/first-load.mjs';

const DIST = process.env.E2E_DIST ?? 'dist';

test('a first visit downloads at most 200 KB gzip', async () => {
  const files = await filesIndexLoads(DIST);
  const names = files.map((f) => f.file);
  assert.ok(names.some((f) => f.endsWith('_bg.wasm')), `the wasm is counted: ${names.join(' ')}`);
  assert.ok(names.some((f) => f.endsWith('.js') && f !== 'sw.js'), `and its glue: ${names.join(' ')}`);
  assert.ok(!names.includes('sw.js'), 'the service worker comes after load');
  const total = files.reduce((sum, f) => sum + f.gzip, 0);
  const detail = files.map((f) => `${f.file} ${f.gzip} B`).join(', ');
  assert.ok(total <= BUDGET_GZIP_BYTES, `first load ${total} B gzip, over the budget of ${BUDGET_GZIP_BYTES} B by ${total - BUDGET_GZIP_BYTES} B: ${detail}`);
  console.log(`first load ${total} B gzip of ${BUDGET_GZIP_BYTES} B (${BUDGET_GZIP_BYTES - total} B left): ${detail}`);
});
