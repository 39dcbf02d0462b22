-- dropsync fulfilment: orders, supplier orders, commission ledger, communication log, daily metrics.
--
-- Every table is tenant-owned and guarded by row-level security on dropsync_tenant() (see V1).
-- Times are stored twice: a timestamptz for people and SQL tools, and the exact instant as
-- nanoseconds since the epoch (*_ns, bigint) that the stores query and order on, so a record
-- reads back exactly as it was written. Records with nested structure (orders, supplier orders)
-- keep their full document in a jsonb column `doc`, which is authoritative; the scalar columns
-- and child tables (order_lines, order_status_history, order_refunds) are written in the same
-- transaction for indexing and reporting.

CREATE TABLE orders (
  tenant_id          text        NOT NULL,
  order_id           text        NOT NULL,
  status             text        NOT NULL,
  fulfillment_status text        NOT NULL,
  currency           char(3)     NOT NULL,
  created_at         timestamptz NOT NULL,
  created_ns         bigint      NOT NULL,
  updated_at         timestamptz NOT NULL,
  version            bigint      NOT NULL,
  doc                jsonb       NOT NULL,
  PRIMARY KEY (tenant_id, order_id)
);
CREATE INDEX orders_created ON orders (tenant_id, created_ns);
CREATE INDEX orders_status ON orders (tenant_id, status);

CREATE TABLE order_lines (
  tenant_id  text    NOT NULL,
  order_id   text    NOT NULL,
  line_no    int     NOT NULL,
  variant_id text    NOT NULL,
  quantity   bigint  NOT NULL CHECK (quantity > 0),
  unit_price numeric NOT NULL CHECK (unit_price >= 0),
  currency   char(3) NOT NULL,
  PRIMARY KEY (tenant_id, order_id, line_no),
  FOREIGN KEY (tenant_id, order_id) REFERENCES orders (tenant_id, order_id) ON DELETE CASCADE
);
CREATE INDEX order_lines_variant ON order_lines (tenant_id, variant_id);

CREATE TABLE order_status_history (
  tenant_id   text        NOT NULL,
  order_id    text        NOT NULL,
  seq         int         NOT NULL,
  from_status text,
  to_status   text        NOT NULL,
  at          timestamptz NOT NULL,
  actor       text        NOT NULL,
  reason      text        NOT NULL,
  PRIMARY KEY (tenant_id, order_id, seq),
  FOREIGN KEY (tenant_id, order_id) REFERENCES orders (tenant_id, order_id) ON DELETE CASCADE
);

CREATE TABLE order_refunds (
  tenant_id text        NOT NULL,
  order_id  text        NOT NULL,
  refund_id text        NOT NULL,
  amount    numeric     NOT NULL CHECK (amount > 0),
  currency  char(3)     NOT NULL,
  reason    text        NOT NULL,
  at        timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, order_id, refund_id),
  FOREIGN KEY (tenant_id, order_id) REFERENCES orders (tenant_id, order_id) ON DELETE CASCADE
);

-- One row per shipment group sent to a supplier. The reference is UNIQUE per tenant: placing the
-- same group twice is impossible, a second insert is a no-op (ON CONFLICT DO NOTHING).
CREATE TABLE supplier_orders (
  tenant_id         text        NOT NULL,
  reference         text        NOT NULL,
  order_id          text        NOT NULL,
  group_no          int         NOT NULL,
  supplier_id       text        NOT NULL,
  status            text        NOT NULL,
  supplier_order_id text,
  tracking_number   text,
  created_at        timestamptz NOT NULL,
  updated_at        timestamptz NOT NULL,
  version           bigint      NOT NULL,
  doc               jsonb       NOT NULL,
  PRIMARY KEY (tenant_id, reference)
);
CREATE INDEX supplier_orders_order ON supplier_orders (tenant_id, order_id, group_no);
CREATE INDEX supplier_orders_status ON supplier_orders (tenant_id, status);
CREATE INDEX supplier_orders_supplier_id ON supplier_orders (tenant_id, supplier_order_id)
  WHERE supplier_order_id IS NOT NULL;

-- Append-only commission / earnings ledger (sales positive, refunds negative).
CREATE TABLE commission_ledger (
  tenant_id   text        NOT NULL,
  entry_id    text        NOT NULL,
  seq         bigserial   NOT NULL,
  order_id    text        NOT NULL,
  kind        text        NOT NULL CHECK (kind IN ('SALE', 'REFUND')),
  currency    char(3)     NOT NULL,
  base        numeric     NOT NULL,
  client      numeric     NOT NULL,
  platform    numeric     NOT NULL,
  client_rate numeric     NOT NULL,
  at          timestamptz NOT NULL,
  at_ns       bigint      NOT NULL,
  split       jsonb       NOT NULL,
  PRIMARY KEY (tenant_id, entry_id),
  CHECK (client + platform = base)
);
CREATE INDEX commission_ledger_at ON commission_ledger (tenant_id, at_ns, seq);
CREATE INDEX commission_ledger_order ON commission_ledger (tenant_id, order_id);

-- Customer communication log: one row per (order, event), so a notification is sent at most once.
CREATE TABLE order_communications (
  tenant_id  text        NOT NULL,
  order_id   text        NOT NULL,
  event_key  text        NOT NULL,
  seq        bigserial   NOT NULL,
  type       text        NOT NULL,
  status     text        NOT NULL,
  attempts   int         NOT NULL,
  last_error text,
  created_at timestamptz NOT NULL,
  created_ns bigint      NOT NULL,
  updated_at timestamptz NOT NULL,
  updated_ns bigint      NOT NULL,
  version    bigint      NOT NULL,
  PRIMARY KEY (tenant_id, order_id, event_key)
);

-- Daily fulfilment KPI snapshots, one per tenant and day.
CREATE TABLE fulfillment_metrics (
  tenant_id    text        NOT NULL,
  day          date        NOT NULL,
  zone         text        NOT NULL,
  orders       int         NOT NULL,
  success_rate double precision,
  on_time_rate double precision,
  late_unshipped int       NOT NULL,
  kpis         jsonb       NOT NULL,
  saved_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, day)
);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['orders', 'order_lines', 'order_status_history', 'order_refunds', 'supplier_orders',
                           'commission_ledger', 'order_communications', 'fulfillment_metrics'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I USING (tenant_id = dropsync_tenant()) '
                   'WITH CHECK (tenant_id = dropsync_tenant())', t || '_tenant', t);
  END LOOP;
END $$;
