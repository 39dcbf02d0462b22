-- dropsync automation: the CJ webhook log (also the duplicate filter), low- and out-of-stock alerts,
-- and the ciphertexts of tenants' encrypted secrets (JdbcWebhookLogStore, JdbcStockAlertStore,
-- JdbcCiphertextStore). Tenant-owned, guarded by row-level security (see V1): one policy per table,
-- tenant_id = dropsync_tenant() for USING and WITH CHECK; the system scope grants nothing here.
-- Instants the SPIs return are stored as exact nanoseconds since the epoch (*_ns, which the queries
-- filter and sort on) next to a human-readable timestamptz. Ids are text COLLATE "C" (code point
-- order whatever the database locale).

-- One row per webhook delivery (a verified message under its message id; a refused one under
-- 'unverified:<generated id>'). The primary key is the duplicate filter: a second delivery of a
-- message id is an INSERT ... ON CONFLICT DO NOTHING that inserts nothing.
CREATE TABLE webhook_logs (
  tenant_id         text COLLATE "C" NOT NULL,
  log_id            text COLLATE "C" NOT NULL,
  message_id        text COLLATE "C",
  type              text,
  message_type      text,
  received_at       timestamptz NOT NULL,
  received_ns       bigint      NOT NULL,
  verified          boolean     NOT NULL,
  processed         boolean     NOT NULL,
  outcome           text        NOT NULL CHECK (outcome IN ('QUEUED', 'APPLIED', 'IGNORED', 'FAILED', 'REJECTED')),
  detail            text,
  duplicates        int         NOT NULL DEFAULT 0 CHECK (duplicates >= 0),
  last_duplicate_at timestamptz,
  last_duplicate_ns bigint,
  task_id           text COLLATE "C",
  processed_at      timestamptz,
  processed_ns      bigint,
  -- the raw body (UTF-8) of a verified message, kept for processing; NULL for refused deliveries
  body              text,
  PRIMARY KEY (tenant_id, log_id),
  CHECK (verified = (outcome <> 'REJECTED')),
  CHECK (processed = (outcome IN ('APPLIED', 'IGNORED', 'FAILED'))),
  CHECK (NOT verified OR message_id = log_id),
  CHECK ((processed_ns IS NULL) = (processed_at IS NULL)),
  CHECK ((last_duplicate_ns IS NULL) = (last_duplicate_at IS NULL))
);
-- list (keyset by receivedAt, logId within [from, to)) and retention (received before a cutoff)
CREATE INDEX webhook_logs_received ON webhook_logs (tenant_id, received_ns, log_id);

-- One row per alert; at most one open alert per (tenant, variant, kind): the partial unique index
-- makes open() an INSERT ... ON CONFLICT DO NOTHING, also across processes.
CREATE TABLE stock_alerts (
  tenant_id    text COLLATE "C" NOT NULL,
  alert_id     text COLLATE "C" NOT NULL,
  product_id   text COLLATE "C" NOT NULL,
  variant_id   text COLLATE "C" NOT NULL,
  sku          text        NOT NULL,
  kind         text        NOT NULL CHECK (kind IN ('LOW_STOCK', 'OUT_OF_STOCK')),
  available    bigint      NOT NULL,
  threshold    bigint      NOT NULL CHECK (threshold >= 0),
  opened_at    timestamptz NOT NULL,
  opened_ns    bigint      NOT NULL,
  delivered_at timestamptz,
  delivered_ns bigint,
  closed_at    timestamptz,
  closed_ns    bigint,
  PRIMARY KEY (tenant_id, alert_id),
  CHECK ((delivered_ns IS NULL) = (delivered_at IS NULL)),
  CHECK ((closed_ns IS NULL) = (closed_at IS NULL))
);
CREATE UNIQUE INDEX stock_alerts_one_open ON stock_alerts (tenant_id, variant_id, kind) WHERE closed_ns IS NULL;
-- openAlerts: the open ones by (openedAt, alertId); history: every alert opened in [from, to)
CREATE INDEX stock_alerts_open_by_time ON stock_alerts (tenant_id, opened_ns, alert_id) WHERE closed_ns IS NULL;
CREATE INDEX stock_alerts_opened ON stock_alerts (tenant_id, opened_ns, alert_id);

-- The rows under EncryptedSecretStore: ciphertext only (AES-256-GCM with the tenant, the name and
-- the key id as additional authenticated data). Nothing here reveals a secret without the key ring,
-- which never reaches the database.
CREATE TABLE secret_ciphertexts (
  tenant_id  text COLLATE "C" NOT NULL,
  name       text COLLATE "C" NOT NULL,
  key_id     text        NOT NULL,
  nonce      bytea       NOT NULL CHECK (octet_length(nonce) = 12),
  ciphertext bytea       NOT NULL CHECK (octet_length(ciphertext) >= 16),
  -- for operators (when a row was last written); the stores never read it
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, name)
);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['webhook_logs', 'stock_alerts', 'secret_ciphertexts'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I USING (tenant_id = dropsync_tenant()) '
                   'WITH CHECK (tenant_id = dropsync_tenant())', t || '_tenant', t);
  END LOOP;
END $$;
