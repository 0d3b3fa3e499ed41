// Generates the benchmark's large catalog: the 8 real patterns of
// catalog.json, unchanged, spread evenly among generated ones (10,000 in
// all by default) made from a software-architecture vocabulary
// (catalog-vocabulary.mjs), with field lengths like the real entries.
// A seeded PRNG makes the output the same on every run and every machine.
//
//   node scripts/bench/generate-catalog.mjs [OUT] [--count N] [--seed S]
//
// OUT defaults to target/bench/catalog-10k.json (never committed).

import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as words from './catalog-vocabulary.mjs';
import { mulberry32 } from '../../tests/e2e/seeded-random.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DEFAULT_OUT = path.join(ROOT, 'target/bench/catalog-10k.json');
export const DEFAULT_COUNT = 10_000;
export const DEFAULT_SEED = 0x5eed_2024;

/** Random choices over one PRNG: uniform, skewed towards the start of a list (Zipf-like), distinct. */
function chooser(random) {
  const int = (n) => Math.floor(random() * n);
  const pick = (list) => list[int(list.length)];
  // Squaring the uniform number favours the first items, as natural word frequencies do.
  const skewed = (list) => list[Math.floor(list.length * random() ** 1.8)];
  const distinct = (list, n, draw = pick) => {
    const out = [];
    while (out.length < Math.min(n, list.length)) {
      const item = draw(list);
      if (!out.includes(item)) out.push(item);
    }
    return out;
  };
  return { random, int, pick, skewed, distinct, between: (lo, hi) => lo + int(hi - lo + 1) };
}

const capitalise = (text) => text.charAt(0).toUpperCase() + text.slice(1);
const lower = (name) => name.toLowerCase().replaceAll('-', ' ');
const camel = (kebab) => kebab.split('-').map(capitalise).join('');

