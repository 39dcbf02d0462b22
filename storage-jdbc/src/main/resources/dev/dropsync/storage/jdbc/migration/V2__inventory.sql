-- dropsync inventory: tenants, products, variants with stock, the append-only stock ledger,
-- reservations, pricing rules, sync runs and their items (JdbcInventoryStore).
--
-- Every table is tenant-owned and guarded by row-level security on dropsync_tenant() (see V1).
-- Ids are text COLLATE "C", so keyset paging orders them by code point whatever the database
-- locale (the order the in-memory reference uses). Instants the SPI returns are stored as exact
-- nanoseconds since the epoch (*_ns) next to a timestamptz for people and SQL tools.
--
-- Locking discipline (every SPI call is one transaction; locks are taken in this order, so two
-- calls never wait on each other in a cycle):
--   1. inventory_reservations row of the order ref (reserve / release / commit),
--   2. inventory_products rows, in product_id order (stock and status changes lock the product:
--      its version bumps with every change),
--   3. the inventory_tenants row (active-product count and ledger sequence), last and briefly.

-- One row per tenant. active_count is the number of ACTIVE products, kept in the same transaction
-- as every status change (the plan-limit check reads it under this row's lock, so two
-- activations at 9 of 10 cannot both pass). ledger_seq is the last ledger sequence handed out:
-- sequences are gap-free per tenant and in commit order, so a reader paging the ledger by
-- sequence never skips a row that commits later.
CREATE TABLE inventory_tenants (
  tenant_id           text COLLATE "C" NOT NULL PRIMARY KEY,
  plan                text        NOT NULL,
  currency            char(3)     NOT NULL,
  out_of_stock_policy text        NOT NULL CHECK (out_of_stock_policy IN ('DEACTIVATE', 'SET_ZERO', 'KEEP')),
  low_stock_threshold bigint      CHECK (low_stock_threshold >= 0),
  active_count        int         NOT NULL DEFAULT 0 CHECK (active_count >= 0),
  ledger_seq          bigint      NOT NULL DEFAULT 0 CHECK (ledger_seq >= 0),
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE inventory_products (
  tenant_id           text COLLATE "C" NOT NULL REFERENCES inventory_tenants (tenant_id),
  product_id          text COLLATE "C" NOT NULL,
  supplier_id         text        NOT NULL,
  supplier_product_id text        NOT NULL,
  title               text        NOT NULL,
  category            text        NOT NULL,
  tags                text[]      NOT NULL,
  status              text        NOT NULL
    CHECK (status IN ('DRAFT', 'ACTIVE', 'INACTIVE_OUT_OF_STOCK', 'INACTIVE', 'ARCHIVED')),
  out_of_stock_policy text        CHECK (out_of_stock_policy IN ('DEACTIVATE', 'SET_ZERO', 'KEEP')),
  low_stock_threshold bigint      CHECK (low_stock_threshold >= 0),
  version             bigint      NOT NULL CHECK (version >= 1),
  created_at          timestamptz NOT NULL,
  created_ns          bigint      NOT NULL,
  updated_at          timestamptz NOT NULL,
  updated_ns          bigint      NOT NULL,
  PRIMARY KEY (tenant_id, product_id),
  -- one product per tenant and supplier product: concurrent imports store exactly one
  UNIQUE (tenant_id, supplier_id, supplier_product_id)
);
CREATE INDEX inventory_products_active ON inventory_products (tenant_id) WHERE status = 'ACTIVE';

-- The variants of a product, in the product's order (position). Stock lives here:
-- available = on_hand - reserved (never below 0); reserved may exceed on_hand after a supplier
-- sync lowered the level (oversold), which is flagged, not clamped.
CREATE TABLE inventory_variants (
  tenant_id           text COLLATE "C" NOT NULL,
  variant_id          text COLLATE "C" NOT NULL,
  product_id          text COLLATE "C" NOT NULL,
  position            int         NOT NULL CHECK (position >= 0),
  supplier_variant_id text        NOT NULL,
  sku                 text        NOT NULL,
  currency            char(3)     NOT NULL,
  cost                numeric     NOT NULL CHECK (cost >= 0),
  on_hand             bigint      NOT NULL CHECK (on_hand >= 0),
  reserved            bigint      NOT NULL CHECK (reserved >= 0),
  retail_price        numeric     NOT NULL,
  compare_at_price    numeric,
  manual_price        boolean     NOT NULL,
  below_margin_floor  boolean     NOT NULL,
  low_stock_threshold bigint      CHECK (low_stock_threshold >= 0),
  PRIMARY KEY (tenant_id, variant_id),
  UNIQUE (tenant_id, product_id, position),
  FOREIGN KEY (tenant_id, product_id) REFERENCES inventory_products (tenant_id, product_id)
);
CREATE INDEX inventory_variants_supplier ON inventory_variants (tenant_id, supplier_variant_id);

-- The append-only stock ledger: one row per change of on-hand or reserved, never updated or
-- deleted (a trigger refuses both, for every role). A variant's stock is the sum of its rows.
CREATE TABLE inventory_ledger (
  tenant_id      text COLLATE "C" NOT NULL,
  seq            bigint      NOT NULL CHECK (seq >= 1),
  product_id     text COLLATE "C" NOT NULL,
  variant_id     text COLLATE "C" NOT NULL,
  delta_on_hand  bigint      NOT NULL,
  delta_reserved bigint      NOT NULL,
  reason         text        NOT NULL
    CHECK (reason IN ('SUPPLIER_SYNC', 'RESERVATION', 'RELEASE', 'COMMIT', 'MANUAL_ADJUSTMENT')),
  ref            text        NOT NULL,
  at             timestamptz NOT NULL,
  at_ns          bigint      NOT NULL,
  PRIMARY KEY (tenant_id, seq),
  FOREIGN KEY (tenant_id, variant_id) REFERENCES inventory_variants (tenant_id, variant_id)
);
CREATE INDEX inventory_ledger_variant ON inventory_ledger (tenant_id, variant_id, seq);

CREATE OR REPLACE FUNCTION dropsync_ledger_append_only() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'inventory_ledger is append-only: % of sequence % (tenant %) refused', TG_OP, OLD.seq, OLD.tenant_id
    USING ERRCODE = 'restrict_violation';
END $$;
CREATE TRIGGER inventory_ledger_append_only BEFORE UPDATE OR DELETE ON inventory_ledger
  FOR EACH ROW EXECUTE FUNCTION dropsync_ledger_append_only();

-- Stock held for an order reference, all lines or none; ACTIVE -> COMMITTED | RELEASED (terminal).
CREATE TABLE inventory_reservations (
  tenant_id  text COLLATE "C" NOT NULL REFERENCES inventory_tenants (tenant_id),
  order_ref  text COLLATE "C" NOT NULL,
  status     text        NOT NULL CHECK (status IN ('ACTIVE', 'COMMITTED', 'RELEASED')),
  created_at timestamptz NOT NULL,
  created_ns bigint      NOT NULL,
  updated_at timestamptz NOT NULL,
  updated_ns bigint      NOT NULL,
  PRIMARY KEY (tenant_id, order_ref)
);
CREATE INDEX inventory_reservations_active ON inventory_reservations (tenant_id, created_ns, order_ref)
  WHERE status = 'ACTIVE';

CREATE TABLE inventory_reservation_lines (
  tenant_id  text COLLATE "C" NOT NULL,
  order_ref  text COLLATE "C" NOT NULL,
  line_no    int         NOT NULL CHECK (line_no >= 0),
  variant_id text COLLATE "C" NOT NULL,
  quantity   bigint      NOT NULL CHECK (quantity >= 1),
  PRIMARY KEY (tenant_id, order_ref, line_no),
  UNIQUE (tenant_id, order_ref, variant_id),
  FOREIGN KEY (tenant_id, order_ref) REFERENCES inventory_reservations (tenant_id, order_ref),
  FOREIGN KEY (tenant_id, variant_id) REFERENCES inventory_variants (tenant_id, variant_id)
);

-- Pricing rules per scope (TENANT with key '', CATEGORY name, PRODUCT id). The rule is a JSON
-- document whose decimals are strings, so every value keeps its exact scale.
CREATE TABLE inventory_pricing_rules (
  tenant_id   text COLLATE "C" NOT NULL REFERENCES inventory_tenants (tenant_id),
  scope_level text        NOT NULL CHECK (scope_level IN ('TENANT', 'CATEGORY', 'PRODUCT')),
  scope_key   text        NOT NULL,
  rule        jsonb       NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, scope_level, scope_key)
);

