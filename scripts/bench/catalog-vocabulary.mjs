// The software-architecture vocabulary the benchmark's catalog generator
// (generate-catalog.mjs) draws from: words for pattern names, the systems,
// failures and consequences its sentences are made of, and a few hundred
// kebab-case tags grouped by the five categories of catalog.json. Data only.

/** First word of a generated name: how the mechanism behaves. */
export const NAME_QUALIFIERS = [
  'Bulkhead', 'Adaptive', 'Leased', 'Partitioned', 'Sharded', 'Fenced', 'Versioned', 'Tiered', 'Layered',
  'Staged', 'Batched', 'Buffered', 'Throttled', 'Idempotent', 'Replicated', 'Quorum', 'Lazy', 'Eager',
  'Optimistic', 'Pessimistic', 'Compensating', 'Deferred', 'Scheduled', 'Federated', 'Streaming', 'Reactive',
  'Durable', 'Ephemeral', 'Regional', 'Hierarchical', 'Backpressure', 'Sliding-Window', 'Weighted', 'Priority',
  'Canary', 'Shadow', 'Blue-Green', 'Rolling', 'Hedged', 'Speculative', 'Coalescing', 'Deduplicating', 'Retry',
  'Timeout', 'Fallback', 'Failover', 'Leader', 'Snapshot', 'Change-Feed', 'Write-Behind', 'Write-Through',
  'Cache-Aside', 'Read-Repair', 'Anti-Entropy', 'Gossip', 'Heartbeat', 'Watermark', 'Checkpoint', 'Claim-Check',
  'Scatter-Gather', 'Fan-Out', 'Circuit', 'Token-Bucket', 'Consistent-Hash', 'Multi-Tenant', 'Zero-Downtime',
  'Self-Healing', 'Append-Only', 'Time-Boxed', 'Event-Carried',
];

/** Middle word of a generated name: the mechanism. Each has phrases saying what it does. */
export const MECHANISMS = {
  Retry: ['retries failed calls with exponential backoff and jitter', 'repeats a call that timed out, under a retry budget'],
  Cache: ['keeps hot values in memory close to the caller', 'serves repeated reads without touching the database'],
  Queue: ['buffers work in a durable queue until a worker is free', 'decouples producers from consumers with a queue'],
  Lock: ['serializes access to a shared record with a short-lived lock', 'lets one writer at a time change a key'],
  Lease: ['grants time-limited ownership that expires on its own', 'hands out renewable leases instead of permanent locks'],
  Ledger: ['records every movement as an immutable ledger entry', 'keeps balances as the sum of append-only entries'],
  Log: ['appends every change to an ordered log that consumers replay', 'makes the log the source of truth for downstream views'],
  Journal: ['writes intent to a journal before applying it', 'journals each step so a restart resumes where it stopped'],
  Buffer: ['absorbs bursts in a bounded buffer and sheds the excess', 'batches small writes in a buffer before flushing them'],
  Router: ['routes each request by key to the node that owns it', 'sends traffic to the healthiest replica first'],
  Limiter: ['caps the request rate per client with a token bucket', 'rejects work early once the concurrency limit is reached'],
  Breaker: ['stops calling a failing dependency until it recovers', 'trips open after repeated failures and probes before closing'],
  Partition: ['splits data by key so each partition scales on its own', 'assigns every key to exactly one partition owner'],
  Replica: ['serves reads from replicas while one primary takes writes', 'keeps copies in several zones to survive a zone outage'],
  Projection: ['builds read models from the event stream', 'projects events into tables shaped for each screen'],
  Index: ['maintains a secondary index updated from change events', 'keeps a denormalized index for fast lookups'],
  Registry: ['keeps a registry of live instances with heartbeats', 'lets clients discover endpoints at runtime'],
  Scheduler: ['schedules jobs with deadlines and priorities', 'spreads periodic work so it never runs all at once'],
  Dispatcher: ['dispatches commands to handlers by type', 'hands each task to exactly one worker'],
  Coordinator: ['coordinates the steps of a long-running workflow', 'tracks progress and triggers compensation on failure'],
  Sequencer: ['stamps every message with a monotonic sequence number', 'restores per-key order before delivery'],
  Aggregator: ['combines partial results from many services into one answer', 'collects related messages until the set is complete'],
  Splitter: ['splits a large message into independent parts', 'breaks a batch into items that fail and retry alone'],
  Filter: ['drops duplicate or irrelevant messages at the edge', 'filters events so consumers see only what they need'],
  Translator: ['translates between the legacy model and the new one', 'maps external formats onto the internal schema'],
  Adapter: ['wraps a third-party API behind a stable interface', 'adapts a chatty protocol into coarse-grained calls'],
  Proxy: ['sits in front of a service to add retries and timeouts', 'terminates connections and pools them toward the backend'],
  Snapshotter: ['stores periodic snapshots so replays start near the end', 'compacts history into snapshots on a schedule'],
  Deduplicator: ['remembers processed message IDs to drop repeats', 'detects duplicate requests by key and returns the first result'],
  Validator: ['checks invariants before a change is accepted', 'rejects malformed commands at the boundary'],
};

