// The search benchmark's fixed queries: problem-first questions (each with
// the real pattern a reader would expect, so top-3 accuracy can be
// counted), pattern names, tags, partial words and words with one typo;
// and the keystrokes that typing them one key at a time produces. Data and
// one helper only.

/** `kind`: problem | name | tag | partial | typo. `expect`: the real pattern's slug, for problem-first queries. */
export const QUERIES = [
  { kind: 'problem', text: 'charged twice', expect: 'idempotency-key' },
  { kind: 'problem', text: 'duplicate payment on retry', expect: 'idempotency-key' },
  { kind: 'problem', text: 'retrying a request charges the card again', expect: 'idempotency-key' },
  { kind: 'problem', text: 'client timeout then retry creates two orders', expect: 'idempotency-key' },
  { kind: 'problem', text: 'lost events broker down', expect: 'transactional-outbox' },
  { kind: 'problem', text: 'events lost when the broker is unavailable', expect: 'transactional-outbox' },
  { kind: 'problem', text: 'database and message broker out of sync', expect: 'transactional-outbox' },
  { kind: 'problem', text: 'publish an event in the same transaction as the write', expect: 'transactional-outbox' },
  { kind: 'problem', text: 'stale reads slow database', expect: 'read-through-cache' },
  { kind: 'problem', text: 'same data fetched from a slow database on every request', expect: 'read-through-cache' },
  { kind: 'problem', text: 'cache miss loads from the database', expect: 'read-through-cache' },
  { kind: 'problem', text: 'one worker cannot keep up with the queue', expect: 'competing-consumers' },
  { kind: 'problem', text: 'background jobs pile up during bursts', expect: 'competing-consumers' },
  { kind: 'problem', text: 'scale message processing by adding workers', expect: 'competing-consumers' },
  { kind: 'problem', text: 'business transaction across several services', expect: 'saga' },
  { kind: 'problem', text: 'undo finished steps when a later step fails', expect: 'saga' },
  { kind: 'problem', text: 'no distributed transaction between microservices', expect: 'saga' },
  { kind: 'problem', text: 'roll back a bad release without a redeploy', expect: 'feature-flag-kill-switch' },
  { kind: 'problem', text: 'turn off a broken feature in production', expect: 'feature-flag-kill-switch' },
  { kind: 'problem', text: 'audit history of every change', expect: 'event-sourcing' },
  { kind: 'problem', text: 'rebuild current state by replaying events', expect: 'event-sourcing' },
  { kind: 'problem', text: 'reads and writes need different models', expect: 'cqrs' },
  { kind: 'problem', text: 'dashboard queries slow down the write model', expect: 'cqrs' },
  { kind: 'name', text: 'saga' },
  { kind: 'name', text: 'cqrs' },
  { kind: 'name', text: 'event sourcing' },
  { kind: 'name', text: 'transactional outbox' },
  { kind: 'name', text: 'idempotency key' },
  { kind: 'name', text: 'competing consumers' },
  { kind: 'name', text: 'read-through cache' },
  { kind: 'name', text: 'kill switch' },
  { kind: 'name', text: 'circuit breaker' },
  { kind: 'name', text: 'bulkhead retry gateway' },
  { kind: 'name', text: 'write-behind cache' },
  { kind: 'name', text: 'leased ledger service' },
  { kind: 'tag', text: 'payments' },
  { kind: 'tag', text: 'event-driven' },
  { kind: 'tag', text: 'distributed-systems' },
  { kind: 'tag', text: 'caching' },
  { kind: 'tag', text: 'feature-flags' },
  { kind: 'tag', text: 'read-models' },
  { kind: 'tag', text: 'rate-limiting' },
  { kind: 'tag', text: 'kafka' },
  { kind: 'partial', text: 'idem' },
  { kind: 'partial', text: 'outb' },
  { kind: 'partial', text: 'consum' },
  { kind: 'partial', text: 'compens' },
  { kind: 'partial', text: 'throttl' },
  { kind: 'partial', text: 'dedup' },
  { kind: 'partial', text: 'backpress' },
  { kind: 'typo', text: 'idempotncy' },
  { kind: 'typo', text: 'sagga' },
  { kind: 'typo', text: 'chache' },
  { kind: 'typo', text: 'outbix' },
  { kind: 'typo', text: 'consistancy' },
  { kind: 'typo', text: 'comsumers' },
  { kind: 'typo', text: 'evnt sourcing' },
  { kind: 'typo', text: 'retyr budget' },
];

/**
 * Every search text typing the queries one key at a time gives, in order:
 * `{ text, query, kind }` for each prefix of each query (`query` is its
 * index in `queries`), from its first character to the whole query.
 */
export function keystrokes(queries = QUERIES) {
  return queries.flatMap((query, index) =>
    [...query.text].map((_, i) => ({ text: query.text.slice(0, i + 1), query: index, kind: query.kind })),
  );
}
