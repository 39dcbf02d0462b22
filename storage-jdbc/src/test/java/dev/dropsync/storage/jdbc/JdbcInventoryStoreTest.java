package dev.dropsync.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dropsync.inventory.LedgerReason;
import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.NotFoundException;
import dev.dropsync.inventory.OutOfStockPolicy;
import dev.dropsync.inventory.Plan;
import dev.dropsync.inventory.Product;
import dev.dropsync.inventory.ProductId;
import dev.dropsync.inventory.ProductStatus;
import dev.dropsync.inventory.ReservationLine;
import dev.dropsync.inventory.SyncItem;
import dev.dropsync.inventory.SyncItemOutcome;
import dev.dropsync.inventory.SyncRun;
import dev.dropsync.inventory.SyncRunStatus;
import dev.dropsync.inventory.Tenant;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.Variant;
import dev.dropsync.inventory.VariantId;
import dev.dropsync.inventory.pricing.CharmRounding;
import dev.dropsync.inventory.pricing.CostTier;
import dev.dropsync.inventory.pricing.PricingRule;
import dev.dropsync.inventory.pricing.PricingScope;
import dev.dropsync.inventory.spi.StatusChange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@link JdbcInventoryStore} guarantees beyond the SPI contract suite. */
class JdbcInventoryStoreTest {
  private static final TenantId A = TenantId.of("tenant-a");
  private static final TenantId NOBODY = TenantId.of("nobody");
  private static final Instant T0 = Instant.parse("2026-11-02T10:00:00.123456789Z");

  private JdbcInventoryStore store;

  @BeforeEach
  void emptyStore() {
    store = new JdbcInventoryStore(TestDatabase.get().fresh());
    store.saveTenant(new Tenant(A, Plan.of("GOLD"), Currency.getInstance("EUR"), OutOfStockPolicy.SET_ZERO, 7L));
  }

  private static Product product(String id, ProductStatus status) {
    Variant plain = new Variant(VariantId.of(id + "-v1"), "S-" + id + "-1", "SKU-1", Money.of("3.10", "EUR"), 12, 0,
        Money.of("7.99", "EUR"), null, false, false, null);
    Variant priced = new Variant(VariantId.of(id + "-v2"), "S-" + id + "-2", "SKU-2", Money.of("0", "EUR"), 0, 0,
        Money.of("19.5", "EUR"), Money.of("24.99", "EUR"), true, true, 3L);
    return new Product(A, ProductId.of(id), "cj", "SP-" + id, "Über mug \"red\"", "Home/Kitchen",
        List.of("mugs", "gifts"), List.of(plain, priced), status, OutOfStockPolicy.KEEP, 2L, 0, T0, T0);
  }

  @Test
  void productsTenantsAndRulesReadBackExactly() {
    assertThat(store.findTenant(A)).contains(
        new Tenant(A, Plan.of("GOLD"), Currency.getInstance("EUR"), OutOfStockPolicy.SET_ZERO, 7L));
    Product stored = store.insertProductIfAbsent(product("p1", ProductStatus.ACTIVE), T0).product();
    assertThat(store.findProduct(A, ProductId.of("p1"))).contains(stored);
    assertThat(stored.createdAt()).isEqualTo(T0);
    assertThat(store.countActive(A)).isEqualTo(1);
    PricingRule rule = PricingRule.builder().tier(CostTier.multiply("0", "5", "2.0")).tier(CostTier.add("5", null, "10"))
        .multiplier("1.30").fixedAdd("0.50").rounding(CharmRounding.CENTS_95).minimumMargin("0.250")
        .compareAtMultiplier("1.3").build();
    store.savePricingRule(A, PricingScope.product(ProductId.of("p1")), rule);
    assertThat(store.findPricingRule(A, PricingScope.product(ProductId.of("p1")))).contains(rule);
    assertThat(store.findPricingRule(A, PricingScope.product(ProductId.of("p1"))).orElseThrow().multiplier())
        .hasToString("1.30");
  }