/** Last word of a generated name: the component that carries it. */
export const NAME_COMPONENTS = [
  'Gateway', 'Pipeline', 'Store', 'Service', 'Broker', 'Mesh', 'Pool', 'Table', 'Channel', 'Stream', 'Worker',
  'Relay', 'Sidecar', 'Ambassador', 'Controller', 'Cluster', 'Layer', 'Bus', 'Hub', 'Topic', 'Agent', 'Loop',
  'Fabric', 'Endpoint', 'Tier', 'Cell', 'Ring', 'Façade', 'Mailbox', 'Outpost',
];

/** The systems sentences talk about. */
export const SYSTEMS = [
  'the checkout service', 'the order API', 'the payment processor', 'the inventory service', 'the search cluster',
  'the notification worker', 'the billing job', 'the mobile client', 'the reporting pipeline', 'the shipping service',
  'the account service', 'the pricing engine', 'the recommendation service', 'the fraud checker',
  'the identity provider', 'the admin dashboard', 'the partner integration', 'the ledger service',
  'the booking system', 'the catalog importer', 'the webhook sender', 'the email dispatcher', 'the analytics job',
  'the session store', 'the cart service', 'the subscription renewer', 'the refund workflow', 'the loyalty service',
  'the media transcoder', 'the IoT ingestion endpoint', 'the feature store', 'the audit trail', 'the chat backend',
  'the public REST API', 'the GraphQL gateway', 'the batch exporter', 'the tenant provisioner', 'the ticketing system',
];

/** The shared resources that fail. */
export const RESOURCES = [
  'database', 'message broker', 'cache', 'queue', 'read replica', 'object store', 'third-party API',
  'search index', 'event log', 'connection pool', 'DNS resolver', 'load balancer', 'primary node', 'shard',
  'payment gateway', 'config service', 'disk', 'network link', 'scheduler', 'lock service',
];

/** What the resource does wrong. */
export const FAILURES = [
  'times out', 'goes down', 'restarts mid-request', 'falls behind', 'is partitioned from its peers',
  'returns stale data', 'runs out of connections', 'slows to a crawl under load', 'drops messages',
  'delivers a message twice', 'rejects writes during failover', 'loses its leader', 'fills its disk',
  'throttles every caller', 'answers out of order', 'becomes unreachable for a few seconds',
];

/** What the user or the operator sees. */
export const CONSEQUENCES = [
  'customers are charged twice', 'events are lost', 'users see stale reads', 'requests pile up and time out',
  'the on-call engineer is paged at night', 'downstream services fall out of sync', 'retries amplify the outage',
  'orders are shipped twice', 'dashboards show wrong totals', 'the slow database becomes the bottleneck',
  'a single hot key overloads one shard', 'memory grows until the process is killed', 'emails are sent twice',
  'inventory is oversold', 'a failure in one tenant takes down the others', 'latency spikes at the p99',
  'two nodes both believe they are the leader', 'writes are silently overwritten', 'messages arrive out of order',
  'the queue grows faster than workers drain it', 'a poison message blocks the whole partition',
  'a deploy breaks checkout for everyone', 'reports disagree with the source of truth', 'refunds are never issued',
  'sessions are dropped during a rollout', 'the cache serves data nobody can invalidate',
  'cold caches stampede the database after a restart', 'clients retry in lockstep and overload the service',
  'a half-finished workflow leaves money in limbo', 'audit questions cannot be answered',
];