-- Sync runs in the order they were first saved (seq), and what each did to every product.
CREATE TABLE inventory_sync_runs (
  tenant_id   text COLLATE "C" NOT NULL REFERENCES inventory_tenants (tenant_id),
  run_id      text COLLATE "C" NOT NULL,
  seq         bigint      GENERATED ALWAYS AS IDENTITY,
  status      text        NOT NULL CHECK (status IN ('RUNNING', 'COMPLETED', 'CANCELLED')),
  started_at  timestamptz NOT NULL,
  started_ns  bigint      NOT NULL,
  finished_at timestamptz,
  finished_ns bigint,
  total       int         NOT NULL CHECK (total >= 0),
  updated     int         NOT NULL CHECK (updated >= 0),
  unchanged   int         NOT NULL CHECK (unchanged >= 0),
  failed      int         NOT NULL CHECK (failed >= 0),
  PRIMARY KEY (tenant_id, run_id)
);
CREATE INDEX inventory_sync_runs_order ON inventory_sync_runs (tenant_id, seq);

CREATE TABLE inventory_sync_items (
  tenant_id  text COLLATE "C" NOT NULL REFERENCES inventory_tenants (tenant_id),
  run_id     text COLLATE "C" NOT NULL,
  product_id text COLLATE "C" NOT NULL,
  outcome    text        NOT NULL CHECK (outcome IN ('PENDING', 'UPDATED', 'UNCHANGED', 'FAILED')),
  error      text,
  PRIMARY KEY (tenant_id, run_id, product_id)
);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['inventory_tenants', 'inventory_products', 'inventory_variants', 'inventory_ledger',
                           'inventory_reservations', 'inventory_reservation_lines', 'inventory_pricing_rules',
                           'inventory_sync_runs', 'inventory_sync_items'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I USING (tenant_id = dropsync_tenant()) '
                   'WITH CHECK (tenant_id = dropsync_tenant())', t || '_tenant', t);
  END LOOP;
END $$;
