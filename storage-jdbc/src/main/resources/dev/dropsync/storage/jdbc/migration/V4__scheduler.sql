-- dropsync scheduler: tasks (one row per pending execution) and recurring schedules (JdbcTaskStore).
--
-- tenant_id is the scheduler's owner (AutomationTask.owner, Schedule.owner): the tenant id for
-- dropsync's own task types. Row-level security on these tables has two permissive policies:
--   <table>_tenant  tenant_id = dropsync_tenant()   -- a tenant-scoped session sees only its rows
--   <table>_system  dropsync_is_system()            -- the scheduler's claim loop, across tenants
-- Out of the box the system policy applies to every role that sets dropsync.scope = 'system' (a
-- guard rail against accidental cross-tenant SQL). DropsyncSchema.restrictSystemScope(owner, role)
-- narrows it to one role (ALTER POLICY ... TO role): then only the scheduler's role can work
-- across tenants, and the application role, even in system scope, sees no one else's tasks.

CREATE TABLE automation_tasks (
  id             text COLLATE "C" NOT NULL PRIMARY KEY,
  tenant_id      text COLLATE "C" NOT NULL,
  task_type      text COLLATE "C" NOT NULL,
  instance_key   text COLLATE "C" NOT NULL,
  priority       smallint    NOT NULL CHECK (priority IN (10, 50, 90, 100)),
  -- 0 LOW, 1 MEDIUM, 2 HIGH, 3 CRITICAL: the level priority aging adds to
  priority_level smallint    NOT NULL
    GENERATED ALWAYS AS (CASE priority WHEN 10 THEN 0 WHEN 50 THEN 1 WHEN 90 THEN 2 ELSE 3 END) STORED,
  status         text        NOT NULL CHECK (status IN ('PENDING', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED')),
  payload        jsonb       NOT NULL,
  retry_count    int         NOT NULL CHECK (retry_count >= 0),
  max_retries    int         NOT NULL CHECK (max_retries >= 0),
  created_at     timestamptz NOT NULL,
  created_ns     bigint      NOT NULL,
  scheduled_at   timestamptz NOT NULL,
  scheduled_ns   bigint      NOT NULL,
  started_at     timestamptz,
  started_ns     bigint,
  finished_at    timestamptz,
  finished_ns    bigint,
  last_error     text,
  picked_by      text,
  heartbeat_at   timestamptz,
  heartbeat_ns   bigint,
  -- the database's clock at the claim and at each heartbeat (dead-claim detection that does not
  -- depend on the nodes' clocks, JdbcTaskStore.HeartbeatClock.DATABASE)
  heartbeat_db   timestamptz,
  -- order of the claim (fairness: which owner was served last)
  claim_seq      bigint,
  version        bigint      NOT NULL CHECK (version >= 0),
  schedule_id    text COLLATE "C",
  timeout_ns     bigint      CHECK (timeout_ns > 0),
  -- the idempotency key: a second insert of one key is a no-op (or refused with another payload)
  UNIQUE (task_type, instance_key),
  CHECK ((status = 'RUNNING') = (picked_by IS NOT NULL))
) WITH (fillfactor = 90);

-- Claiming: per owner and priority level, oldest first (only PENDING rows are indexed).
CREATE INDEX automation_tasks_pending ON automation_tasks (tenant_id, priority_level, scheduled_ns, id)
  WHERE status = 'PENDING';
-- Running claims: per-type concurrency limits, per-owner load, dead-claim recovery.
CREATE INDEX automation_tasks_running ON automation_tasks (task_type) WHERE status = 'RUNNING';
CREATE INDEX automation_tasks_owner ON automation_tasks (tenant_id, created_ns, id);
CREATE INDEX automation_tasks_schedule ON automation_tasks (schedule_id)
  WHERE schedule_id IS NOT NULL AND status IN ('PENDING', 'RUNNING');

-- Fairness memory: the claim sequence of each owner's most recent claim (round robin among
-- equally loaded owners), written by the claiming transaction.
CREATE TABLE automation_task_owners (
  tenant_id      text COLLATE "C" NOT NULL PRIMARY KEY,
  last_claim_seq bigint NOT NULL
);
CREATE SEQUENCE automation_claim_seq;

CREATE TABLE automation_schedules (
  id                   text COLLATE "C" NOT NULL PRIMARY KEY,
  tenant_id            text COLLATE "C" NOT NULL,
  task_type            text        NOT NULL,
  -- Recurrence.spec(), e.g. 'daily 02:30 America/New_York' or 'cron UTC 0 */15 * * * ?'
  recurrence           text        NOT NULL,
  payload              jsonb       NOT NULL,
  priority             smallint    NOT NULL CHECK (priority IN (10, 50, 90, 100)),
  max_retries          int         NOT NULL CHECK (max_retries >= 0),
  task_timeout_ns      bigint      CHECK (task_timeout_ns > 0),
  misfire_policy       text        NOT NULL CHECK (misfire_policy IN ('FIRE_ONCE_NOW', 'SKIP_TO_NEXT', 'CATCH_UP')),
  misfire_max_catch_up int         NOT NULL CHECK (misfire_max_catch_up >= 1),
  overlap_policy       text        NOT NULL CHECK (overlap_policy IN ('ALLOW', 'SKIP', 'BUFFER_ONE')),
  active               boolean     NOT NULL,
  created_at           timestamptz NOT NULL,
  created_ns           bigint      NOT NULL,
  last_run_at          timestamptz,
  last_run_ns          bigint,
  next_run_at          timestamptz,
  next_run_ns          bigint,
  success_count        bigint      NOT NULL DEFAULT 0 CHECK (success_count >= 0),
  failure_count        bigint      NOT NULL DEFAULT 0 CHECK (failure_count >= 0)
);
CREATE INDEX automation_schedules_due ON automation_schedules (next_run_ns, id)
  WHERE active AND next_run_ns IS NOT NULL;
CREATE INDEX automation_schedules_owner ON automation_schedules (tenant_id, id);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['automation_tasks', 'automation_task_owners', 'automation_schedules'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I USING (tenant_id = dropsync_tenant()) '
                   'WITH CHECK (tenant_id = dropsync_tenant())', t || '_tenant', t);
    EXECUTE format('CREATE POLICY %I ON %I USING (dropsync_is_system()) WITH CHECK (dropsync_is_system())',
                   t || '_system', t);
  END LOOP;
END $$;