/** What triggers trouble. */
export const LOADS = [
  'traffic spikes', 'a burst of retries', 'a marketing campaign', 'a nightly batch import', 'a noisy tenant',
  'a cold start after a deploy', 'a regional outage', 'Black Friday', 'a schema migration', 'a slow consumer',
  'a flood of webhooks', 'a partner replaying its backlog', 'a cache flush', 'a leader election',
];

/** What the team wants. */
export const GOALS = [
  'throughput', 'latency', 'availability', 'consistency', 'cost', 'operability', 'auditability', 'simplicity',
  'isolation', 'durability', 'freshness', 'fairness', 'recoverability', 'observability',
];

/** What operators watch. */
export const METRICS = [
  'p99 latency', 'queue depth', 'error rate', 'replication lag', 'cache hit ratio', 'consumer lag',
  'connection pool usage', 'retry rate', 'the age of the oldest message', 'saturation', 'lock wait time',
  'duplicate rate', 'shed request count', 'time to recovery',
];

/** What the team does without the pattern. */
export const WORKAROUNDS = [
  'add ad hoc retries at every call site', 'scale the database vertically until it is too expensive',
  'write one-off scripts to repair data by hand', 'disable the feature during peak hours',
  'page a person to restart the worker', 'copy the same caching code into every handler',
  'accept the occasional duplicate and refund it later', 'lock whole tables to stay safe',
];

