package dev.dropsync.inventory.spi;

import dev.dropsync.inventory.InsufficientStockException;
import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.LedgerEntry;
import dev.dropsync.inventory.LedgerReason;
import dev.dropsync.inventory.NotFoundException;
import dev.dropsync.inventory.Product;
import dev.dropsync.inventory.ProductId;
import dev.dropsync.inventory.ProductStatus;
import dev.dropsync.inventory.Reservation;
import dev.dropsync.inventory.ReservationConflictException;
import dev.dropsync.inventory.ReservationLine;
import dev.dropsync.inventory.SyncItem;
import dev.dropsync.inventory.SyncRun;
import dev.dropsync.inventory.Tenant;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.VariantId;
import dev.dropsync.inventory.pricing.PricingRule;
import dev.dropsync.inventory.pricing.PricingScope;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * Storage for tenants, products with their variants and stock, the append-only stock ledger,
 * reservations, pricing rules and sync runs.
 *
 * <p><b>Tenancy:</b> every call is scoped by a {@link TenantId}; a call for tenant A never reads or
 * changes tenant B's data (ids of another tenant are simply not found).
 *
 * <p><b>Atomicity:</b> each method is one atomic unit (a JDBC store runs it in one transaction).
 * Status changes only through {@link #changeStatus}, on-hand only through {@link #setOnHand},
 * {@link #adjustOnHand} and {@link #commit}, reserved only through the reservation calls; each of
 * those bumps the product's {@code version} and appends its ledger entries in the same unit.
 * {@link #updateProduct} is a compare-and-set on {@code version} for everything else (cost,
 * prices, thresholds, category).
 *
 * <p>Implementations are thread-safe. The reference implementation is {@code
 * dev.dropsync.inventory.memory.InMemoryInventoryStore}; host implementations extend the test-jar's
 * {@code dev.dropsync.inventory.spi.InventoryStoreContractTest}.
 *
 * @since 0.1.0
 */
public interface InventoryStore {

  /** Inserts or replaces a tenant's record (plan, currency, defaults). */
  void saveTenant(Tenant tenant);

  /** The tenant, if saved. */
  Optional<Tenant> findTenant(TenantId tenant);

  /**
   * Inserts {@code product} unless the tenant already has a product with the same {@code
   * (supplierId, supplierProductId)}, atomically: two concurrent inserts of one supplier product
   * store exactly one. A new product is stored at version 1 and a {@link LedgerReason#SUPPLIER_SYNC}
   * entry (ref {@code "import"}) is appended for each variant with on-hand above zero; reserved
   * must be 0.
   *
   * @throws NotFoundException if the tenant is unknown
   * @throws InvalidInputException if the product id or a variant id is already used in the tenant, or reserved is not 0
   */
  InsertResult insertProductIfAbsent(Product product, Instant at);

  /** The product, if the tenant has it. */
  Optional<Product> findProduct(TenantId tenant, ProductId product);

  /** The tenant's product for a supplier product, if imported. */
  Optional<Product> findProductBySupplierId(TenantId tenant, String supplierId, String supplierProductId);

  /** The tenant's product holding {@code variant}, if any. */
  Optional<Product> findProductByVariant(TenantId tenant, VariantId variant);

  /**
   * The tenant's product holding the supplier's variant {@code supplierVariantId} of supplier
   * {@code supplierId}, if imported. Used to route supplier stock and variant webhooks, which name
   * only the supplier's variant id.
   *
   * @since 0.1.0
   */
  Optional<Product> findProductBySupplierVariant(TenantId tenant, String supplierId, String supplierVariantId);

  /**
   * Up to {@code limit} of the tenant's products with ids after {@code after} (null: from the
   * start), ordered by product id (keyset paging).
   */
  List<Product> listProducts(TenantId tenant, @Nullable ProductId after, int limit);

  /** Number of the tenant's products with status {@link ProductStatus#ACTIVE}. */
  int countActive(TenantId tenant);

  /**
   * Replaces the stored product if its version equals {@code product.version()}; stores it at
   * version + 1. Status and stock (on-hand, reserved) must equal the stored ones: they change only
   * through their own calls.
   *
   * @return the stored product, or empty on a version conflict (nothing changed)
   * @throws NotFoundException if the product is unknown for the tenant
   * @throws InvalidInputException if the status, variant ids or stock differ from the stored ones
   */
  Optional<Product> updateProduct(Product product, Instant at);

  /**
   * Sets a product's status atomically: checks {@code expectedVersion} (negative: any version) and,
   * when {@code to} is ACTIVE and the product is not already active, that the tenant's active
   * count is below {@code activeLimit} (empty: unlimited); counting and changing happen in one
   * unit, so two activations at 9 of 10 cannot both pass. Lifecycle rules are the caller's.
   *
   * @throws NotFoundException if the product is unknown for the tenant
   */
  StatusChange changeStatus(TenantId tenant, ProductId product, long expectedVersion, ProductStatus to,
      OptionalInt activeLimit, Instant at);

  /**
   * Activates a product only while the tenant's active count is below {@code limit} (empty:
   * unlimited), counting and changing in one unit: {@code changeStatus(tenant, product, -1,
   * ACTIVE, limit, at)}.
   *
   * @throws NotFoundException if the product is unknown for the tenant
   */
  default StatusChange tryActivate(TenantId tenant, ProductId product, OptionalInt limit, Instant at) {
    return changeStatus(tenant, product, -1, ProductStatus.ACTIVE, limit, at);
  }

  /**
   * Writes the supplier's absolute level as on-hand and appends the delta as one ledger entry, in
   * one unit. A no-op (no ledger entry, no version bump) if on-hand already equals {@code onHand}.
   * Reserved is left alone even if it then exceeds on-hand (oversold).
   *
   * @throws NotFoundException if the variant is unknown for the tenant
   * @throws InvalidInputException if {@code onHand} is negative
   */
  StockChange setOnHand(TenantId tenant, VariantId variant, long onHand, LedgerReason reason, String ref, Instant at);

  /**
   * Adds {@code delta} to on-hand and appends it as one ledger entry, in one unit.
   *
   * @throws NotFoundException if the variant is unknown for the tenant
   * @throws InvalidInputException if on-hand would go negative or {@code delta} is 0
   */
  StockChange adjustOnHand(TenantId tenant, VariantId variant, long delta, LedgerReason reason, String ref, Instant at);

  /**
   * Reserves every line or none, idempotent by {@code orderRef} (see {@link
   * dev.dropsync.inventory.StockReservations#reserve}). Appends one {@link LedgerReason#RESERVATION}
   * entry per line.
   *
   * @throws InsufficientStockException if a line asks for more than is available
   * @throws NotFoundException if a variant is unknown for the tenant
   * @throws ReservationConflictException if {@code orderRef} holds different lines
   */
  ReservationChange reserve(TenantId tenant, String orderRef, List<ReservationLine> lines, Instant at);

  /**
   * Releases an active reservation (one {@link LedgerReason#RELEASE} entry per line); a no-op if it
   * is released or absent.
   *
   * @throws ReservationConflictException if it was committed
   */
  ReservationChange release(TenantId tenant, String orderRef, Instant at);

  /**
   * Commits an active reservation: on-hand and reserved drop together (one {@link
   * LedgerReason#COMMIT} entry per line); a no-op if already committed.
   *
   * @throws NotFoundException if there is no reservation for {@code orderRef}
   * @throws ReservationConflictException if it was released
   */
  ReservationChange commit(TenantId tenant, String orderRef, Instant at);

  /** The reservation for {@code orderRef}, if any. */
  Optional<Reservation> findReservation(TenantId tenant, String orderRef);

  /**
   * Up to {@code limit} of the tenant's ACTIVE reservations created before {@code createdBefore},
   * oldest first (for expiry).
   */
  List<Reservation> activeReservations(TenantId tenant, Instant createdBefore, int limit);

  /** The ledger entries of one variant, oldest first. */
  List<LedgerEntry> ledger(TenantId tenant, VariantId variant);

  /** Up to {@code limit} of the tenant's ledger entries with sequence above {@code afterSequence}, oldest first. */
  List<LedgerEntry> ledger(TenantId tenant, long afterSequence, int limit);

  /** Inserts or replaces the pricing rule for {@code scope}. */
  void savePricingRule(TenantId tenant, PricingScope scope, PricingRule rule);

  /** Removes the pricing rule for {@code scope}, if any. */
  void removePricingRule(TenantId tenant, PricingScope scope);

  /** The pricing rule for exactly {@code scope}, if any. */
  Optional<PricingRule> findPricingRule(TenantId tenant, PricingScope scope);

  /** Inserts or replaces a sync run record. */
  void saveSyncRun(SyncRun run);

  /** The sync run, if any. */
  Optional<SyncRun> findSyncRun(TenantId tenant, String runId);

  /** The tenant's sync runs, oldest first. */
  List<SyncRun> listSyncRuns(TenantId tenant);

  /**
   * Records (or overwrites) what a run did to each product given, in one unit (batch-capable: a
   * run's plan is recorded as PENDING items in one call).
   */
  void recordSyncItems(TenantId tenant, String runId, Map<ProductId, SyncItem> items);

  /** What a run did to each product it processed. */
  Map<ProductId, SyncItem> syncItems(TenantId tenant, String runId);
}
