package dev.dropsync.inventory.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dropsync.inventory.InsufficientStockException;
import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.LedgerEntry;
import dev.dropsync.inventory.LedgerReason;
import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.NotFoundException;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link InventoryStore} must have. Extend it, implement {@link #newStore()}
 * (an empty store per test), and run it: a host's JDBC store that passes is a drop-in for the
 * in-memory one.
 */
public abstract class InventoryStoreContractTest {
  protected static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  protected static final TenantId A = TenantId.of("tenant-a");
  protected static final TenantId B = TenantId.of("tenant-b");

  protected InventoryStore store;
  private final ExecutorService pool = Executors.newFixedThreadPool(8);

  /** A new, empty store. */
  protected abstract InventoryStore newStore();

  @BeforeEach
  void setUpStore() {
    store = newStore();
    store.saveTenant(Tenant.of(A, Plan.FREE, Currency.getInstance("USD")));
    store.saveTenant(Tenant.of(B, Plan.FREE, Currency.getInstance("USD")));
  }

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  protected static Product product(TenantId tenant, String id, String supplierProductId, long... onHand) {
    List<Variant> vs = new ArrayList<>();
    for (int i = 0; i < onHand.length; i++) {
      vs.add(new Variant(VariantId.of(id + "-v" + (i + 1)), supplierProductId + "-V" + (i + 1), "SKU-" + id + "-" + (i + 1),
          Money.of("4.00", "USD"), onHand[i], 0, Money.of("8.99", "USD"), null, false, false, null));
    }
    return new Product(tenant, ProductId.of(id), "cj", supplierProductId, "Title " + id, "Kitchen", List.of("home"),
        vs, ProductStatus.DRAFT, null, null, 0, T0, T0);
  }

  protected Product insert(TenantId tenant, String id, long... onHand) {
    InsertResult r = store.insertProductIfAbsent(product(tenant, id, "SP-" + id, onHand), T0);
    assertThat(r.inserted()).isTrue();
    return r.product();
  }

  protected static VariantId v(String productId, int n) {
    return VariantId.of(productId + "-v" + n);
  }

  @Test
  void savesAndReplacesTenants() {
    assertThat(store.findTenant(A)).map(Tenant::plan).contains(Plan.FREE);
    store.saveTenant(Tenant.of(A, Plan.PRO, Currency.getInstance("USD")));
    assertThat(store.findTenant(A)).map(Tenant::plan).contains(Plan.PRO);
    assertThat(store.findTenant(TenantId.of("nobody"))).isEmpty();
  }

  @Test
  void insertStoresAtVersionOneAndLedgersInitialStock() {
    Product p = insert(A, "p1", 7, 0);
    assertThat(p.version()).isEqualTo(1);
    assertThat(store.findProduct(A, p.id())).contains(p);
    assertThat(store.findProductBySupplierId(A, "cj", "SP-p1")).contains(p);
    assertThat(store.findProductByVariant(A, v("p1", 2))).contains(p);
    assertThat(store.findProductBySupplierVariant(A, "cj", "SP-p1-V2")).contains(p);
    assertThat(store.findProductBySupplierVariant(A, "other", "SP-p1-V2")).isEmpty();
    assertThat(store.findProductBySupplierVariant(A, "cj", "SP-p1-V9")).isEmpty();
    List<LedgerEntry> ledger = store.ledger(A, v("p1", 1));
    assertThat(ledger).singleElement().satisfies(e -> {
      assertThat(e.deltaOnHand()).isEqualTo(7);
      assertThat(e.reason()).isEqualTo(LedgerReason.SUPPLIER_SYNC);
    });
    assertThat(store.ledger(A, v("p1", 2))).isEmpty();
  }

  @Test
  void insertOfAnAlreadyImportedSupplierProductReturnsTheExistingOne() {
    Product first = insert(A, "p1", 3);
    InsertResult again = store.insertProductIfAbsent(product(A, "p2", "SP-p1", 9), T0);
    assertThat(again.inserted()).isFalse();
    assertThat(again.product()).isEqualTo(first);
    assertThat(store.findProduct(A, ProductId.of("p2"))).isEmpty();
    assertThat(store.ledger(A, 0, 100)).hasSize(1);
  }

  @Test
  void concurrentInsertsOfOneSupplierProductStoreExactlyOne() throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<InsertResult>> futures = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      String id = "dup" + i;
      futures.add(pool.submit(() -> {
        start.await();
        return store.insertProductIfAbsent(product(A, id, "SP-same", 5), T0);
      }));
    }
    start.countDown();
    int inserted = 0;
    for (Future<InsertResult> f : futures) {
      if (f.get(30, TimeUnit.SECONDS).inserted()) {
        inserted++;
      }
    }
    assertThat(inserted).isEqualTo(1);
    assertThat(store.listProducts(A, null, 100)).hasSize(1);
  }

  @Test
  void sameSupplierProductMayBeImportedByTwoTenants() {
    insert(A, "p1", 1);
    assertThat(store.insertProductIfAbsent(product(B, "q1", "SP-p1", 1), T0).inserted()).isTrue();
  }

  @Test
  void tenantsNeverSeeOrChangeEachOthersData() {
    Product a = insert(A, "p1", 10);
    store.reserve(A, "order-1", List.of(new ReservationLine(v("p1", 1), 2)), T0);
    assertThat(store.findProduct(B, a.id())).isEmpty();
    assertThat(store.findProductByVariant(B, v("p1", 1))).isEmpty();
    assertThat(store.findProductBySupplierId(B, "cj", "SP-p1")).isEmpty();
    assertThat(store.findProductBySupplierVariant(B, "cj", "SP-p1-V1")).isEmpty();
    assertThat(store.listProducts(B, null, 10)).isEmpty();
    assertThat(store.ledger(B, v("p1", 1))).isEmpty();
    assertThat(store.ledger(B, 0, 10)).isEmpty();
    assertThat(store.findReservation(B, "order-1")).isEmpty();
    assertThatThrownBy(() -> store.setOnHand(B, v("p1", 1), 0, LedgerReason.SUPPLIER_SYNC, "x", T0))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> store.reserve(B, "order-2", List.of(new ReservationLine(v("p1", 1), 1)), T0))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> store.changeStatus(B, a.id(), -1, ProductStatus.ACTIVE, OptionalInt.empty(), T0))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> store.updateProduct(new Product(B, a.id(), a.supplierId(), a.supplierProductId(), "x",
        a.category(), a.tags(), a.variants(), a.status(), null, null, a.version(), T0, T0), T0))
        .isInstanceOf(NotFoundException.class);
    assertThat(store.findProduct(A, a.id()).orElseThrow().variants().get(0).reserved()).isEqualTo(2);
  }

  @Test
  void updateProductIsACompareAndSetOnVersion() {
    Product p = insert(A, "p1", 4);
    Product renamed = p.withCategory("Mugs", List.of("mug"));
    Product stored = store.updateProduct(renamed, T0).orElseThrow();
    assertThat(stored.version()).isEqualTo(p.version() + 1);
    assertThat(stored.category()).isEqualTo("Mugs");
    assertThat(store.updateProduct(p.withCategory("Stale", List.of()), T0)).isEmpty();
    assertThat(store.findProduct(A, p.id()).orElseThrow().category()).isEqualTo("Mugs");
  }

  @Test
  void updateProductRefusesStatusOrStockChanges() {
    Product p = insert(A, "p1", 4);
    assertThatThrownBy(() -> store.updateProduct(p.withStatus(ProductStatus.ACTIVE), T0))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("status");
    assertThatThrownBy(() -> store.updateProduct(p.withVariant(v("p1", 1), x -> x.withStock(99, 0)), T0))
        .isInstanceOf(InvalidInputException.class);
    assertThat(store.findProduct(A, p.id())).contains(p);
  }

  @Test
  void changeStatusCountsActiveAndRefusesBeyondLimit() {
    Product p1 = insert(A, "p1", 1);
    Product p2 = insert(A, "p2", 1);
    StatusChange c1 = store.changeStatus(A, p1.id(), -1, ProductStatus.ACTIVE, OptionalInt.of(1), T0);
    assertThat(c1.outcome()).isEqualTo(StatusChange.Outcome.CHANGED);
    assertThat(c1.activeCount()).isEqualTo(1);
    assertThat(c1.product().version()).isEqualTo(p1.version() + 1);
    StatusChange c2 = store.changeStatus(A, p2.id(), -1, ProductStatus.ACTIVE, OptionalInt.of(1), T0);
    assertThat(c2.outcome()).isEqualTo(StatusChange.Outcome.LIMIT_REACHED);
    assertThat(c2.activeCount()).isEqualTo(1);
    assertThat(store.findProduct(A, p2.id()).orElseThrow().status()).isEqualTo(ProductStatus.DRAFT);
    assertThat(store.countActive(A)).isEqualTo(1);
    assertThat(store.countActive(B)).isZero();
    store.changeStatus(A, p1.id(), -1, ProductStatus.INACTIVE, OptionalInt.empty(), T0);
    assertThat(store.countActive(A)).isZero();
  }

  @Test
  void changeStatusChecksExpectedVersion() {
    Product p = insert(A, "p1", 1);
    StatusChange c = store.changeStatus(A, p.id(), p.version() + 5, ProductStatus.ACTIVE, OptionalInt.empty(), T0);
    assertThat(c.outcome()).isEqualTo(StatusChange.Outcome.VERSION_CONFLICT);
    assertThat(store.findProduct(A, p.id()).orElseThrow().status()).isEqualTo(ProductStatus.DRAFT);
  }

  @Test
  void concurrentActivationsNeverExceedTheLimit() throws Exception {
    for (int i = 0; i < 12; i++) {
      insert(A, "p" + i, 1);
    }
    for (int i = 0; i < 9; i++) {
      store.changeStatus(A, ProductId.of("p" + i), -1, ProductStatus.ACTIVE, OptionalInt.of(10), T0);
    }
    CountDownLatch start = new CountDownLatch(1);
    List<Future<StatusChange>> fs = new ArrayList<>();
    for (int i = 9; i < 12; i++) {
      ProductId id = ProductId.of("p" + i);
      fs.add(pool.submit(() -> {
        start.await();
        return store.tryActivate(A, id, OptionalInt.of(10), T0);
      }));
    }
    start.countDown();
    int won = 0;
    for (Future<StatusChange> f : fs) {
      if (f.get(30, TimeUnit.SECONDS).outcome() == StatusChange.Outcome.CHANGED) {
        won++;
      }
    }
    assertThat(won).isEqualTo(1);
    assertThat(store.countActive(A)).isEqualTo(10);
  }

  @Test
  void setOnHandWritesTheDeltaOnlyWhenTheLevelChanges() {
    Product p = insert(A, "p1", 10);
    StockChange c = store.setOnHand(A, v("p1", 1), 4, LedgerReason.SUPPLIER_SYNC, "run-1", T0);
    assertThat(c.changed()).isTrue();
    assertThat(c.onHandBefore()).isEqualTo(10);
    assertThat(c.onHandAfter()).isEqualTo(4);
    assertThat(c.entry()).isNotNull();
    assertThat(c.entry().deltaOnHand()).isEqualTo(-6);
    assertThat(c.entry().ref()).isEqualTo("run-1");
    long version = store.findProduct(A, p.id()).orElseThrow().version();
    StockChange same = store.setOnHand(A, v("p1", 1), 4, LedgerReason.SUPPLIER_SYNC, "run-2", T0);
    assertThat(same.changed()).isFalse();
    assertThat(store.findProduct(A, p.id()).orElseThrow().version()).isEqualTo(version);
    assertThat(store.ledger(A, v("p1", 1))).hasSize(2);
  }

  @Test
  void setOnHandBelowReservedIsNotClamped() {
    insert(A, "p1", 5);
    store.reserve(A, "o1", List.of(new ReservationLine(v("p1", 1), 4)), T0);
    StockChange c = store.setOnHand(A, v("p1", 1), 1, LedgerReason.SUPPLIER_SYNC, "sync", T0);
    assertThat(c.onHandAfter()).isEqualTo(1);
    assertThat(c.reservedAfter()).isEqualTo(4);
    Variant v = store.findProductByVariant(A, v("p1", 1)).orElseThrow().variant(v("p1", 1)).orElseThrow();
    assertThat(v.oversold()).isTrue();
    assertThat(v.available()).isZero();
  }

  @Test
  void adjustOnHandRefusesToGoNegativeAndChangesNothing() {
    insert(A, "p1", 3);
    assertThatThrownBy(() -> store.adjustOnHand(A, v("p1", 1), -4, LedgerReason.MANUAL_ADJUSTMENT, "count", T0))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("delta");
    assertThat(store.ledger(A, v("p1", 1))).hasSize(1);
    StockChange c = store.adjustOnHand(A, v("p1", 1), -3, LedgerReason.MANUAL_ADJUSTMENT, "count", T0);
    assertThat(c.onHandAfter()).isZero();
  }

  @Test
  void reserveTakesAllLinesOrNone() {
    insert(A, "p1", 5, 1);
    assertThatThrownBy(() -> store.reserve(A, "o1",
        List.of(new ReservationLine(v("p1", 1), 2), new ReservationLine(v("p1", 2), 2)), T0))
        .isInstanceOf(InsufficientStockException.class)
        .satisfies(e -> assertThat(((InsufficientStockException) e).available()).isEqualTo(1));
    Product p = store.findProduct(A, ProductId.of("p1")).orElseThrow();
    assertThat(p.variants()).allSatisfy(v -> assertThat(v.reserved()).isZero());
    assertThat(store.findReservation(A, "o1")).isEmpty();
    assertThat(store.ledger(A, 0, 100)).extracting(LedgerEntry::reason).containsOnly(LedgerReason.SUPPLIER_SYNC);
  }

  @Test
  void reserveIsIdempotentByOrderRefAndRejectsDifferentLines() {
    insert(A, "p1", 5);
    List<ReservationLine> lines = List.of(new ReservationLine(v("p1", 1), 2));
    ReservationChange first = store.reserve(A, "o1", lines, T0);
    assertThat(first.changes()).hasSize(1);
    ReservationChange again = store.reserve(A, "o1", lines, T0.plusSeconds(5));
    assertThat(again.changes()).isEmpty();
    assertThat(again.reservation()).isEqualTo(first.reservation());
    assertThatThrownBy(() -> store.reserve(A, "o1", List.of(new ReservationLine(v("p1", 1), 3)), T0))
        .isInstanceOf(ReservationConflictException.class);
    assertThat(store.findProductByVariant(A, v("p1", 1)).orElseThrow().variants().get(0).reserved()).isEqualTo(2);
  }

  @Test
  void commitConsumesOnceAndReleaseAfterCommitConflicts() {
    insert(A, "p1", 5);
    store.reserve(A, "o1", List.of(new ReservationLine(v("p1", 1), 2)), T0);
    ReservationChange c = store.commit(A, "o1", T0);
    assertThat(c.reservation()).isNotNull();
    assertThat(c.reservation().status()).isEqualTo(ReservationStatus.COMMITTED);
    assertThat(store.commit(A, "o1", T0).changes()).isEmpty();
    Variant v = store.findProductByVariant(A, v("p1", 1)).orElseThrow().variants().get(0);
    assertThat(v.onHand()).isEqualTo(3);
    assertThat(v.reserved()).isZero();
    assertThatThrownBy(() -> store.release(A, "o1", T0)).isInstanceOf(ReservationConflictException.class);
    assertThatThrownBy(() -> store.commit(A, "nope", T0)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void releaseGivesStockBackOnceAndCommitAfterReleaseConflicts() {
    insert(A, "p1", 5);
    store.reserve(A, "o1", List.of(new ReservationLine(v("p1", 1), 2)), T0);
    assertThat(store.release(A, "o1", T0).changes()).hasSize(1);
    assertThat(store.release(A, "o1", T0).changes()).isEmpty();
    assertThat(store.release(A, "unknown", T0).reservation()).isNull();
    Reservation r = store.findReservation(A, "o1").orElseThrow();
    assertThat(r.status()).isEqualTo(ReservationStatus.RELEASED);
    assertThatThrownBy(() -> store.commit(A, "o1", T0)).isInstanceOf(ReservationConflictException.class);
    assertThat(store.findProductByVariant(A, v("p1", 1)).orElseThrow().variants().get(0).available()).isEqualTo(5);
  }

  @Test
  void listsActiveReservationsCreatedBeforeACutoffOldestFirst() {
    insert(A, "p1", 10);
    store.reserve(A, "late", List.of(new ReservationLine(v("p1", 1), 1)), T0.plusSeconds(100));
    store.reserve(A, "early", List.of(new ReservationLine(v("p1", 1), 1)), T0.plusSeconds(10));
    store.reserve(A, "done", List.of(new ReservationLine(v("p1", 1), 1)), T0);
    store.commit(A, "done", T0);
    assertThat(store.activeReservations(A, T0.plusSeconds(200), 10)).extracting(Reservation::orderRef)
        .containsExactly("early", "late");
    assertThat(store.activeReservations(A, T0.plusSeconds(50), 10)).extracting(Reservation::orderRef)
        .containsExactly("early");
    assertThat(store.activeReservations(A, T0.plusSeconds(200), 1)).hasSize(1);
    assertThat(store.activeReservations(B, T0.plusSeconds(200), 10)).isEmpty();
  }

  @Test
  void ledgerReplaysToCurrentStock() {
    insert(A, "p1", 10);
    VariantId v1 = v("p1", 1);
    store.reserve(A, "o1", List.of(new ReservationLine(v1, 3)), T0);
    store.reserve(A, "o2", List.of(new ReservationLine(v1, 2)), T0);
    store.commit(A, "o1", T0);
    store.release(A, "o2", T0);
    store.setOnHand(A, v1, 12, LedgerReason.SUPPLIER_SYNC, "s", T0);
    store.adjustOnHand(A, v1, -1, LedgerReason.MANUAL_ADJUSTMENT, "broken", T0);
    Variant v = store.findProductByVariant(A, v1).orElseThrow().variants().get(0);
    long[] replay = LedgerEntry.replay(store.ledger(A, v1));
    assertThat(replay[0]).isEqualTo(v.onHand()).isEqualTo(11);
    assertThat(replay[1]).isEqualTo(v.reserved()).isZero();
    List<LedgerEntry> all = store.ledger(A, 0, 100);
    assertThat(all).extracting(LedgerEntry::sequence).isSorted().doesNotHaveDuplicates();
    assertThat(store.ledger(A, all.get(2).sequence(), 2)).containsExactly(all.get(3), all.get(4));
  }

  @Test
  void listProductsPagesInIdOrder() {
    for (String id : List.of("c", "a", "e", "b", "d")) {
      insert(A, id, 1);
    }
    List<Product> first = store.listProducts(A, null, 2);
    assertThat(first).extracting(p -> p.id().value()).containsExactly("a", "b");
    List<Product> next = store.listProducts(A, first.get(1).id(), 10);
    assertThat(next).extracting(p -> p.id().value()).containsExactly("c", "d", "e");
  }

  @Test
  void storesPricingRulesPerScope() {
    PricingRule rule = PricingRule.builder().multiplier("3").build();
    store.savePricingRule(A, PricingScope.category("Kitchen"), rule);
    assertThat(store.findPricingRule(A, PricingScope.category("Kitchen"))).contains(rule);
    assertThat(store.findPricingRule(A, PricingScope.tenant())).isEmpty();
    assertThat(store.findPricingRule(B, PricingScope.category("Kitchen"))).isEmpty();
    store.removePricingRule(A, PricingScope.category("Kitchen"));
    assertThat(store.findPricingRule(A, PricingScope.category("Kitchen"))).isEmpty();
  }

  @Test
  void storesSyncRunsAndItems() {
    SyncRun run = new SyncRun("r1", A, SyncRunStatus.RUNNING, T0, null, 2, 0, 0, 0);
    store.saveSyncRun(run);
    store.recordSyncItems(A, "r1", Map.of(ProductId.of("p1"), SyncItem.of(SyncItemOutcome.PENDING),
        ProductId.of("p2"), SyncItem.of(SyncItemOutcome.PENDING)));
    store.recordSyncItems(A, "r1", Map.of(ProductId.of("p1"), SyncItem.of(SyncItemOutcome.UPDATED),
        ProductId.of("p2"), SyncItem.failed("timeout")));
    SyncRun done = new SyncRun("r1", A, SyncRunStatus.COMPLETED, T0, T0.plusSeconds(1), 2, 1, 0, 1);
    store.saveSyncRun(done);
    assertThat(store.findSyncRun(A, "r1")).contains(done);
    assertThat(store.findSyncRun(B, "r1")).isEmpty();
    assertThat(store.listSyncRuns(A)).containsExactly(done);
    assertThat(store.syncItems(A, "r1")).containsEntry(ProductId.of("p1"), SyncItem.of(SyncItemOutcome.UPDATED))
        .containsEntry(ProductId.of("p2"), new SyncItem(SyncItemOutcome.FAILED, "timeout"));
    assertThat(store.syncItems(B, "r1")).isEmpty();
  }
}