/** Tags by category slug (the five categories of catalog.json); a pattern draws most of its tags from its own category. */
export const TAGS_BY_CATEGORY = {
  scalability: [
    'scalability', 'sharding', 'partitioning', 'horizontal-scaling', 'autoscaling', 'load-balancing', 'workers',
    'queues', 'throughput', 'fan-out', 'fan-in', 'batching', 'backpressure', 'stream-processing', 'cqrs',
    'read-models', 'event-driven', 'event-sourcing', 'architecture', 'consistent-hashing', 'hot-keys',
    'multi-tenancy', 'cell-based-architecture', 'elasticity', 'stateless-services', 'message-queues',
    'pub-sub', 'kafka', 'rabbitmq', 'sqs', 'kinesis', 'pulsar', 'nats', 'actor-model', 'map-reduce',
    'data-locality', 'capacity-planning', 'microservices', 'service-mesh', 'serverless', 'kubernetes',
    'containers', 'grid-computing', 'work-stealing', 'scatter-gather', 'materialized-views', 'denormalization',
    'partition-keys', 'rebalancing', 'leader-follower', 'geo-distribution', 'edge-computing', 'cdn',
    'connection-pooling', 'bulkheads', 'thread-pools', 'async-processing', 'job-queues', 'priority-queues',
  ],
  operability: [
    'operability', 'feature-flags', 'deployment', 'safety', 'dark-launching', 'observability', 'monitoring',
    'alerting', 'tracing', 'logging', 'metrics', 'slos', 'incident-response', 'runbooks', 'canary-releases',
    'blue-green-deployment', 'rolling-updates', 'rollback', 'configuration', 'health-checks', 'self-healing',
    'chaos-engineering', 'fault-injection', 'disaster-recovery', 'backups', 'failover', 'high-availability',
    'service-discovery', 'sidecars', 'infrastructure-as-code', 'gitops', 'continuous-delivery', 'release-trains',
    'progressive-delivery', 'kill-switch', 'circuit-breaker', 'timeouts', 'load-shedding', 'graceful-degradation',
    'heartbeats', 'leader-election', 'on-call', 'postmortems', 'error-budgets', 'audit', 'compliance',
    'secrets-management', 'access-control', 'multi-region', 'zero-downtime', 'schema-migrations', 'versioning',
    'blast-radius', 'shadow-traffic', 'synthetic-monitoring', 'capacity-alerts', 'cost-control',
  ],
  apis: [
    'apis', 'idempotency', 'reliability', 'payments', 'distributed-systems', 'rest', 'grpc', 'graphql',
    'webhooks', 'http', 'rate-limiting', 'throttling', 'pagination', 'api-gateway', 'backend-for-frontend',
    'api-versioning', 'contracts', 'openapi', 'authentication', 'authorization', 'oauth', 'tokens', 'retries',
    'exponential-backoff', 'jitter', 'deduplication', 'request-hedging', 'long-polling', 'websockets',
    'server-sent-events', 'conditional-requests', 'etags', 'optimistic-concurrency', 'batch-apis',
    'bulk-operations', 'async-apis', 'callbacks', 'polling', 'anti-corruption-layer', 'adapters', 'facades',
    'proxies', 'ambassador', 'client-libraries', 'sdk-design', 'error-handling', 'problem-details',
    'input-validation', 'schema-evolution', 'backward-compatibility', 'deprecation', 'partner-integrations',
    'billing', 'checkout', 'orders', 'refunds', 'subscriptions', 'fraud-detection',
  ],
  consistency: [
    'consistency', 'messaging', 'transactions', 'compensation', 'immutability', 'eventual-consistency',
    'strong-consistency', 'causal-consistency', 'consensus', 'raft', 'paxos', 'quorum', 'replication',
    'conflict-resolution', 'crdts', 'vector-clocks', 'lamport-clocks', 'two-phase-commit', 'sagas',
    'outbox', 'inbox', 'change-data-capture', 'exactly-once', 'at-least-once', 'at-most-once', 'ordering',
    'sequence-numbers', 'fencing-tokens', 'distributed-locks', 'leases', 'optimistic-locking',
    'pessimistic-locking', 'mvcc', 'snapshot-isolation', 'serializability', 'read-your-writes',
    'monotonic-reads', 'write-ahead-log', 'event-log', 'ledgers', 'double-entry', 'reconciliation',
    'data-integrity', 'invariants', 'workflow', 'orchestration', 'choreography', 'process-managers',
    'state-machines', 'dead-letter-queues', 'poison-messages', 'replay', 'audit-trail', 'temporal-data',
    'bitemporal', 'tombstones', 'anti-entropy', 'read-repair', 'split-brain',
  ],
  performance: [
    'caching', 'performance', 'database', 'latency', 'read-heavy', 'write-heavy', 'cache-invalidation',
    'cache-aside', 'write-through', 'write-behind', 'ttl', 'cache-stampede', 'request-coalescing',
    'memoization', 'precomputation', 'indexing', 'query-optimization', 'n-plus-one', 'connection-reuse',
    'compression', 'serialization', 'binary-protocols', 'zero-copy', 'memory', 'cpu', 'io', 'tail-latency',
    'p99', 'prefetching', 'lazy-loading', 'pagination-cursors', 'read-replicas', 'in-memory', 'redis',
    'memcached', 'postgres', 'mysql', 'dynamodb', 'cassandra', 'elasticsearch', 'search', 'bloom-filters',
    'hashing', 'lsm-trees', 'b-trees', 'columnar-storage', 'olap', 'oltp', 'analytics', 'hot-paths',
    'cold-start', 'warm-up', 'profiling', 'benchmarking', 'load-testing', 'object-storage', 'cdn-caching',
    'edge-caching', 'http-caching',
  ],
};