/** Kebab-case slug of a name: ASCII letters and digits joined by single hyphens. */
export function slugOf(name) {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const REACTIONS = [
  'serves the last known good value', 'parks the request in a retry queue', 'fails fast with a clear error',
  'routes to a healthy replica', 'replays from the last checkpoint', 'hands the work to another worker',
  'sheds the lowest-priority requests', 'returns the stored result of the first attempt',
];
const STORAGE = [
  'a small table next to the business data', 'the broker', 'a replicated log', 'Redis with a TTL',
  'a per-tenant partition', 'an append-only journal',
];
const KEYS = ['request ID', 'order ID', 'tenant ID', 'idempotency key', 'partition key', 'message ID', 'aggregate ID'];
const VALUES = [
  '250 ms', '2 seconds', '30 seconds', '5 minutes', '3 attempts', '64 items', '1,000 requests per second',
  '10,000 keys', '24 hours', '15 minutes', '8 partitions', '500 connections',
];
const PARAMS = [
  'timeout', 'batch size', 'retry budget', 'TTL', 'pool size', 'concurrency limit', 'lease duration', 'shard count',
];

/** Everything one generated pattern's sentences are about. */
function drawContext(c, name, mechanism, component) {
  const [goal, goal2] = c.distinct(words.GOALS, 2, c.skewed);
  const [metric, metric2] = c.distinct(words.METRICS, 2, c.skewed);
  const [consequence, consequence2] = c.distinct(words.CONSEQUENCES, 2, c.skewed);
  const other = c.pick(Object.keys(words.MECHANISMS).filter((m) => m !== mechanism));
  const entity = c.skewed(words.ENTITIES);
  const hex = Math.floor(c.random() * 0xffffff).toString(16).padStart(6, '0');
  return {
    entity: entity.replaceAll('-', ' '),
    event: camel(entity) + c.skewed(words.EVENT_VERBS),
    command: c.skewed(words.COMMAND_VERBS) + camel(entity),
    exampleId: `${entity.slice(0, 3)}-${hex}`,
    tech: c.skewed(words.TECHNOLOGIES),
    value: c.pick(VALUES),
    name, mechanism, component, goal, goal2, metric, metric2, consequence, consequence2,
    mech: lower(mechanism), comp: lower(component),
    does: c.pick(words.MECHANISMS[mechanism]), alsoDoes: c.pick(words.MECHANISMS[other]),
    system: c.skewed(words.SYSTEMS), resource: c.skewed(words.RESOURCES), failure: c.skewed(words.FAILURES),
    load: c.skewed(words.LOADS), workaround: c.pick(words.WORKAROUNDS), reaction: c.pick(REACTIONS),
    storage: c.pick(STORAGE), key: c.pick(KEYS), param: c.pick(PARAMS), param2: c.pick(PARAMS),
  };
}

const SUMMARIES = [
  (x) => `A ${x.mech} ${x.comp} that ${x.does}, so ${x.system} keeps its ${x.goal}.`,
  (x) => `Puts a ${x.comp} in front of the ${x.resource} that ${x.does}.`,
  (x) => `${capitalise(x.does)}, so ${x.system} keeps working through ${x.load}.`,
];
const PROBLEMS = [
  (x) => `When the ${x.resource} ${x.failure} during ${x.load}, ${x.consequence}, and ${x.consequence2}. ${capitalise(x.system)} has no way to tell a slow call from a failed one.`,
  (x) => `${capitalise(x.system)} calls the ${x.resource} directly, so when it ${x.failure} while handling ${x.command}, ${x.consequence}. Teams ${x.workaround}, which only moves the problem elsewhere.`,
  (x) => `Under ${x.load}, ${x.consequence}: ${x.system} waits on a ${x.resource} that ${x.failure}, and every retry makes it worse while ${x.consequence2}.`,
];
const FORCES = [
  (x) => `${capitalise(x.goal)} matters for ${x.system}, but so does ${x.goal2}.`,
  (x) => `Callers should not wait for the ${x.resource} to recover before getting an answer.`,
  (x) => `The ${x.resource} has fixed capacity, while load from ${x.load} does not.`,
  (x) => `Every extra hop adds latency to ${x.system} and another thing to operate.`,
  (x) => `Operators need to see ${x.metric} move before users notice anything.`,
  (x) => `Duplicates are cheap to detect early but expensive to undo once ${x.consequence}.`,
  () => 'Some work must stay in order per key, yet parallel workers finish out of order.',
  (x) => `A fix must not turn the ${x.resource} into a new single point of failure.`,
  () => 'State kept only in memory is lost whenever a node restarts or is rescheduled.',
  (x) => `Teams want better ${x.goal} without rewriting ${x.system} from scratch.`,
];
const SOLUTION_SENTENCES = [
  (x) => `Place a ${x.mech} ${x.comp} between ${x.system} and the ${x.resource}.`,
  (x) => `The ${x.comp} ${x.does} and ${x.alsoDoes}.`,
  (x) => `When the ${x.resource} ${x.failure}, it ${x.reaction} instead of letting the failure spread to callers.`,
  (x) => `State about each request lives in ${x.storage}, keyed by the ${x.key}, so a restart resumes where it stopped.`,
  (x) => `Teams running ${x.tech} usually keep it beside the ${x.entity} data, with a ${x.param} of about ${x.value}.`,
  (x) => `Operators watch ${x.metric} and ${x.metric2} and tune the ${x.param} from what they see.`,
];
const STEPS = [
  (x) => `${capitalise(x.system)} sends ${x.command} with the ${x.key} (for example ${x.exampleId}) and a deadline to the ${x.comp}, and keeps the key for retries.`,
  (x) => `The ${x.comp} checks ${x.storage} for the ${x.key}; a hit returns the stored result at once without new work.`,
  (x) => `On a miss it ${x.does}, recording its progress before every side effect it causes.`,
  (x) => `If the ${x.resource} ${x.failure}, the ${x.comp} ${x.reaction} and counts the attempt towards ${x.metric}.`,
  (x) => `Successful results are written back with a ${x.param} so the next caller can skip the ${x.resource} entirely.`,
  (x) => `Once the ${x.entity} change commits, the ${x.comp} publishes ${x.event} so that consumers update their own views.`,
  () => 'A background sweeper removes expired entries and moves repeated failures to a dead-letter queue for inspection.',
  (x) => `Dashboards show ${x.metric2}; an alert fires when it crosses the agreed SLO for longer than a few minutes.`,
  () => 'Consumers acknowledge each message only after their own change commits, so a crash leads to a redelivery, not a loss.',
];
const WHEN_TO_USE = [
  (x) => `${capitalise(x.system)} depends on a ${x.resource} that ${x.failure} now and then.`,
  (x) => `Load comes in bursts, such as ${x.load}, that the ${x.resource} cannot absorb.`,
  (x) => `${capitalise(x.goal)} matters more than ${x.goal2} for this workflow.`,
  () => 'The same request or message can arrive more than once, from retries or redelivery.',
  (x) => `${capitalise(x.entity)} changes such as ${x.event} must reach several consumers reliably.`,
  () => 'Reads far outnumber writes and can tolerate a short window of staleness.',
  () => 'Several teams own services that must still agree on one business outcome.',
];
const WHEN_NOT_TO_USE = [
  () => 'A single local database transaction already covers the whole operation, which is simpler and safer.',
  (x) => `Traffic is low and steady, so the extra ${x.comp} costs more to run than it ever saves.`,
  () => 'Every read must see the latest write, with no window of staleness that users could notice.',
  (x) => `The team cannot yet operate a highly available ${x.resource} in production with confidence.`,
  (x) => `The ${x.param} cannot be chosen well because the workload is too unpredictable to measure.`,
];
const TRADEOFFS = [
  (x) => `Another ${x.comp} to deploy, monitor and upgrade, and one more place where ${x.metric} can go wrong.`,
  (x) => `Results can be stale for up to the ${x.param}, which some screens must explain to their users.`,
  () => 'Delivery is at-least-once, so every handler downstream must be idempotent and tolerate replays.',
  (x) => `Tuning the ${x.param2} is a trade between ${x.goal} and ${x.goal2}, and the right value drifts with load.`,
  () => 'Debugging now spans several services and queues, so distributed tracing becomes essential.',
  (x) => `Storage grows with every ${x.key} kept, and old entries must be purged on a schedule.`,
  (x) => `The ${x.resource} still caps total ${x.goal}; the pattern smooths the peaks but does not remove the limit.`,
];
const RELATED_WHY = [
  (x, o) => `${o.name} ${o.does}, which complements this one.`,
  (x, o) => `Both protect ${x.system} from the ${x.resource}; ${o.name} covers the case where it ${o.failure}.`,
  (x, o) => `Often deployed together: ${o.name} keeps ${o.goal} while this pattern keeps ${x.goal}.`,
];

/** `n` sentences from `templates`, distinct and in the templates' order. */
function sentences(c, templates, n, context) {
  const chosen = c.distinct(templates.map((_, i) => i), n).sort((a, b) => a - b);
  return chosen.map((i) => templates[i](context));
}

/** Up to 5 tags, most from the pattern's own category, the others from anywhere. */
function drawTags(c, category) {
  const own = words.TAGS_BY_CATEGORY[category];
  const all = Object.values(words.TAGS_BY_CATEGORY).flat();
  const tags = c.distinct(own, c.between(3, 4), c.skewed);
  while (tags.length < 5) {
    const tag = c.skewed(all);
    if (!tags.includes(tag)) tags.push(tag);
    if (c.random() < 0.3) break;
  }
  return tags;
}

/** Names and slugs, unique (also against the real patterns), for `count` generated patterns. */
function drawNames(c, count, taken) {
  const mechanisms = Object.keys(words.MECHANISMS);
  const out = [];
  const names = new Set(taken.map((p) => p.name.toLowerCase()));
  const slugs = new Set(taken.map((p) => p.slug));
  while (out.length < count) {
    const qualifier = c.skewed(words.NAME_QUALIFIERS);
    const mechanism = c.skewed(mechanisms);
    const component = c.skewed(words.NAME_COMPONENTS);
    const name = `${qualifier} ${mechanism} ${component}`;
    const slug = slugOf(name);
    if (names.has(name.toLowerCase()) || slugs.has(slug)) continue;
    names.add(name.toLowerCase());
    slugs.add(slug);
    out.push({ name, slug, mechanism, component });
  }
  return out;
}

/** The catalog: real patterns at evenly spread positions among `count - real` generated ones. */
export function generateCatalog(realCatalog, { count = DEFAULT_COUNT, seed = DEFAULT_SEED } = {}) {
  const c = chooser(mulberry32(seed));
  const real = realCatalog.patterns;
  const categories = realCatalog.categories.map((category) => category.slug);
  const drawn = drawNames(c, count - real.length, real);
  const contexts = drawn.map(({ name, mechanism, component }) => drawContext(c, name, mechanism, component));
  const allSlugs = [...real.map((p) => p.slug), ...drawn.map((d) => d.slug)];
  const contextOf = new Map(drawn.map((d, i) => [d.slug, contexts[i]]));
  for (const p of real) contextOf.set(p.slug, { ...contexts[0], name: p.name, does: 'solves a neighbouring problem' });
  const generated = drawn.map(({ name, slug }, i) => {
    const x = contexts[i];
    const category = c.pick(categories);
    return {
      slug,
      name,
      category,
      tags: drawTags(c, category),
      summary: c.pick(SUMMARIES)(x),
      problem: c.pick(PROBLEMS)(x),
      forces: sentences(c, FORCES, c.between(4, 5), x),
      solution: sentences(c, SOLUTION_SENTENCES, c.between(4, 5), x).join(' '),
      how_it_works: sentences(c, STEPS, c.between(6, 7), x),
      when_to_use: sentences(c, WHEN_TO_USE, 4, x),
      when_not_to_use: sentences(c, WHEN_NOT_TO_USE, 3, x),
      tradeoffs: sentences(c, TRADEOFFS, 5, x),
      related: drawRelated(c, slug, x, allSlugs, contextOf),
    };
  });
  const patterns = [...generated];
  real.forEach((pattern, i) => {
    patterns.splice(Math.floor(((i + 0.5) * count) / real.length), 0, pattern);
  });
  return { categories: realCatalog.categories, patterns };
}

/** 2 to 5 links to other patterns (real or generated), each with a reason. */
function drawRelated(c, slug, x, allSlugs, contextOf) {
  const targets = c.distinct(allSlugs, c.between(3, 6)).filter((s) => s !== slug).slice(0, 5);
  return targets.map((target) => ({ slug: target, why: c.pick(RELATED_WHY)(x, contextOf.get(target)) }));
}

/** Generates and writes the catalog to `out`, creating its folder; returns its path and size. */
export async function writeCatalog({ out = DEFAULT_OUT, count = DEFAULT_COUNT, seed = DEFAULT_SEED } = {}) {
  const realCatalog = JSON.parse(await fs.readFile(path.join(ROOT, 'catalog.json'), 'utf8'));
  const catalog = generateCatalog(realCatalog, { count, seed });
  const text = JSON.stringify(catalog);
  await fs.mkdir(path.dirname(out), { recursive: true });
  await fs.writeFile(out, text);
  return { out, bytes: Buffer.byteLength(text), patterns: catalog.patterns.length };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (flag, fallback) => {
    const i = args.indexOf(flag);
    return i >= 0 ? Number(args.splice(i, 2)[1]) : fallback;
  };
  const count = option('--count', DEFAULT_COUNT);
  const seed = option('--seed', DEFAULT_SEED);
  const usage =
    `usage: node scripts/bench/generate-catalog.mjs [--count N] [--seed S] [OUT]\n` +
    `  N a whole number above 0 (default ${DEFAULT_COUNT}), S a number (default ${DEFAULT_SEED}), OUT default ${DEFAULT_OUT}`;
  if (args.includes('--help') || args.includes('-h')) {
    console.log(usage);
    process.exit(0);
  }
  const unknown = args.filter((arg) => arg.startsWith('-'));
  if (unknown.length > 0 || args.length > 1 || !(Number.isInteger(count) && count > 0) || !Number.isFinite(seed)) {
    console.error(`${usage}${unknown.length > 0 ? `\nunknown option: ${unknown.join(' ')}` : ''}`);
    process.exit(2);
  }
  const out = path.resolve(args[0] ?? DEFAULT_OUT);
  const written = await writeCatalog({ out, count, seed });
  console.log(`wrote ${written.patterns} patterns, ${(written.bytes / 1e6).toFixed(1)} MB, to ${written.out}`);
}