  @Test
  void callsForATenantThatWasNeverSavedNameTheTenant() {
    for (Runnable call : List.<Runnable>of(
        () -> store.insertProductIfAbsent(new Product(NOBODY, ProductId.of("p"), "cj", "sp", "t", "", List.of(),
            product("x", ProductStatus.DRAFT).variants(), ProductStatus.DRAFT, null, null, 0, T0, T0), T0),
        () -> store.reserve(NOBODY, "o1", List.of(new ReservationLine(VariantId.of("v"), 1)), T0),
        () -> store.release(NOBODY, "o1", T0),
        () -> store.commit(NOBODY, "o1", T0),
        () -> store.setOnHand(NOBODY, VariantId.of("v"), 1, LedgerReason.SUPPLIER_SYNC, "s", T0),
        () -> store.savePricingRule(NOBODY, PricingScope.tenant(), PricingRule.builder().build()),
        () -> store.removePricingRule(NOBODY, PricingScope.tenant()),
        () -> store.saveSyncRun(new SyncRun("r", NOBODY, SyncRunStatus.RUNNING, T0, null, 0, 0, 0, 0)),
        () -> store.recordSyncItems(NOBODY, "r", Map.of(ProductId.of("p"), SyncItem.of(SyncItemOutcome.PENDING))))) {
      assertThatThrownBy(call::run).isInstanceOfSatisfying(NotFoundException.class, e -> {
        assertThat(e.field()).isEqualTo("tenantId");
        assertThat(e.value()).isEqualTo("nobody");
      });
    }
    assertThat(store.findTenant(NOBODY)).isEmpty();
    assertThat(store.countActive(NOBODY)).isZero();
  }

  @Test
  void theLedgerRefusesUpdatesAndDeletesEvenForTheSchemaOwner() throws SQLException {
    store.insertProductIfAbsent(product("p1", ProductStatus.DRAFT), T0);
    try (Connection c = TestDatabase.get().admin().getConnection(); Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.executeUpdate("UPDATE inventory_ledger SET delta_on_hand = 0"))
          .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
      assertThatThrownBy(() -> s.executeUpdate("DELETE FROM inventory_ledger"))
          .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
    }
    assertThat(store.ledger(A, VariantId.of("p1-v1"))).singleElement()
        .satisfies(e -> assertThat(e.deltaOnHand()).isEqualTo(12));
  }

  @Test
  void aStatusChangeThatWaitedForAStockChangeReturnsTheNewStock() throws Exception {
    store.insertProductIfAbsent(product("p1", ProductStatus.DRAFT), T0);
    try (Connection other = TestDatabase.get().admin().getConnection()) {
      // another transaction changes the stock (as the store does: variant, then product) and holds its locks
      other.setAutoCommit(false);
      try (Statement s = other.createStatement()) {
        s.executeUpdate("UPDATE inventory_variants SET on_hand = 40 WHERE variant_id = 'p1-v1'");
        s.executeUpdate("UPDATE inventory_products SET version = version + 1 WHERE product_id = 'p1'");
      }
      CompletableFuture<StatusChange> change = CompletableFuture.supplyAsync(() ->
          store.changeStatus(A, ProductId.of("p1"), -1, ProductStatus.ACTIVE, OptionalInt.empty(), T0));
      awaitLockWait();
      other.commit();
      StatusChange c = change.get(30, TimeUnit.SECONDS);
      assertThat(c.outcome()).isEqualTo(StatusChange.Outcome.CHANGED);
      assertThat(c.product().version()).isEqualTo(3);
      assertThat(c.product().variants().get(0).onHand()).isEqualTo(40);
      assertThat(c.product()).isEqualTo(store.findProduct(A, ProductId.of("p1")).orElseThrow());
    }
  }

  /** Waits (bounded) until a backend of the application role waits for a lock. */
  private static void awaitLockWait() throws SQLException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    try (Connection c = TestDatabase.get().admin().getConnection();
        PreparedStatement ps = c.prepareStatement(
            "SELECT count(*) FROM pg_stat_activity WHERE usename = ? AND wait_event_type = 'Lock'")) {
      ps.setString(1, TestDatabase.APP_ROLE);
      while (System.nanoTime() < deadline) {
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          if (rs.getLong(1) > 0) {
            return;
          }
        }
        Thread.onSpinWait();
      }
    }
    throw new AssertionError("the status change never waited for the stock change's lock");
  }
}
