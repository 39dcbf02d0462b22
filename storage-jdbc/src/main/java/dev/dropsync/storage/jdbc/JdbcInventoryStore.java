package dev.dropsync.storage.jdbc;

import dev.dropsync.inventory.InsufficientStockException;
import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.LedgerEntry;
import dev.dropsync.inventory.LedgerReason;
import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.NotFoundException;
import dev.dropsync.inventory.OutOfStockPolicy;
import dev.dropsync.inventory.Plan;
import dev.dropsync.inventory.Product;
import dev.dropsync.inventory.ProductId;
import dev.dropsync.inventory.ProductStatus;
import dev.dropsync.inventory.Reservation;
import dev.dropsync.inventory.ReservationConflictException;
import dev.dropsync.inventory.ReservationLine;
import dev.dropsync.inventory.ReservationStatus;
import dev.dropsync.inventory.SyncItem;
import dev.dropsync.inventory.SyncItemOutcome;
import dev.dropsync.inventory.SyncRun;
import dev.dropsync.inventory.SyncRunStatus;
import dev.dropsync.inventory.Tenant;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.Variant;
import dev.dropsync.inventory.VariantId;
import dev.dropsync.inventory.pricing.PricingRule;
import dev.dropsync.inventory.pricing.PricingScope;
import dev.dropsync.inventory.spi.InsertResult;
import dev.dropsync.inventory.spi.InventoryStore;
import dev.dropsync.inventory.spi.ReservationChange;
import dev.dropsync.inventory.spi.StatusChange;
import dev.dropsync.inventory.spi.StockChange;
import dev.dropsync.storage.jdbc.internal.InventoryDocs;
import dev.dropsync.storage.jdbc.internal.Sql;
import dev.dropsync.storage.jdbc.internal.Tx;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * An {@link InventoryStore} on PostgreSQL (migration {@code V2__inventory.sql}: tables {@code
 * inventory_tenants}, {@code inventory_products}, {@code inventory_variants}, {@code
 * inventory_ledger}, {@code inventory_reservations}, {@code inventory_reservation_lines}, {@code
 * inventory_pricing_rules}, {@code inventory_sync_runs}, {@code inventory_sync_items}).
 *
 * <p><b>One transaction per call.</b> Every SPI method runs in one transaction scoped to its
 * tenant ({@code SET LOCAL dropsync.tenant_id}), so row-level security confines it to that
 * tenant's rows, and everything it writes commits together or not at all:
 *
 * <ul>
 *   <li>{@link #changeStatus} (and {@link #tryActivate}) locks the product, then checks and moves
 *       the tenant's active count in one conditional {@code UPDATE} of the tenant row: two
 *       activations at 9 of 10 cannot both pass, in one process or many.
 *   <li>{@link #setOnHand}, {@link #adjustOnHand} and the reservation calls lock the variant and
 *       product rows, then write the stock, the product version and the ledger rows in one
 *       statement.
 *   <li>{@link #reserve} takes all lines or none. It first inserts the reservation row (so a
 *       concurrent reserve of the same order ref waits, then sees it), then locks the variants in
 *       variant-id order and their products in product-id order, so concurrent reservations never
 *       deadlock.
 *   <li>{@link #updateProduct} is a compare-and-set on {@code version}; {@link
 *       #insertProductIfAbsent} relies on the unique {@code (tenant, supplier, supplier product)}
 *       key, so concurrent imports of one supplier product store exactly one.
 * </ul>
 *
 * <p><b>Ledger sequences</b> come from a per-tenant counter taken last in the transaction: they are
 * gap-free and in commit order, so a reader paging {@link #ledger(TenantId, long, int)} never skips
 * a row that commits later. The ledger table refuses {@code UPDATE} and {@code DELETE} (trigger).
 *
 * <p>Serialization failures and deadlocks are retried; other database failures surface as {@link
 * JdbcStoreException}; domain errors ({@link NotFoundException}, {@link InvalidInputException},
 * {@link InsufficientStockException}, {@link ReservationConflictException}) roll the call back and
 * are thrown as the SPI documents.
 *
 * <p>Thread-safe: an instance holds only the {@link DataSource}; any number of instances, threads
 * and processes may share one database.
 *
 * <pre>{@code
 * InventoryEngine engine = InventoryEngine.builder()
 *     .store(new JdbcInventoryStore(pool))     // pool: the application role, schema migrated
 *     .supplier(catalog).clock(clock).build();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class JdbcInventoryStore implements InventoryStore {
  private static final String PRODUCT_COLUMNS =
      "p.product_id, p.supplier_id, p.supplier_product_id, p.title, p.category, p.tags, p.status, "
          + "p.out_of_stock_policy, p.low_stock_threshold, p.version, p.created_ns, p.updated_ns, "
          + "v.variant_id, v.supplier_variant_id, v.sku, v.currency, v.cost, v.on_hand, v.reserved, "
          + "v.retail_price, v.compare_at_price, v.manual_price, v.below_margin_floor, "
          + "v.low_stock_threshold AS variant_low_stock_threshold";

  /** Selects the products of the CTE {@code p} with their variants, in product and variant order. */
  private static final String PRODUCTS_OF_P = " SELECT " + PRODUCT_COLUMNS
      + " FROM p JOIN inventory_variants v ON v.tenant_id = p.tenant_id AND v.product_id = p.product_id"
      + " ORDER BY p.product_id, v.position";

  /**
   * Applies stock deltas to locked variants in one statement: the variant rows, the product
   * versions (one bump per line), the tenant's ledger sequence (locked here, last) and one ledger
   * row per line. Returns each line's stock before the change and its ledger sequence.
   */
  private static final String APPLY_DELTAS =
      "WITH d (variant_id, d_on_hand, d_reserved, ord) AS ("
          + " SELECT * FROM unnest(?::text[], ?::bigint[], ?::bigint[]) WITH ORDINALITY),"
          + " o AS (SELECT d.ord, d.variant_id, v.product_id, v.on_hand, v.reserved, d.d_on_hand, d.d_reserved"
          + "   FROM d JOIN inventory_variants v ON v.tenant_id = ? AND v.variant_id = d.variant_id),"
          + " n AS (SELECT count(*) AS lines FROM o),"
          + " uv AS (UPDATE inventory_variants v SET on_hand = o.on_hand + o.d_on_hand, reserved = o.reserved + o.d_reserved"
          + "   FROM o WHERE v.tenant_id = ? AND v.variant_id = o.variant_id RETURNING v.variant_id),"
          + " up AS (UPDATE inventory_products p SET version = p.version + c.lines, updated_at = ?, updated_ns = ?"
          + "   FROM (SELECT product_id, count(*) AS lines FROM o GROUP BY product_id) c"
          + "   WHERE p.tenant_id = ? AND p.product_id = c.product_id RETURNING p.product_id),"
          + " s AS (UPDATE inventory_tenants t SET ledger_seq = t.ledger_seq + n.lines FROM n"
          + "   WHERE t.tenant_id = ? RETURNING t.ledger_seq - n.lines AS base),"
          + " l AS (INSERT INTO inventory_ledger (tenant_id, seq, product_id, variant_id, delta_on_hand, delta_reserved,"
          + "   reason, ref, at, at_ns)"
          + "   SELECT ?, s.base + o.ord, o.product_id, o.variant_id, o.d_on_hand, o.d_reserved, ?, ?, ?, ? FROM o, s"
          + "   RETURNING seq)"
          + " SELECT o.ord, o.variant_id, o.product_id, o.on_hand, o.reserved, o.d_on_hand, o.d_reserved,"
          + "   s.base + o.ord AS seq, (SELECT count(*) FROM l) AS written, (SELECT count(*) FROM uv) AS updated"
          + " FROM o, s ORDER BY o.ord";

  private final Tx tx;

  /**
   * A store over {@code dataSource}: a pool connecting as the application role (not a superuser,
   * no {@code BYPASSRLS}), on a schema migrated with {@link DropsyncSchema#migrate} and granted
   * with {@link DropsyncSchema#grantTo}.
   *
   * @throws NullPointerException if {@code dataSource} is null
   */
  public JdbcInventoryStore(DataSource dataSource) {
    this.tx = new Tx(Objects.requireNonNull(dataSource, "dataSource"));
  }

  // ---- tenants --------------------------------------------------------------------------------

  /**
   * {@inheritDoc}
   *
   * <p>Replacing keeps the tenant's active count and ledger sequence.
   *
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public void saveTenant(Tenant tenant) {
    Objects.requireNonNull(tenant, "tenant");
    tx.inTenant(tenant.id().value(), "save tenant " + tenant.id(), c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO inventory_tenants (tenant_id, plan, currency, out_of_stock_policy, low_stock_threshold) "
              + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (tenant_id) DO UPDATE SET plan = excluded.plan, "
              + "currency = excluded.currency, out_of_stock_policy = excluded.out_of_stock_policy, "
              + "low_stock_threshold = excluded.low_stock_threshold, updated_at = now()")) {
        ps.setString(1, tenant.id().value());
        ps.setString(2, tenant.plan().name());
        ps.setString(3, tenant.currency().getCurrencyCode());
        ps.setString(4, tenant.outOfStockPolicy().name());
        setNullableLong(ps, 5, tenant.lowStockThreshold());
        ps.executeUpdate();
      }
      return Boolean.TRUE;
    });
  }

  /** {@inheritDoc} @throws JdbcStoreException if the database fails */
  @Override
  public Optional<Tenant> findTenant(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    return tx.inTenant(tenant.value(), "find tenant " + tenant, c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT plan, currency, out_of_stock_policy, low_stock_threshold FROM inventory_tenants WHERE tenant_id = ?")) {
        ps.setString(1, tenant.value());
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
          return Optional.of(new Tenant(tenant, Plan.of(rs.getString(1)), Currency.getInstance(rs.getString(2)),
              OutOfStockPolicy.valueOf(rs.getString(3)), nullableLong(rs, 4)));
        }
      }
    });
  }

  // ---- products -------------------------------------------------------------------------------

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public InsertResult insertProductIfAbsent(Product product, Instant at) {
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(at, "at");
    String tenant = product.tenant().value();
    return tx.inTenant(tenant, "insert product " + product.id() + " for tenant " + tenant, c -> {
      requireTenant(c, product.tenant());
      Optional<Product> existing = bySupplierId(c, product.tenant(), product.supplierId(), product.supplierProductId());
      if (existing.isPresent()) {
        return new InsertResult(false, existing.get());
      }
      for (Variant v : product.variants()) {
        if (v.reserved() != 0) {
          throw new InvalidInputException("reserved", v.reserved(), "must be 0 on insert (variant \"" + v.id() + "\")");
        }
      }
      Product stored = product.withVersion(1, at);
      int inserted;
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO inventory_products (tenant_id, product_id, supplier_id, supplier_product_id, title, category, "
              + "tags, status, out_of_stock_policy, low_stock_threshold, version, created_at, created_ns, updated_at, "
              + "updated_ns) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
        ps.setString(1, tenant);
        ps.setString(2, stored.id().value());
        ps.setString(3, stored.supplierId());
        ps.setString(4, stored.supplierProductId());
        bindProductDetails(c, ps, 5, stored);
        ps.setLong(11, stored.version());
        Sql.setTime(ps, 12, stored.createdAt());
        ps.setLong(13, Sql.nanos(stored.createdAt()));
        Sql.setTime(ps, 14, stored.updatedAt());
        ps.setLong(15, Sql.nanos(stored.updatedAt()));
        inserted = ps.executeUpdate();
      }
      if (inserted == 0) {
        // A concurrent import of the same supplier product committed first, or the id is taken.
        Optional<Product> winner = bySupplierId(c, product.tenant(), product.supplierId(), product.supplierProductId());
        if (winner.isPresent()) {
          return new InsertResult(false, winner.get());
        }
        throw new InvalidInputException("productId", product.id(), "is already used by another product");
      }
      insertVariants(c, stored);
      List<Variant> stocked = new ArrayList<>();
      for (Variant v : stored.variants()) {
        if (v.onHand() != 0) {
          stocked.add(v);
        }
      }
      int activated = stored.status() == ProductStatus.ACTIVE ? 1 : 0;
      if (!stocked.isEmpty() || activated != 0) {
        long base;
        try (PreparedStatement ps = c.prepareStatement(
            "UPDATE inventory_tenants SET ledger_seq = ledger_seq + ?, active_count = active_count + ? "
                + "WHERE tenant_id = ? RETURNING ledger_seq - ?")) {
          ps.setInt(1, stocked.size());
          ps.setInt(2, activated);
          ps.setString(3, tenant);
          ps.setInt(4, stocked.size());
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            base = rs.getLong(1);
          }
        }
        if (!stocked.isEmpty()) {
          try (PreparedStatement ps = c.prepareStatement(
              "INSERT INTO inventory_ledger (tenant_id, seq, product_id, variant_id, delta_on_hand, delta_reserved, "
                  + "reason, ref, at, at_ns) VALUES (?, ?, ?, ?, ?, 0, ?, 'import', ?, ?)")) {
            long seq = base;
            for (Variant v : stocked) {
              ps.setString(1, tenant);
              ps.setLong(2, ++seq);
              ps.setString(3, stored.id().value());
              ps.setString(4, v.id().value());
              ps.setLong(5, v.onHand());
              ps.setString(6, LedgerReason.SUPPLIER_SYNC.name());
              Sql.setTime(ps, 7, at);
              ps.setLong(8, Sql.nanos(at));
              ps.addBatch();
            }
            ps.executeBatch();
          }
        }
      }
      return new InsertResult(true, stored);
    });
  }

  private static void insertVariants(Connection c, Product p) throws SQLException {
    Set<String> inserted = new HashSet<>();
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO inventory_variants (tenant_id, variant_id, product_id, position, supplier_variant_id, sku, "
            + "currency, cost, on_hand, reserved, retail_price, compare_at_price, manual_price, below_margin_floor, "
            + "low_stock_threshold) SELECT ?, x.variant_id, ?, x.position, x.supplier_variant_id, x.sku, x.currency, "
            + "x.cost::numeric, x.on_hand, 0, x.retail_price::numeric, x.compare_at_price::numeric, x.manual_price, "
            + "x.below_margin_floor, x.low_stock_threshold FROM unnest(?::text[], ?::int[], ?::text[], ?::text[], "
            + "?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[], ?::boolean[], ?::boolean[], ?::bigint[]) "
            + "AS x (variant_id, position, supplier_variant_id, sku, currency, cost, on_hand, retail_price, "
            + "compare_at_price, manual_price, below_margin_floor, low_stock_threshold) "
            + "ON CONFLICT DO NOTHING RETURNING variant_id")) {
      int n = p.variants().size();
      String[] ids = new String[n];
      Integer[] positions = new Integer[n];
      String[] supplierIds = new String[n];
      String[] skus = new String[n];
      String[] currencies = new String[n];
      String[] costs = new String[n];
      Long[] onHand = new Long[n];
      String[] retail = new String[n];
      @Nullable String[] compareAt = new String[n];
      Boolean[] manual = new Boolean[n];
      Boolean[] belowFloor = new Boolean[n];
      @Nullable Long[] thresholds = new Long[n];
      for (int i = 0; i < n; i++) {
        Variant v = p.variants().get(i);
        ids[i] = v.id().value();
        positions[i] = i;
        supplierIds[i] = v.supplierVariantId();
        skus[i] = v.sku();
        currencies[i] = v.cost().currency().getCurrencyCode();
        costs[i] = v.cost().amount().toPlainString();
        onHand[i] = v.onHand();
        retail[i] = v.retailPrice().amount().toPlainString();
        Money cmp = v.compareAtPrice();
        compareAt[i] = cmp == null ? null : cmp.amount().toPlainString();
        manual[i] = v.manualPrice();
        belowFloor[i] = v.belowMarginFloor();
        thresholds[i] = v.lowStockThreshold();
      }
      ps.setString(1, p.tenant().value());
      ps.setString(2, p.id().value());
      ps.setArray(3, c.createArrayOf("text", ids));
      ps.setArray(4, c.createArrayOf("int4", positions));
      ps.setArray(5, c.createArrayOf("text", supplierIds));
      ps.setArray(6, c.createArrayOf("text", skus));
      ps.setArray(7, c.createArrayOf("text", currencies));
      ps.setArray(8, c.createArrayOf("text", costs));
      ps.setArray(9, c.createArrayOf("int8", onHand));
      ps.setArray(10, c.createArrayOf("text", retail));
      ps.setArray(11, c.createArrayOf("text", compareAt));
      ps.setArray(12, c.createArrayOf("bool", manual));
      ps.setArray(13, c.createArrayOf("bool", belowFloor));
      ps.setArray(14, c.createArrayOf("int8", thresholds));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          inserted.add(rs.getString(1));
        }
      }
    }
    for (Variant v : p.variants()) {
      if (!inserted.contains(v.id().value())) {
        throw new InvalidInputException("variantId", v.id(), "is already used by another product");
      }
    }
  }

  /** Binds title, category, tags, status, out-of-stock policy and low-stock threshold at {@code from}..+5. */
  private static void bindProductDetails(Connection c, PreparedStatement ps, int from, Product p) throws SQLException {
    ps.setString(from, p.title());
    ps.setString(from + 1, p.category());
    ps.setArray(from + 2, c.createArrayOf("text", p.tags().toArray()));
    ps.setString(from + 3, p.status().name());
    OutOfStockPolicy policy = p.outOfStockPolicy();
    Sql.setNullableString(ps, from + 4, policy == null ? null : policy.name());
    setNullableLong(ps, from + 5, p.lowStockThreshold());
  }

  /** {@inheritDoc} @throws JdbcStoreException if the database fails */
  @Override
  public Optional<Product> findProduct(TenantId tenant, ProductId product) {
    Objects.requireNonNull(product, "product");
    return tx.inTenant(tenant.value(), "find product " + product, c -> first(readProducts(c, tenant,
        "WITH p AS (SELECT * FROM inventory_products WHERE tenant_id = ? AND product_id = ?)",
        ps -> {
          ps.setString(1, tenant.value());
          ps.setString(2, product.value());
        })));
  }

  /** {@inheritDoc} @throws JdbcStoreException if the database fails */
  @Override
  public Optional<Product> findProductBySupplierId(TenantId tenant, String supplierId, String supplierProductId) {
    Objects.requireNonNull(supplierId, "supplierId");
    Objects.requireNonNull(supplierProductId, "supplierProductId");
    return tx.inTenant(tenant.value(), "find product by supplier id " + supplierProductId,
        c -> bySupplierId(c, tenant, supplierId, supplierProductId));
  }

  private static Optional<Product> bySupplierId(Connection c, TenantId tenant, String supplierId,
      String supplierProductId) throws SQLException {
    return first(readProducts(c, tenant, "WITH p AS (SELECT * FROM inventory_products WHERE tenant_id = ? "
        + "AND supplier_id = ? AND supplier_product_id = ?)", ps -> {
          ps.setString(1, tenant.value());
          ps.setString(2, supplierId);
          ps.setString(3, supplierProductId);
        }));
  }

  /** {@inheritDoc} @throws JdbcStoreException if the database fails */
  @Override
  public Optional<Product> findProductByVariant(TenantId tenant, VariantId variant) {
    Objects.requireNonNull(variant, "variant");
    return tx.inTenant(tenant.value(), "find product of variant " + variant, c -> first(readProducts(c, tenant,
        "WITH p AS (SELECT * FROM inventory_products WHERE tenant_id = ? AND product_id = "
            + "(SELECT product_id FROM inventory_variants WHERE tenant_id = ? AND variant_id = ?))",
        ps -> {
          ps.setString(1, tenant.value());
          ps.setString(2, tenant.value());
          ps.setString(3, variant.value());
        })));
  }

  /**
   * {@inheritDoc}
   *
   * <p>If two of the tenant's products of that supplier list the same supplier variant, the most
   * recently imported one is returned.
   *
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public Optional<Product> findProductBySupplierVariant(TenantId tenant, String supplierId, String supplierVariantId) {
    Objects.requireNonNull(supplierId, "supplierId");
    Objects.requireNonNull(supplierVariantId, "supplierVariantId");
    return tx.inTenant(tenant.value(), "find product by supplier variant " + supplierVariantId, c -> first(readProducts(c, tenant,
        "WITH p AS (SELECT * FROM inventory_products WHERE tenant_id = ? AND supplier_id = ? AND product_id IN "
            + "(SELECT product_id FROM inventory_variants WHERE tenant_id = ? AND supplier_variant_id = ?) "
            + "ORDER BY created_ns DESC, product_id DESC LIMIT 1)",
        ps -> {
          ps.setString(1, tenant.value());
          ps.setString(2, supplierId);
          ps.setString(3, tenant.value());
          ps.setString(4, supplierVariantId);
        })));
  }

  /**
   * {@inheritDoc}
   *
   * @throws InvalidInputException if {@code limit} is below 1
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public List<Product> listProducts(TenantId tenant, @Nullable ProductId after, int limit) {
    if (limit < 1) {
      throw new InvalidInputException("limit", limit, "must be >= 1");
    }
    return tx.inTenant(tenant.value(), "list products", c -> readProducts(c, tenant,
        "WITH p AS (SELECT * FROM inventory_products WHERE tenant_id = ? AND product_id > ? "
            + "ORDER BY product_id LIMIT ?)",
        ps -> {
          ps.setString(1, tenant.value());
          ps.setString(2, after == null ? "" : after.value());
          ps.setInt(3, limit);
        }));
  }

  /** {@inheritDoc} @throws JdbcStoreException if the database fails */
  @Override
  public int countActive(TenantId tenant) {
    return tx.inTenant(tenant.value(), "count active products", c -> activeCount(c, tenant));
  }

  private static int activeCount(Connection c, TenantId tenant) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT active_count FROM inventory_tenants WHERE tenant_id = ?")) {
      ps.setString(1, tenant.value());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getInt(1) : 0;
      }
    }
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public Optional<Product> updateProduct(Product product, Instant at) {
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(at, "at");
    String tenant = product.tenant().value();
    return tx.inTenant(tenant, "update product " + product.id(), c -> {
      // Variants first, then the product: the order every stock change locks in.
      try (PreparedStatement ps = c.prepareStatement("SELECT variant_id FROM inventory_variants "
          + "WHERE tenant_id = ? AND product_id = ? ORDER BY variant_id FOR UPDATE")) {
        ps.setString(1, tenant);
        ps.setString(2, product.id().value());
        ps.executeQuery().close();
      }
      Product current = first(readProducts(c, product.tenant(), "WITH p AS (SELECT * FROM inventory_products "
          + "WHERE tenant_id = ? AND product_id = ? FOR UPDATE)", ps -> {
            ps.setString(1, tenant);
            ps.setString(2, product.id().value());
          })).orElseThrow(() -> new NotFoundException("productId", product.id().value()));
      if (current.version() != product.version()) {
        return Optional.empty();
      }
      if (current.status() != product.status()) {
        throw new InvalidInputException("status", product.status(),
            "must equal the stored " + current.status() + " (use changeStatus)");
      }
      if (current.variants().size() != product.variants().size()) {
        throw new InvalidInputException("variants", product.variants().size(), "must keep the stored variants");
      }
      for (int i = 0; i < current.variants().size(); i++) {
        Variant cv = current.variants().get(i);
        Variant nv = product.variants().get(i);
        if (!cv.id().equals(nv.id()) || cv.onHand() != nv.onHand() || cv.reserved() != nv.reserved()) {
          throw new InvalidInputException("variant", nv.id(), "must keep the stored id and stock (use the stock calls)");
        }
      }
      if (!current.supplierId().equals(product.supplierId())
          || !current.supplierProductId().equals(product.supplierProductId())) {
        Optional<Product> other = bySupplierId(c, product.tenant(), product.supplierId(), product.supplierProductId());
        if (other.isPresent()) {
          throw new InvalidInputException("supplierProductId", product.supplierProductId(),
              "is already imported as product \"" + other.get().id() + "\"");
        }
      }
      Product stored = product.withVersion(current.version() + 1, at);
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE inventory_products SET title = ?, category = ?, tags = ?, status = ?, out_of_stock_policy = ?, "
              + "low_stock_threshold = ?, supplier_id = ?, supplier_product_id = ?, version = ?, created_at = ?, "
              + "created_ns = ?, updated_at = ?, updated_ns = ? WHERE tenant_id = ? AND product_id = ?")) {
        bindProductDetails(c, ps, 1, stored);
        ps.setString(7, stored.supplierId());
        ps.setString(8, stored.supplierProductId());
        ps.setLong(9, stored.version());
        Sql.setTime(ps, 10, stored.createdAt());
        ps.setLong(11, Sql.nanos(stored.createdAt()));
        Sql.setTime(ps, 12, stored.updatedAt());
        ps.setLong(13, Sql.nanos(stored.updatedAt()));
        ps.setString(14, tenant);
        ps.setString(15, stored.id().value());
        ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE inventory_variants SET supplier_variant_id = ?, sku = ?, currency = ?, cost = ?, retail_price = ?, "
              + "compare_at_price = ?, manual_price = ?, below_margin_floor = ?, low_stock_threshold = ? "
              + "WHERE tenant_id = ? AND variant_id = ?")) {
        for (Variant v : stored.variants()) {
          ps.setString(1, v.supplierVariantId());
          ps.setString(2, v.sku());
          ps.setString(3, v.cost().currency().getCurrencyCode());
          ps.setBigDecimal(4, v.cost().amount());
          ps.setBigDecimal(5, v.retailPrice().amount());
          Money cmp = v.compareAtPrice();
          if (cmp == null) {
            ps.setNull(6, Types.NUMERIC);
          } else {
            ps.setBigDecimal(6, cmp.amount());
          }
          ps.setBoolean(7, v.manualPrice());
          ps.setBoolean(8, v.belowMarginFloor());
          setNullableLong(ps, 9, v.lowStockThreshold());
          ps.setString(10, tenant);
          ps.setString(11, v.id().value());
          ps.addBatch();
        }
        ps.executeBatch();
      }
      return Optional.of(stored);
    });
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public StatusChange changeStatus(TenantId tenant, ProductId product, long expectedVersion, ProductStatus to,
      OptionalInt activeLimit, Instant at) {
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(activeLimit, "activeLimit");
    Objects.requireNonNull(at, "at");
    return tx.inTenant(tenant.value(), "change status of product " + product + " to " + to, c -> {
      // Lock, then read in a statement of its own: a read in the locking statement could join
      // variant rows from before a stock change it waited for.
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT 1 FROM inventory_products WHERE tenant_id = ? AND product_id = ? FOR UPDATE")) {
        ps.setString(1, tenant.value());
        ps.setString(2, product.value());
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            throw new NotFoundException("productId", product.value());
          }
        }
      }
      Product current = first(readProducts(c, tenant, "WITH p AS (SELECT * FROM inventory_products "
          + "WHERE tenant_id = ? AND product_id = ?)", ps -> {
            ps.setString(1, tenant.value());
            ps.setString(2, product.value());
          })).orElseThrow(() -> new NotFoundException("productId", product.value()));
      if (expectedVersion >= 0 && current.version() != expectedVersion) {
        return new StatusChange(StatusChange.Outcome.VERSION_CONFLICT, current, activeCount(c, tenant));
      }
      if (current.status() == to) {
        return new StatusChange(StatusChange.Outcome.CHANGED, current, activeCount(c, tenant));
      }
      int delta = (to == ProductStatus.ACTIVE ? 1 : 0) - (current.status() == ProductStatus.ACTIVE ? 1 : 0);
      int count;
      if (delta == 0) {
        count = activeCount(c, tenant);
      } else {
        // Check and count in one statement under the tenant row's lock: the plan-limit guard.
        try (PreparedStatement ps = c.prepareStatement(
            "UPDATE inventory_tenants SET active_count = active_count + ? "
                + "WHERE tenant_id = ? AND (? OR active_count < ?) RETURNING active_count")) {
          boolean unlimited = delta < 0 || activeLimit.isEmpty();
          ps.setInt(1, delta);
          ps.setString(2, tenant.value());
          ps.setBoolean(3, unlimited);
          ps.setInt(4, unlimited ? 0 : activeLimit.getAsInt());
          try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
              return new StatusChange(StatusChange.Outcome.LIMIT_REACHED, current, activeCount(c, tenant));
            }
            count = rs.getInt(1);
          }
        }
      }
      Product stored = current.withStatus(to).withVersion(current.version() + 1, at);
      try (PreparedStatement ps = c.prepareStatement("UPDATE inventory_products SET status = ?, version = ?, "
          + "updated_at = ?, updated_ns = ? WHERE tenant_id = ? AND product_id = ?")) {
        ps.setString(1, to.name());
        ps.setLong(2, stored.version());
        Sql.setTime(ps, 3, at);
        ps.setLong(4, Sql.nanos(at));
        ps.setString(5, tenant.value());
        ps.setString(6, product.value());
        ps.executeUpdate();
      }
      return new StatusChange(StatusChange.Outcome.CHANGED, stored, count);
    });
  }

  // ---- stock ----------------------------------------------------------------------------------

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public StockChange setOnHand(TenantId tenant, VariantId variant, long onHand, LedgerReason reason, String ref,
      Instant at) {
    Objects.requireNonNull(variant, "variant");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(at, "at");
    if (onHand < 0) {
      throw new InvalidInputException("onHand", onHand, "must be >= 0 (variant \"" + variant + "\")");
    }
    return tx.inTenant(tenant.value(), "set on-hand of variant " + variant, c -> {
      Stock s = lockVariant(c, tenant, variant);
      if (s.onHand == onHand) {
        return new StockChange(s.product, variant, s.onHand, s.reserved, s.onHand, s.reserved, null);
      }
      return applyDeltas(c, tenant, List.of(new Delta(variant, onHand - s.onHand, 0)), reason, ref, at).get(0);
    });
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public StockChange adjustOnHand(TenantId tenant, VariantId variant, long delta, LedgerReason reason, String ref,
      Instant at) {
    Objects.requireNonNull(variant, "variant");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(at, "at");
    if (delta == 0) {
      throw new InvalidInputException("delta", delta, "must not be 0");
    }
    return tx.inTenant(tenant.value(), "adjust on-hand of variant " + variant, c -> {
      Stock s = lockVariant(c, tenant, variant);
      if (s.onHand + delta < 0) {
        throw new InvalidInputException("delta", delta,
            "would make onHand negative (onHand " + s.onHand + ", variant \"" + variant + "\")");
      }
      return applyDeltas(c, tenant, List.of(new Delta(variant, delta, 0)), reason, ref, at).get(0);
    });
  }

  /** A variant's stock as read under its lock. */
  private record Stock(ProductId product, long onHand, long reserved) {
    long available() {
      return Math.max(0, onHand - reserved);
    }
  }

  /** One line of a stock write. */
  private record Delta(VariantId variant, long onHand, long reserved) {}

  /**
   * Locks one variant and its product (in that order, in one statement: both rows are re-read at
   * their latest committed version once the locks are held) and returns its stock.
   */
  private static Stock lockVariant(Connection c, TenantId tenant, VariantId variant) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT v.product_id, v.on_hand, v.reserved FROM inventory_variants v JOIN inventory_products p "
            + "ON p.tenant_id = v.tenant_id AND p.product_id = v.product_id "
            + "WHERE v.tenant_id = ? AND v.variant_id = ? FOR UPDATE")) {
      ps.setString(1, tenant.value());
      ps.setString(2, variant.value());
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          return new Stock(ProductId.of(rs.getString(1)), rs.getLong(2), rs.getLong(3));
        }
      }
    }
    requireTenant(c, tenant);
    throw new NotFoundException("variantId", variant.value());
  }

  /**
   * Locks several variants (in variant-id order), then their products (in product-id order) and
   * returns their stock. A variant the tenant does not have is absent from the result.
   */
  private static Map<VariantId, Stock> lockVariants(Connection c, TenantId tenant, Set<VariantId> variants)
      throws SQLException {
    Map<VariantId, Stock> out = new HashMap<>();
    TreeSet<String> products = new TreeSet<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT variant_id, product_id, on_hand, reserved FROM inventory_variants "
            + "WHERE tenant_id = ? AND variant_id = ANY (?) ORDER BY variant_id FOR UPDATE")) {
      ps.setString(1, tenant.value());
      ps.setArray(2, textArray(c, variants.stream().map(VariantId::value).toList()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(VariantId.of(rs.getString(1)), new Stock(ProductId.of(rs.getString(2)), rs.getLong(3), rs.getLong(4)));
          products.add(rs.getString(2));
        }
      }
    }
    if (!products.isEmpty()) {
      try (PreparedStatement ps = c.prepareStatement("SELECT product_id FROM inventory_products "
          + "WHERE tenant_id = ? AND product_id = ANY (?) ORDER BY product_id FOR UPDATE")) {
        ps.setString(1, tenant.value());
        ps.setArray(2, textArray(c, new ArrayList<>(products)));
        ps.executeQuery().close();
      }
    }
    return out;
  }

  /** Writes {@code deltas} (their variants locked by the caller) in one statement; one change per delta. */
  private static List<StockChange> applyDeltas(Connection c, TenantId tenant, List<Delta> deltas, LedgerReason reason,
      String ref, Instant at) throws SQLException {
    int n = deltas.size();
    String[] ids = new String[n];
    Long[] dOnHand = new Long[n];
    Long[] dReserved = new Long[n];
    for (int i = 0; i < n; i++) {
      ids[i] = deltas.get(i).variant.value();
      dOnHand[i] = deltas.get(i).onHand;
      dReserved[i] = deltas.get(i).reserved;
    }
    List<StockChange> changes = new ArrayList<>(n);
    try (PreparedStatement ps = c.prepareStatement(APPLY_DELTAS)) {
      ps.setArray(1, c.createArrayOf("text", ids));
      ps.setArray(2, c.createArrayOf("int8", dOnHand));
      ps.setArray(3, c.createArrayOf("int8", dReserved));
      ps.setString(4, tenant.value());
      ps.setString(5, tenant.value());
      Sql.setTime(ps, 6, at);
      ps.setLong(7, Sql.nanos(at));
      ps.setString(8, tenant.value());
      ps.setString(9, tenant.value());
      ps.setString(10, tenant.value());
      ps.setString(11, reason.name());
      ps.setString(12, ref);
      Sql.setTime(ps, 13, at);
      ps.setLong(14, Sql.nanos(at));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          VariantId variant = VariantId.of(rs.getString("variant_id"));
          ProductId product = ProductId.of(rs.getString("product_id"));
          long onHand = rs.getLong("on_hand");
          long reserved = rs.getLong("reserved");
          long d1 = rs.getLong("d_on_hand");
          long d2 = rs.getLong("d_reserved");
          if (rs.getInt("written") != n || rs.getInt("updated") != n) {
            throw new IllegalStateException("stock write of " + n + " lines wrote " + rs.getInt("written")
                + " ledger rows and " + rs.getInt("updated") + " variants");
          }
          LedgerEntry e = new LedgerEntry(rs.getLong("seq"), tenant, product, variant, d1, d2, reason, ref, at);
          changes.add(new StockChange(product, variant, onHand, reserved, onHand + d1, reserved + d2, e));
        }
      }
    }
    if (changes.size() != n) {
      throw new IllegalStateException("stock write of " + n + " lines found " + changes.size() + " variants");
    }
    return changes;
  }

  // ---- reservations ---------------------------------------------------------------------------

  /**
   * {@inheritDoc}
   *
   * @throws InvalidInputException if {@code orderRef} is blank, {@code lines} is empty or names a
   *     variant twice
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public ReservationChange reserve(TenantId tenant, String orderRef, List<ReservationLine> lines, Instant at) {
    requireRef(orderRef);
    Objects.requireNonNull(at, "at");
    List<ReservationLine> copy = List.copyOf(lines);
    if (copy.isEmpty()) {
      throw new InvalidInputException("lines", "[]", "must not be empty (orderRef \"" + orderRef + "\")");
    }
    Set<VariantId> seen = new HashSet<>();
    for (ReservationLine l : copy) {
      if (!seen.add(l.variant())) {
        throw new InvalidInputException("variantId", l.variant(), "appears twice (orderRef \"" + orderRef + "\")");
      }
    }
    return tx.inTenant(tenant.value(), "reserve for order " + orderRef, c -> {
      int inserted;
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO inventory_reservations (tenant_id, order_ref, status, created_at, created_ns, updated_at, "
              + "updated_ns) VALUES (?, ?, 'ACTIVE', ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
        ps.setString(1, tenant.value());
        ps.setString(2, orderRef);
        Sql.setTime(ps, 3, at);
        ps.setLong(4, Sql.nanos(at));
        Sql.setTime(ps, 5, at);
        ps.setLong(6, Sql.nanos(at));
        inserted = executeForTenant(ps, tenant);
      }
      if (inserted == 0) {
        Reservation existing = readReservation(c, tenant, orderRef, false)
            .orElseThrow(() -> new IllegalStateException("reservation " + orderRef + " conflicted but is not visible"));
        if (!sameLines(existing.lines(), copy)) {
          throw new ReservationConflictException(orderRef, "already holds different lines " + existing.lines());
        }
        return new ReservationChange(existing, List.of());
      }
      Map<VariantId, Stock> stock = lockVariants(c, tenant, seen);
      List<Delta> deltas = new ArrayList<>(copy.size());
      for (ReservationLine l : copy) {
        Stock s = stock.get(l.variant());
        if (s == null) {
          throw new NotFoundException("variantId", l.variant().value());
        }
        if (l.quantity() > s.available()) {
          throw new InsufficientStockException(l.variant(), l.quantity(), s.available());
        }
        deltas.add(new Delta(l.variant(), 0, l.quantity()));
      }
      List<StockChange> changes = applyDeltas(c, tenant, deltas, LedgerReason.RESERVATION, orderRef, at);
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO inventory_reservation_lines (tenant_id, order_ref, "
          + "line_no, variant_id, quantity) VALUES (?, ?, ?, ?, ?)")) {
        for (int i = 0; i < copy.size(); i++) {
          ps.setString(1, tenant.value());
          ps.setString(2, orderRef);
          ps.setInt(3, i);
          ps.setString(4, copy.get(i).variant().value());
          ps.setLong(5, copy.get(i).quantity());
          ps.addBatch();
        }
        ps.executeBatch();
      }
      return new ReservationChange(new Reservation(tenant, orderRef, copy, ReservationStatus.ACTIVE, at, at), changes);
    });
  }

  private static boolean sameLines(List<ReservationLine> a, List<ReservationLine> b) {
    if (a.size() != b.size()) {
      return false;
    }
    Map<VariantId, Long> m = new HashMap<>();
    for (ReservationLine l : a) {
      m.put(l.variant(), l.quantity());
    }
    for (ReservationLine l : b) {
      Long q = m.get(l.variant());
      if (q == null || q != l.quantity()) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@inheritDoc}
   *
   * @throws InvalidInputException if {@code orderRef} is blank
   * @throws NotFoundException if the tenant is unknown
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public ReservationChange release(TenantId tenant, String orderRef, Instant at) {
    requireRef(orderRef);
    Objects.requireNonNull(at, "at");
    return tx.inTenant(tenant.value(), "release reservation " + orderRef, c -> {
      Optional<Reservation> found = readReservation(c, tenant, orderRef, true);
      if (found.isEmpty()) {
        requireTenant(c, tenant);
        return new ReservationChange(null, List.of());
      }
      Reservation r = found.get();
      if (r.status() == ReservationStatus.RELEASED) {
        return new ReservationChange(r, List.of());
      }
      if (r.status() == ReservationStatus.COMMITTED) {
        throw new ReservationConflictException(orderRef, "was already committed and cannot be released");
      }
      lockVariants(c, tenant, variantsOf(r));
      List<Delta> deltas = new ArrayList<>();
      for (ReservationLine l : r.lines()) {
        deltas.add(new Delta(l.variant(), 0, -l.quantity()));
      }
      List<StockChange> changes = applyDeltas(c, tenant, deltas, LedgerReason.RELEASE, orderRef, at);
      return new ReservationChange(finish(c, r, ReservationStatus.RELEASED, at), changes);
    });
  }

  /**
   * {@inheritDoc}
   *
   * @throws InvalidInputException if {@code orderRef} is blank
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public ReservationChange commit(TenantId tenant, String orderRef, Instant at) {
    requireRef(orderRef);
    Objects.requireNonNull(at, "at");
    return tx.inTenant(tenant.value(), "commit reservation " + orderRef, c -> {
      Optional<Reservation> found = readReservation(c, tenant, orderRef, true);
      if (found.isEmpty()) {
        requireTenant(c, tenant);
        throw new NotFoundException("orderRef", orderRef);
      }
      Reservation r = found.get();
      if (r.status() == ReservationStatus.COMMITTED) {
        return new ReservationChange(r, List.of());
      }
      if (r.status() == ReservationStatus.RELEASED) {
        throw new ReservationConflictException(orderRef, "was released and cannot be committed");
      }
      Map<VariantId, Stock> stock = lockVariants(c, tenant, variantsOf(r));
      List<Delta> deltas = new ArrayList<>();
      for (ReservationLine l : r.lines()) {
        Stock s = Objects.requireNonNull(stock.get(l.variant()), "variant of a reservation line");
        // A sync may have lowered on-hand under the reservation (oversold): consume what is there.
        deltas.add(new Delta(l.variant(), -Math.min(l.quantity(), s.onHand), -l.quantity()));
      }
      List<StockChange> changes = applyDeltas(c, tenant, deltas, LedgerReason.COMMIT, orderRef, at);
      return new ReservationChange(finish(c, r, ReservationStatus.COMMITTED, at), changes);
    });
  }

  private static Set<VariantId> variantsOf(Reservation r) {
    Set<VariantId> out = new HashSet<>();
    for (ReservationLine l : r.lines()) {
      out.add(l.variant());
    }
    return out;
  }

  private static Reservation finish(Connection c, Reservation r, ReservationStatus status, Instant at)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE inventory_reservations SET status = ?, updated_at = ?, "
        + "updated_ns = ? WHERE tenant_id = ? AND order_ref = ?")) {
      ps.setString(1, status.name());
      Sql.setTime(ps, 2, at);
      ps.setLong(3, Sql.nanos(at));
      ps.setString(4, r.tenant().value());
      ps.setString(5, r.orderRef());
      ps.executeUpdate();
    }
    return new Reservation(r.tenant(), r.orderRef(), r.lines(), status, r.createdAt(), at);
  }

  /** {@inheritDoc} @throws JdbcStoreException if the database fails */
  @Override
  public Optional<Reservation> findReservation(TenantId tenant, String orderRef) {
    Objects.requireNonNull(orderRef, "orderRef");
    return tx.inTenant(tenant.value(), "find reservation " + orderRef, c -> readReservation(c, tenant, orderRef, false));
  }

  /** Reads one reservation (with {@code lock}: locks its row first, so its status cannot change under us). */
  private static Optional<Reservation> readReservation(Connection c, TenantId tenant, String orderRef, boolean lock)
      throws SQLException {
    List<Reservation> found = readReservations(c, "WITH r AS (SELECT * FROM inventory_reservations "
        + "WHERE tenant_id = ? AND order_ref = ?" + (lock ? " FOR UPDATE" : "") + ")", ps -> {
          ps.setString(1, tenant.value());
          ps.setString(2, orderRef);
        }, tenant);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  /**
   * {@inheritDoc}
   *
   * @throws InvalidInputException if {@code limit} is below 1
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public List<Reservation> activeReservations(TenantId tenant, Instant createdBefore, int limit) {
    Objects.requireNonNull(createdBefore, "createdBefore");
    if (limit < 1) {
      throw new InvalidInputException("limit", limit, "must be >= 1");
    }
    return tx.inTenant(tenant.value(), "list active reservations", c -> readReservations(c,
        "WITH r AS (SELECT * FROM inventory_reservations WHERE tenant_id = ? AND status = 'ACTIVE' "
            + "AND created_ns < ? ORDER BY created_ns, order_ref LIMIT ?)",
        ps -> {
          ps.setString(1, tenant.value());
          ps.setLong(2, Sql.nanos(createdBefore));
          ps.setInt(3, limit);
        }, tenant));
  }

  private static List<Reservation> readReservations(Connection c, String cte, Binder binder, TenantId tenant)
      throws SQLException {
    Map<String, Reservation> out = new LinkedHashMap<>();
    Map<String, List<ReservationLine>> lines = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(cte
        + " SELECT r.order_ref, r.status, r.created_ns, r.updated_ns, l.variant_id, l.quantity FROM r "
        + "LEFT JOIN inventory_reservation_lines l ON l.tenant_id = r.tenant_id AND l.order_ref = r.order_ref "
        + "ORDER BY r.created_ns, r.order_ref, l.line_no")) {
      binder.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String ref = rs.getString(1);
          if (!out.containsKey(ref)) {
            out.put(ref, new Reservation(tenant, ref, List.of(), ReservationStatus.valueOf(rs.getString(2)),
                Sql.instant(rs.getLong(3)), Sql.instant(rs.getLong(4))));
            lines.put(ref, new ArrayList<>());
          }
          String variant = rs.getString(5);
          if (variant != null) {
            Objects.requireNonNull(lines.get(ref)).add(new ReservationLine(VariantId.of(variant), rs.getLong(6)));
          }
        }
      }
    }
    List<Reservation> result = new ArrayList<>(out.size());
    for (Reservation r : out.values()) {
      result.add(new Reservation(tenant, r.orderRef(), Objects.requireNonNull(lines.get(r.orderRef())), r.status(),
          r.createdAt(), r.updatedAt()));
    }
    return result;
  }

  private static void requireRef(@Nullable String orderRef) {
    if (orderRef == null || orderRef.isBlank()) {
      throw new InvalidInputException("orderRef", orderRef, "must not be blank");
    }
  }

  // ---- ledger ---------------------------------------------------------------------------------

  /** {@inheritDoc} @throws JdbcStoreException if the database fails */
  @Override
  public List<LedgerEntry> ledger(TenantId tenant, VariantId variant) {
    Objects.requireNonNull(variant, "variant");
    return tx.inTenant(tenant.value(), "read ledger of variant " + variant, c -> readLedger(c, tenant,
        "SELECT seq, product_id, variant_id, delta_on_hand, delta_reserved, reason, ref, at_ns FROM inventory_ledger "
            + "WHERE tenant_id = ? AND variant_id = ? ORDER BY seq",
        ps -> {
          ps.setString(1, tenant.value());
          ps.setString(2, variant.value());
        }));
  }

  /**
   * {@inheritDoc}
   *
   * <p>Sequences are gap-free per tenant and assigned in commit order, so paging with the last
   * sequence seen never skips an entry.
   *
   * @throws InvalidInputException if {@code limit} is below 1
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public List<LedgerEntry> ledger(TenantId tenant, long afterSequence, int limit) {
    if (limit < 1) {
      throw new InvalidInputException("limit", limit, "must be >= 1");
    }
    return tx.inTenant(tenant.value(), "read ledger", c -> readLedger(c, tenant,
        "SELECT seq, product_id, variant_id, delta_on_hand, delta_reserved, reason, ref, at_ns FROM inventory_ledger "
            + "WHERE tenant_id = ? AND seq > ? ORDER BY seq LIMIT ?",
        ps -> {
          ps.setString(1, tenant.value());
          ps.setLong(2, afterSequence);
          ps.setInt(3, limit);
        }));
  }

  private static List<LedgerEntry> readLedger(Connection c, TenantId tenant, String sql, Binder binder)
      throws SQLException {
    List<LedgerEntry> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      ps.setFetchSize(10_000);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new LedgerEntry(rs.getLong(1), tenant, ProductId.of(rs.getString(2)), VariantId.of(rs.getString(3)),
              rs.getLong(4), rs.getLong(5), LedgerReason.valueOf(rs.getString(6)), rs.getString(7),
              Sql.instant(rs.getLong(8))));
        }
      }
    }
    return out;
  }

  // ---- pricing rules --------------------------------------------------------------------------

  /**
   * {@inheritDoc}
   *
   * @throws NotFoundException if the tenant is unknown
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public void savePricingRule(TenantId tenant, PricingScope scope, PricingRule rule) {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(rule, "rule");
    tx.inTenant(tenant.value(), "save pricing rule " + scope, c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO inventory_pricing_rules (tenant_id, scope_level, scope_key, rule) VALUES (?, ?, ?, ?::jsonb) "
              + "ON CONFLICT (tenant_id, scope_level, scope_key) DO UPDATE SET rule = excluded.rule, updated_at = now()")) {
        ps.setString(1, tenant.value());
        ps.setString(2, scope.level().name());
        ps.setString(3, scope.key());
        Sql.setJson(ps, 4, InventoryDocs.ruleJson(rule));
        executeForTenant(ps, tenant);
      }
      return Boolean.TRUE;
    });
  }

  /**
   * {@inheritDoc}
   *
   * @throws NotFoundException if the tenant is unknown
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public void removePricingRule(TenantId tenant, PricingScope scope) {
    Objects.requireNonNull(scope, "scope");
    tx.inTenant(tenant.value(), "remove pricing rule " + scope, c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "DELETE FROM inventory_pricing_rules WHERE tenant_id = ? AND scope_level = ? AND scope_key = ?")) {
        ps.setString(1, tenant.value());
        ps.setString(2, scope.level().name());
        ps.setString(3, scope.key());
        if (ps.executeUpdate() == 0) {
          requireTenant(c, tenant);
        }
      }
      return Boolean.TRUE;
    });
  }

  /** {@inheritDoc} @throws JdbcStoreException if the database fails */
  @Override
  public Optional<PricingRule> findPricingRule(TenantId tenant, PricingScope scope) {
    Objects.requireNonNull(scope, "scope");
    return tx.inTenant(tenant.value(), "find pricing rule " + scope, c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT rule::text FROM inventory_pricing_rules "
          + "WHERE tenant_id = ? AND scope_level = ? AND scope_key = ?")) {
        ps.setString(1, tenant.value());
        ps.setString(2, scope.level().name());
        ps.setString(3, scope.key());
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(InventoryDocs.rule(rs.getString(1))) : Optional.empty();
        }
      }
    });
  }

  // ---- sync runs ------------------------------------------------------------------------------

  /**
   * {@inheritDoc}
   *
   * @throws NotFoundException if the tenant is unknown
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public void saveSyncRun(SyncRun run) {
    Objects.requireNonNull(run, "run");
    tx.inTenant(run.tenant().value(), "save sync run " + run.runId(), c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO inventory_sync_runs (tenant_id, run_id, status, started_at, started_ns, finished_at, "
              + "finished_ns, total, updated, unchanged, failed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
              + "ON CONFLICT (tenant_id, run_id) DO UPDATE SET status = excluded.status, "
              + "started_at = excluded.started_at, started_ns = excluded.started_ns, "
              + "finished_at = excluded.finished_at, finished_ns = excluded.finished_ns, total = excluded.total, "
              + "updated = excluded.updated, unchanged = excluded.unchanged, failed = excluded.failed")) {
        ps.setString(1, run.tenant().value());
        ps.setString(2, run.runId());
        ps.setString(3, run.status().name());
        Sql.setTime(ps, 4, run.startedAt());
        ps.setLong(5, Sql.nanos(run.startedAt()));
        Instant finished = run.finishedAt();
        if (finished == null) {
          ps.setNull(6, Types.TIMESTAMP_WITH_TIMEZONE);
          ps.setNull(7, Types.BIGINT);
        } else {
          Sql.setTime(ps, 6, finished);
          ps.setLong(7, Sql.nanos(finished));
        }
        ps.setInt(8, run.total());
        ps.setInt(9, run.updated());
        ps.setInt(10, run.unchanged());
        ps.setInt(11, run.failed());
        executeForTenant(ps, run.tenant());
      }
      return Boolean.TRUE;
    });
  }

  /** {@inheritDoc} @throws JdbcStoreException if the database fails */
  @Override
  public Optional<SyncRun> findSyncRun(TenantId tenant, String runId) {
    Objects.requireNonNull(runId, "runId");
    return tx.inTenant(tenant.value(), "find sync run " + runId, c -> {
      List<SyncRun> runs = readRuns(c, tenant, "AND run_id = ?", runId);
      return runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(0));
    });
  }

  /** {@inheritDoc} @throws JdbcStoreException if the database fails */
  @Override
  public List<SyncRun> listSyncRuns(TenantId tenant) {
    return tx.inTenant(tenant.value(), "list sync runs", c -> readRuns(c, tenant, "", null));
  }

  private static List<SyncRun> readRuns(Connection c, TenantId tenant, String condition, @Nullable String runId)
      throws SQLException {
    List<SyncRun> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT run_id, status, started_ns, finished_ns, total, updated, "
        + "unchanged, failed FROM inventory_sync_runs WHERE tenant_id = ? " + condition + " ORDER BY seq")) {
      ps.setString(1, tenant.value());
      if (runId != null) {
        ps.setString(2, runId);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long finished = rs.getLong(4);
          boolean open = rs.wasNull();
          out.add(new SyncRun(rs.getString(1), tenant, SyncRunStatus.valueOf(rs.getString(2)),
              Sql.instant(rs.getLong(3)), open ? null : Sql.instant(finished), rs.getInt(5), rs.getInt(6),
              rs.getInt(7), rs.getInt(8)));
        }
      }
    }
    return out;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Any number of items is written in one statement.
   *
   * @throws NotFoundException if the tenant is unknown
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public void recordSyncItems(TenantId tenant, String runId, Map<ProductId, SyncItem> items) {
    Objects.requireNonNull(runId, "runId");
    Map<ProductId, SyncItem> copy = Map.copyOf(items);
    tx.inTenant(tenant.value(), "record sync items of run " + runId, c -> {
      if (copy.isEmpty()) {
        requireTenant(c, tenant);
        return Boolean.TRUE;
      }
      List<String> products = new ArrayList<>(copy.size());
      List<String> outcomes = new ArrayList<>(copy.size());
      List<@Nullable String> errors = new ArrayList<>(copy.size());
      copy.forEach((p, i) -> {
        products.add(p.value());
        outcomes.add(i.outcome().name());
        errors.add(i.error());
      });
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO inventory_sync_items (tenant_id, run_id, product_id, outcome, error) "
              + "SELECT ?, ?, x.product_id, x.outcome, x.error FROM unnest(?::text[], ?::text[], ?::text[]) "
              + "AS x (product_id, outcome, error) ON CONFLICT (tenant_id, run_id, product_id) "
              + "DO UPDATE SET outcome = excluded.outcome, error = excluded.error")) {
        ps.setString(1, tenant.value());
        ps.setString(2, runId);
        ps.setArray(3, textArray(c, products));
        ps.setArray(4, textArray(c, outcomes));
        ps.setArray(5, textArray(c, errors));
        executeForTenant(ps, tenant);
      }
      return Boolean.TRUE;
    });
  }

  /** {@inheritDoc} @throws JdbcStoreException if the database fails */
  @Override
  public Map<ProductId, SyncItem> syncItems(TenantId tenant, String runId) {
    Objects.requireNonNull(runId, "runId");
    return tx.inTenant(tenant.value(), "read sync items of run " + runId, c -> {
      Map<ProductId, SyncItem> out = new HashMap<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT product_id, outcome, error FROM inventory_sync_items WHERE tenant_id = ? AND run_id = ?")) {
        ps.setString(1, tenant.value());
        ps.setString(2, runId);
        ps.setFetchSize(10_000);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.put(ProductId.of(rs.getString(1)), new SyncItem(SyncItemOutcome.valueOf(rs.getString(2)),
                rs.getString(3)));
          }
        }
      }
      return Map.copyOf(out);
    });
  }

  // ---- helpers --------------------------------------------------------------------------------

  /** Binds the parameters of a query. */
  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  /**
   * Runs an insert into a table whose rows reference the tenant; a foreign-key violation (the
   * tenant was never saved) becomes {@code NotFoundException("tenantId")}, and the transaction
   * rolls back.
   */
  private static int executeForTenant(PreparedStatement ps, TenantId tenant) throws SQLException {
    try {
      return ps.executeUpdate();
    } catch (SQLException e) {
      if ("23503".equals(e.getSQLState())) {
        throw new NotFoundException("tenantId", tenant.value());
      }
      throw e;
    }
  }

  /** @throws NotFoundException("tenantId") unless the tenant is saved */
  private static void requireTenant(Connection c, TenantId tenant) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM inventory_tenants WHERE tenant_id = ?")) {
      ps.setString(1, tenant.value());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new NotFoundException("tenantId", tenant.value());
        }
      }
    }
  }

  /** Runs {@code cte} (which must define {@code p}, the product rows) and reads those products with their variants. */
  private static List<Product> readProducts(Connection c, TenantId tenant, String cte, Binder binder)
      throws SQLException {
    List<Product> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(cte + PRODUCTS_OF_P)) {
      binder.bind(ps);
      ps.setFetchSize(5_000);
      try (ResultSet rs = ps.executeQuery()) {
        ProductRow current = null;
        while (rs.next()) {
          String id = rs.getString("product_id");
          if (current == null || !current.id.equals(id)) {
            if (current != null) {
              out.add(current.build());
            }
            current = new ProductRow(tenant, rs);
          }
          current.variants.add(variant(rs));
        }
        if (current != null) {
          out.add(current.build());
        }
      }
    }
    return out;
  }

  /** The product columns of one row, collecting its variants from the following rows. */
  private static final class ProductRow {
    final String id;
    final TenantId tenant;
    final String supplierId;
    final String supplierProductId;
    final String title;
    final String category;
    final List<String> tags;
    final ProductStatus status;
    final @Nullable OutOfStockPolicy policy;
    final @Nullable Long threshold;
    final long version;
    final Instant createdAt;
    final Instant updatedAt;
    final List<Variant> variants = new ArrayList<>();

    ProductRow(TenantId tenant, ResultSet rs) throws SQLException {
      this.tenant = tenant;
      this.id = rs.getString("product_id");
      this.supplierId = rs.getString("supplier_id");
      this.supplierProductId = rs.getString("supplier_product_id");
      this.title = rs.getString("title");
      this.category = rs.getString("category");
      this.tags = List.of((String[]) rs.getArray("tags").getArray());
      this.status = ProductStatus.valueOf(rs.getString("status"));
      String p = rs.getString("out_of_stock_policy");
      this.policy = p == null ? null : OutOfStockPolicy.valueOf(p);
      this.threshold = nullableLong(rs, "low_stock_threshold");
      this.version = rs.getLong("version");
      this.createdAt = Sql.instant(rs.getLong("created_ns"));
      this.updatedAt = Sql.instant(rs.getLong("updated_ns"));
    }

    Product build() {
      return new Product(tenant, ProductId.of(id), supplierId, supplierProductId, title, category, tags, variants,
          status, policy, threshold, version, createdAt, updatedAt);
    }
  }

  private static Variant variant(ResultSet rs) throws SQLException {
    Currency currency = Currency.getInstance(rs.getString("currency"));
    BigDecimal compareAt = rs.getBigDecimal("compare_at_price");
    return new Variant(VariantId.of(rs.getString("variant_id")), rs.getString("supplier_variant_id"),
        rs.getString("sku"), Money.of(rs.getBigDecimal("cost"), currency), rs.getLong("on_hand"),
        rs.getLong("reserved"), Money.of(rs.getBigDecimal("retail_price"), currency),
        compareAt == null ? null : Money.of(compareAt, currency), rs.getBoolean("manual_price"),
        rs.getBoolean("below_margin_floor"), nullableLong(rs, "variant_low_stock_threshold"));
  }

  private static <T> Optional<T> first(List<T> list) {
    return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
  }

  private static Array textArray(Connection c, List<? extends @Nullable String> values) throws SQLException {
    return c.createArrayOf("text", values.toArray());
  }

  private static void setNullableLong(PreparedStatement ps, int index, @Nullable Long value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.BIGINT);
    } else {
      ps.setLong(index, value);
    }
  }

  private static @Nullable Long nullableLong(ResultSet rs, int index) throws SQLException {
    long v = rs.getLong(index);
    return rs.wasNull() ? null : v;
  }

  private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }
}
