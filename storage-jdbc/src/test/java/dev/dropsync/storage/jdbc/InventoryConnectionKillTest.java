package dev.dropsync.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropsync.inventory.LedgerReason;
import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.Plan;
import dev.dropsync.inventory.Product;
import dev.dropsync.inventory.ProductId;
import dev.dropsync.inventory.ProductStatus;
import dev.dropsync.inventory.ReservationLine;
import dev.dropsync.inventory.ReservationStatus;
import dev.dropsync.inventory.Tenant;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.Variant;
import dev.dropsync.inventory.VariantId;
import dev.dropsync.inventory.spi.StatusChange;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An inventory store call whose connection is terminated ({@code pg_terminate_backend}) in the
 * middle of its transaction, after it already wrote part of its rows or while one statement is
 * half done: nothing of it remains (stock, versions, ledger, counters, reservation rows), and
 * retrying the same call applies it whole.
 */
class InventoryConnectionKillTest {
  private static final TenantId A = TenantId.of("tenant-a");
  private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");
  private static final String LOCK_TENANT_ROW =
      "SELECT 1 FROM inventory_tenants WHERE tenant_id = 'tenant-a' FOR UPDATE";

  private JdbcInventoryStore store;

  @BeforeEach
  void twoProducts() {
    store = new JdbcInventoryStore(TestDatabase.get().fresh());
    store.saveTenant(Tenant.of(A, Plan.FREE, Currency.getInstance("USD")));
    store.insertProductIfAbsent(product("p1", 10, 4), T0);
    store.insertProductIfAbsent(product("p2", 6), T0);
  }

  @Test
  void reserveKilledAfterHoldingStockAndWritingLedgerRowsLeavesNoTrace() throws Exception {
    List<ReservationLine> lines = List.of(new ReservationLine(v("p2", 1), 2), new ReservationLine(v("p1", 1), 3));
    String before = state();
    // the victim inserts the reservation, takes the stock and writes the ledger, then blocks on the lines
    BackendKiller.killWhileWaiting("LOCK TABLE inventory_reservation_lines IN EXCLUSIVE MODE",
        () -> store.reserve(A, "o1", lines, T0));

    assertThat(state()).isEqualTo(before);
    assertThat(store.findReservation(A, "o1")).isEmpty();

    assertThat(store.reserve(A, "o1", lines, T0).changes()).hasSize(2);
    assertThat(store.findReservation(A, "o1")).hasValueSatisfying(r -> assertThat(r.lines()).isEqualTo(lines));
    assertThat(variant("p1", 1).reserved()).isEqualTo(3);
    assertThat(variant("p2", 1).reserved()).isEqualTo(2);
  }

  @Test
  void setOnHandKilledInsideItsWriteStatementLeavesStockVersionAndLedger() throws Exception {
    long version = store.findProduct(A, ProductId.of("p1")).orElseThrow().version();
    String before = state();
    // the stock statement locks the variant and product, then waits for the tenant row (ledger sequence)
    BackendKiller.killWhileWaiting(LOCK_TENANT_ROW,
        () -> store.setOnHand(A, v("p1", 1), 3, LedgerReason.SUPPLIER_SYNC, "sync-1", T0));

    assertThat(state()).isEqualTo(before);
    assertThat(variant("p1", 1).onHand()).isEqualTo(10);

    assertThat(store.setOnHand(A, v("p1", 1), 3, LedgerReason.SUPPLIER_SYNC, "sync-1", T0).changed()).isTrue();
    assertThat(variant("p1", 1).onHand()).isEqualTo(3);
    assertThat(store.findProduct(A, ProductId.of("p1")).orElseThrow().version()).isEqualTo(version + 1);
    assertThat(store.ledger(A, v("p1", 1))).hasSize(2);
  }

