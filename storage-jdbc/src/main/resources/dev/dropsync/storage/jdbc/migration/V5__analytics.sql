-- dropsync analytics: sales ledger, daily stock history and the daily snapshot tables
-- product_analytics and inventory_health. Tenant-owned, guarded by row-level security (see V1).
-- Sale and return times are stored as timestamptz plus exact nanoseconds since the epoch (at_ns),
-- which queries use. Money is an amount (numeric, exact scale) next to its ISO currency code.

CREATE TABLE analytics_sales (
  tenant_id  text        NOT NULL,
  order_ref  text        NOT NULL,
  variant_id text        NOT NULL,
  product_id text        NOT NULL,
  seq        bigserial   NOT NULL,
  quantity   bigint      NOT NULL CHECK (quantity > 0),
  unit_price numeric     NOT NULL CHECK (unit_price >= 0),
  unit_cost  numeric     NOT NULL CHECK (unit_cost >= 0),
  currency   char(3)     NOT NULL,
  at         timestamptz NOT NULL,
  at_ns      bigint      NOT NULL,
  PRIMARY KEY (tenant_id, order_ref, variant_id)
);
CREATE INDEX analytics_sales_at ON analytics_sales (tenant_id, at_ns, seq);
CREATE INDEX analytics_sales_product_at ON analytics_sales (tenant_id, product_id, at_ns, seq);

CREATE TABLE analytics_returns (
  tenant_id  text        NOT NULL,
  order_ref  text        NOT NULL,
  variant_id text        NOT NULL,
  product_id text        NOT NULL,
  seq        bigserial   NOT NULL,
  quantity   bigint      NOT NULL CHECK (quantity > 0),
  at         timestamptz NOT NULL,
  at_ns      bigint      NOT NULL,
  PRIMARY KEY (tenant_id, order_ref, variant_id),
  FOREIGN KEY (tenant_id, order_ref, variant_id) REFERENCES analytics_sales (tenant_id, order_ref, variant_id)
);
CREATE INDEX analytics_returns_at ON analytics_returns (tenant_id, at_ns, seq);
CREATE INDEX analytics_returns_product_at ON analytics_returns (tenant_id, product_id, at_ns, seq);

CREATE TABLE stock_history (
  tenant_id           text    NOT NULL,
  variant_id          text    NOT NULL,
  day                 date    NOT NULL,
  product_id          text    NOT NULL,
  on_hand             bigint  NOT NULL CHECK (on_hand >= 0),
  unit_cost           numeric NOT NULL CHECK (unit_cost >= 0),
  currency            char(3) NOT NULL,
  state               text    NOT NULL CHECK (state IN ('ACTIVE', 'OUT_OF_STOCK', 'INACTIVE')),
  low_stock_threshold bigint  NOT NULL CHECK (low_stock_threshold >= 0),
  PRIMARY KEY (tenant_id, variant_id, day)
);
CREATE INDEX stock_history_day ON stock_history (tenant_id, day, variant_id);
CREATE INDEX stock_history_product_day ON stock_history (tenant_id, product_id, day, variant_id);

CREATE TABLE product_analytics (
  tenant_id            text    NOT NULL,
  day                  date    NOT NULL,
  product_id           text    NOT NULL,
  units_sold           bigint  NOT NULL CHECK (units_sold >= 0),
  units_returned       bigint  NOT NULL CHECK (units_returned >= 0),
  revenue              numeric NOT NULL,
  revenue_currency     char(3) NOT NULL,
  profit               numeric NOT NULL,
  profit_currency      char(3) NOT NULL,
  return_rate          numeric,
  velocity             numeric,
  turnover             numeric,
  days_of_inventory    numeric,
  closing_stock        bigint  NOT NULL CHECK (closing_stock >= 0),
  stock_value          numeric NOT NULL,
  stock_value_currency char(3) NOT NULL,
  score                int     NOT NULL CHECK (score BETWEEN 0 AND 100),
  PRIMARY KEY (tenant_id, day, product_id)
);
CREATE INDEX product_analytics_history ON product_analytics (tenant_id, product_id, day);

CREATE TABLE inventory_health (
  tenant_id             text    NOT NULL,
  day                   date    NOT NULL,
  stock_value           numeric NOT NULL,
  stock_value_currency  char(3) NOT NULL,
  active_products       int     NOT NULL CHECK (active_products >= 0),
  low_stock_products    int     NOT NULL CHECK (low_stock_products >= 0),
  out_of_stock_products int     NOT NULL CHECK (out_of_stock_products >= 0),
  inactive_products     int     NOT NULL CHECK (inactive_products >= 0),
  units_sold            bigint  NOT NULL CHECK (units_sold >= 0),
  revenue               numeric NOT NULL,
  revenue_currency      char(3) NOT NULL,
  average_stock         numeric,
  turnover              numeric,
  days_of_inventory     numeric,
  sell_through          numeric,
  PRIMARY KEY (tenant_id, day)
);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['analytics_sales', 'analytics_returns', 'stock_history', 'product_analytics',
                           'inventory_health'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I USING (tenant_id = dropsync_tenant()) '
                   'WITH CHECK (tenant_id = dropsync_tenant())', t || '_tenant', t);
  END LOOP;
END $$;