/** Business things the systems handle; each also names events and commands (OrderShipped, ShipOrder). */
export const ENTITIES = [
  'order', 'invoice', 'payment', 'refund', 'shipment', 'parcel', 'coupon', 'voucher', 'basket', 'cart', 'account',
  'customer', 'tenant', 'subscription', 'plan', 'quote', 'booking', 'reservation', 'ticket', 'seat', 'flight',
  'room', 'claim', 'policy', 'premium', 'loan', 'transfer', 'wallet', 'balance', 'statement', 'payout', 'merchant',
  'seller', 'listing', 'product', 'variant', 'price', 'discount', 'promotion', 'warehouse', 'pallet', 'courier',
  'route', 'driver', 'vehicle', 'trip', 'fare', 'rider', 'patient', 'appointment', 'prescription', 'device',
  'sensor', 'reading', 'meter', 'alert', 'incident', 'deployment', 'build', 'release', 'artifact', 'container',
  'job', 'task', 'schedule', 'report', 'export', 'document', 'attachment', 'comment', 'message', 'notification',
  'email', 'session', 'login', 'credential', 'webhook', 'playlist', 'track', 'video', 'upload', 'thumbnail',
  'transcript', 'course', 'enrollment', 'grade', 'exam', 'survey', 'response', 'lead', 'opportunity', 'contract',
  'signature', 'approval', 'expense', 'receipt', 'timesheet', 'payslip', 'employee', 'candidate', 'interview',
  'offer', 'review', 'rating', 'question', 'answer', 'post', 'feed', 'follower', 'badge', 'reward', 'point',
  'auction', 'bid', 'lot', 'stock', 'trade', 'position', 'portfolio', 'dividend', 'tax', 'shipment-label',
  'return', 'exchange', 'chargeback', 'dispute', 'mandate', 'card', 'token', 'license', 'seatmap', 'itinerary',
  'voucher-code', 'gift-card', 'menu', 'recipe', 'kitchen-ticket', 'table', 'delivery-slot', 'prescription-refill',
];

/** Past-tense verbs that make event names from entities: OrderShipped. */
export const EVENT_VERBS = [
  'Created', 'Updated', 'Cancelled', 'Confirmed', 'Shipped', 'Delivered', 'Refunded', 'Settled', 'Expired', 'Renewed',
  'Reserved', 'Released', 'Approved', 'Rejected', 'Submitted', 'Archived', 'Restored', 'Assigned', 'Completed',
  'Failed', 'Retried', 'Paid', 'Captured', 'Voided', 'Scheduled', 'Published', 'Received', 'Verified', 'Flagged',
  'Merged',
];

/** Imperative verbs that make command names from entities: ShipOrder. */
export const COMMAND_VERBS = [
  'Create', 'Update', 'Cancel', 'Confirm', 'Ship', 'Refund', 'Settle', 'Renew', 'Reserve', 'Release', 'Approve',
  'Reject', 'Submit', 'Archive', 'Assign', 'Complete', 'Capture', 'Void', 'Schedule', 'Publish', 'Verify', 'Place',
];

/** Technologies a pattern's text mentions. */
export const TECHNOLOGIES = [
  'Kafka', 'PostgreSQL', 'Redis', 'DynamoDB', 'Kubernetes', 'Envoy', 'Istio', 'Consul', 'etcd', 'ZooKeeper',
  'Cassandra', 'Spanner', 'CockroachDB', 'Flink', 'Spark', 'Debezium', 'NATS', 'RabbitMQ', 'gRPC', 'Protobuf',
  'Avro', 'OpenTelemetry', 'Prometheus', 'Grafana', 'Jaeger', 'Nginx', 'HAProxy', 'Varnish', 'Memcached', 'S3',
  'Lambda', 'SQS', 'SNS', 'Kinesis', 'EventBridge', 'Temporal', 'Airflow', 'MySQL', 'MongoDB', 'Elasticsearch',
  'ClickHouse', 'Pulsar', 'Vault', 'Terraform', 'Linkerd', 'Cloudflare Workers', 'Azure Service Bus', 'Pub/Sub',
  'Step Functions', 'Celery', 'Sidekiq', 'Resque', 'BullMQ', 'Hazelcast', 'Ignite', 'Couchbase', 'Riak', 'Vitess',
  'TiDB', 'YugabyteDB',
];