  @Test
  void activationKilledBetweenProductLockAndCountLeavesStatusAndCount() throws Exception {
    String before = state();
    BackendKiller.killWhileWaiting(LOCK_TENANT_ROW,
        () -> store.changeStatus(A, ProductId.of("p1"), -1, ProductStatus.ACTIVE, OptionalInt.of(10), T0));

    assertThat(state()).isEqualTo(before);
    assertThat(store.countActive(A)).isZero();

    StatusChange c = store.changeStatus(A, ProductId.of("p1"), -1, ProductStatus.ACTIVE, OptionalInt.of(10), T0);
    assertThat(c.outcome()).isEqualTo(StatusChange.Outcome.CHANGED);
    assertThat(store.countActive(A)).isEqualTo(1);
  }

  @Test
  void commitKilledMidWayLeavesTheReservationActiveAndItsStockHeld() throws Exception {
    store.reserve(A, "o1", List.of(new ReservationLine(v("p1", 2), 4)), T0);
    String before = state();
    BackendKiller.killWhileWaiting(LOCK_TENANT_ROW, () -> store.commit(A, "o1", T0));

    assertThat(state()).isEqualTo(before);
    assertThat(store.findReservation(A, "o1").orElseThrow().status()).isEqualTo(ReservationStatus.ACTIVE);

    store.commit(A, "o1", T0);
    assertThat(store.findReservation(A, "o1").orElseThrow().status()).isEqualTo(ReservationStatus.COMMITTED);
    assertThat(variant("p1", 2).onHand()).isZero();
    assertThat(variant("p1", 2).reserved()).isZero();
  }

  @Test
  void importKilledAfterProductVariantsAndCounterLeavesNoProduct() throws Exception {
    String before = state();
    // product and variant rows and the tenant's counters are written, then the ledger insert blocks
    BackendKiller.killWhileWaiting("LOCK TABLE inventory_ledger IN EXCLUSIVE MODE",
        () -> store.insertProductIfAbsent(product("p3", 5, 5), T0));

    assertThat(state()).isEqualTo(before);
    assertThat(store.findProduct(A, ProductId.of("p3"))).isEmpty();
    assertThat(store.findProductBySupplierId(A, "cj", "SP-p3")).isEmpty();

    assertThat(store.insertProductIfAbsent(product("p3", 5, 5), T0).inserted()).isTrue();
    assertThat(store.ledger(A, v("p3", 2))).hasSize(1);
  }

  private Variant variant(String product, int n) {
    return store.findProductByVariant(A, v(product, n)).orElseThrow().variant(v(product, n)).orElseThrow();
  }

  private static VariantId v(String product, int n) {
    return VariantId.of(product + "-v" + n);
  }

  private static Product product(String id, long... onHand) {
    List<Variant> vs = new ArrayList<>();
    for (int i = 0; i < onHand.length; i++) {
      vs.add(new Variant(v(id, i + 1), "SP-" + id + "-V" + (i + 1), "SKU-" + id + "-" + i, Money.of("4.00", "USD"),
          onHand[i], 0, Money.of("8.99", "USD"), null, false, false, null));
    }
    return new Product(A, ProductId.of(id), "cj", "SP-" + id, "Title " + id, "Kitchen", List.of("home"), vs,
        ProductStatus.DRAFT, null, null, 0, T0, T0);
  }

  /** Every inventory row that a store call may touch, as text (read as the superuser). */
  private static String state() {
    return TestDatabase.get().dump(
        "SELECT tenant_id, active_count, ledger_seq FROM inventory_tenants ORDER BY 1",
        "SELECT product_id, status, version, updated_ns FROM inventory_products ORDER BY 1",
        "SELECT variant_id, on_hand, reserved FROM inventory_variants ORDER BY 1",
        "SELECT seq, variant_id, delta_on_hand, delta_reserved, reason, ref FROM inventory_ledger ORDER BY 1",
        "SELECT order_ref, status, updated_ns FROM inventory_reservations ORDER BY 1",
        "SELECT order_ref, line_no, variant_id, quantity FROM inventory_reservation_lines ORDER BY 1, 2");
  }
}
