package dev.dropsync.inventory;

import dev.dropsync.inventory.spi.InventoryStore;
import dev.dropsync.inventory.spi.StockChange;
import dev.dropsync.inventory.spi.SupplierOffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Brings a tenant's products (or a chosen subset) in line with the supplier: for each product it
 * reads stock and cost of its variants with one {@link
 * dev.dropsync.inventory.spi.SupplierCatalog#offers} call (for CJ one {@code /product/query}),
 * writes changed stock as {@link LedgerReason#SUPPLIER_SYNC} ledger entries, reprices on cost
 * changes and applies the stock rules. A variant the supplier reports {@linkplain
 * dev.dropsync.inventory.spi.SupplierOffer#unavailable() unavailable} gets stock 0 and keeps its
 * cost.
 *
 * <p>The sync does no pacing of its own (no batching, no sleeps): a supplier client that enforces a
 * request rate (such as cj-client's limiter) paces the calls, and {@code syncConcurrency} workers
 * keep it busy. Choose a concurrency of at least the supplier's requests per second times its
 * response time, so a run of N products takes about N calls divided by the allowed rate.
 *
 * <p>At most {@code syncConcurrency} products are in flight at once, on the engine's sync
 * executor. A failing product is recorded ({@link SyncItemOutcome#FAILED}) and the run goes on.
 * A run can be cancelled and later resumed; a resume skips products already done. A re-run with
 * unchanged supplier data writes nothing (no ledger entry, no version bump). Every run is stored
 * with its counts, so {@link SyncRun#successRate()} is available for each. One run per tenant at a
 * time. Thread-safe.
 *
 * @since 0.1.0
 */
public final class InventorySync {
  private static final int PAGE = 1000;

  private final InventoryEngine engine;
  private final InventoryStore store;
  private final Executor executor;
  private final int concurrency;
  private final ConcurrentHashMap<TenantId, Run> running = new ConcurrentHashMap<>();

  InventorySync(InventoryEngine engine, Executor executor, int concurrency) {
    this.engine = engine;
    this.store = engine.store();
    this.executor = executor;
    this.concurrency = concurrency;
  }

  /**
   * The products a sync of {@code tenant} would visit: every product that is not archived (or
   * those of {@code subset}), in id order. Reads the store in pages of 1000.
   *
   * @param subset the products to sync, or null for all
   * @throws NotFoundException if the tenant or a product of the subset is unknown
   */
  public List<ProductId> plan(TenantId tenant, @Nullable Collection<ProductId> subset) {
    engine.tenant(tenant);
    List<ProductId> ids = new ArrayList<>();
    if (subset != null) {
      for (ProductId id : new LinkedHashSet<>(subset)) {
        Product p = engine.product(tenant, Objects.requireNonNull(id, "productId"));
        if (p.status() != ProductStatus.ARCHIVED) {
          ids.add(id);
        }
      }
      return ids;
    }
    ProductId after = null;
    while (true) {
      List<Product> page = store.listProducts(tenant, after, PAGE);
      for (Product p : page) {
        if (p.status() != ProductStatus.ARCHIVED) {
          ids.add(p.id());
        }
      }
      if (page.size() < PAGE) {
        return ids;
      }
      after = page.get(page.size() - 1).id();
    }
  }

  /** Starts a sync of all the tenant's products. @see #start(TenantId, Collection, SyncProgressListener) */
  public SyncHandle start(TenantId tenant) {
    return start(tenant, null, null);
  }

  /**
   * Starts a sync run.
   *
   * @param tenant the tenant
   * @param subset the products to sync, or null for all non-archived products
   * @param listener receives progress snapshots, or null
   * @return the handle of the new run (already finished if the executor runs tasks inline)
   * @throws NotFoundException if the tenant or a product of the subset is unknown
   * @throws SyncInProgressException if the tenant already has a run going
   */
  public SyncHandle start(TenantId tenant, @Nullable Collection<ProductId> subset, @Nullable SyncProgressListener listener) {
    List<ProductId> items = plan(tenant, subset);
    String runId = "sync-" + UUID.randomUUID();
    Map<ProductId, SyncItem> pending = new HashMap<>();
    for (ProductId id : items) {
      pending.put(id, SyncItem.of(SyncItemOutcome.PENDING));
    }
    Run run = new Run(runId, tenant, items, items.size(), 0, 0, listener);
    claim(run);
    try {
      // The plan first, then the run: a process that dies in between leaves no run without its
      // items (which a resume would complete with nothing done), only unreferenced items.
      if (!pending.isEmpty()) {
        store.recordSyncItems(tenant, runId, pending);
      }
      store.saveSyncRun(run.record(SyncRunStatus.RUNNING, null));
    } catch (RuntimeException e) {
      running.remove(tenant, run);
      throw e;
    }
    run.launch();
    return run;
  }

  /**
   * Resumes a cancelled (or interrupted) run under the same id, skipping products already done;
   * pending and failed products are processed.
   *
   * @throws NotFoundException if the tenant or run is unknown
   * @throws InvalidInputException if the run already completed
   * @throws SyncInProgressException if the tenant already has a run going
   */
  public SyncHandle resume(TenantId tenant, String runId, @Nullable SyncProgressListener listener) {
    engine.tenant(tenant);
    InventoryEngine.requireText("runId", runId);
    SyncRun stored = store.findSyncRun(tenant, runId).orElseThrow(() -> new NotFoundException("runId", runId));
    if (stored.status() == SyncRunStatus.COMPLETED) {
      throw new InvalidInputException("runId", runId, "must not be a completed run");
    }
    Map<ProductId, SyncItem> items = store.syncItems(tenant, runId);
    List<ProductId> todo = new ArrayList<>();
    int updated = 0;
    int unchanged = 0;
    for (Map.Entry<ProductId, SyncItem> e : items.entrySet()) {
      switch (e.getValue().outcome()) {
        case UPDATED:
          updated++;
          break;
        case UNCHANGED:
          unchanged++;
          break;
        default:
          todo.add(e.getKey());
      }
    }
    Collections.sort(todo, (a, b) -> a.value().compareTo(b.value()));
    Run run = new Run(runId, tenant, todo, stored.total(), updated, unchanged, listener);
    claim(run);
    try {
      store.saveSyncRun(run.record(SyncRunStatus.RUNNING, null));
    } catch (RuntimeException e) {
      running.remove(tenant, run);
      throw e;
    }
    run.launch();
    return run;
  }

  /** The tenant's running sync, if any. */
  public Optional<SyncHandle> current(TenantId tenant) {
    return Optional.ofNullable(running.get(tenant));
  }

  /** The tenant's stored runs, oldest first. @throws NotFoundException if the tenant is unknown */
  public List<SyncRun> history(TenantId tenant) {
    engine.tenant(tenant);
    return store.listSyncRuns(tenant);
  }

  private void claim(Run run) {
    Run other = running.putIfAbsent(run.tenant, run);
    if (other != null) {
      throw new SyncInProgressException(run.tenant, other.runId);
    }
  }

  /**
   * Syncs one product now, outside any run (e.g. on a supplier stock webhook: re-read the current
   * state rather than trusting the event). Same effects as a run's item.
   *
   * @param ref the ledger reference for stock changes, e.g. the webhook message id; not blank
   * @return UPDATED or UNCHANGED
   * @throws NotFoundException if the tenant or product is unknown
   * @throws InventoryException if the supplier does not report the product's variants
   */
  public SyncItemOutcome syncNow(TenantId tenant, ProductId product, String ref) {
    InventoryEngine.requireText("ref", ref);
    return syncProduct(tenant, Objects.requireNonNull(product, "productId"), ref);
  }

  /** Syncs one product; returns its outcome. Throws on failure. */
  SyncItemOutcome syncProduct(TenantId tenant, ProductId productId, String ref) {
    Product p = engine.product(tenant, productId);
    if (p.status() == ProductStatus.ARCHIVED) {
      return SyncItemOutcome.UNCHANGED;
    }
    List<String> ids = new ArrayList<>(p.variants().size());
    for (Variant v : p.variants()) {
      ids.add(v.supplierVariantId());
    }
    Map<String, SupplierOffer> offers = engine.supplier(p.supplierId()).offers(p.supplierProductId(), ids);
    Map<VariantId, Money> newCosts = new HashMap<>();
    Map<String, Long> stock = new HashMap<>();
    for (Variant v : p.variants()) {
      SupplierOffer offer = offers.get(v.supplierVariantId());
      if (offer == null) {
        throw new InventoryException("supplier reported no stock and cost for supplier variant \""
            + v.supplierVariantId() + "\" of product \"" + productId + "\" (supplier product \""
            + p.supplierProductId() + "\")");
      }
      stock.put(v.supplierVariantId(), offer.stock());
      Money cost = offer.cost();
      if (cost == null) {
        continue; // not on sale at the supplier: stock 0 is written, the last known cost is kept
      }
      v.cost().requireSameCurrency(cost);
      if (cost.compareTo(v.cost()) != 0) {
        newCosts.put(v.id(), cost);
      }
    }
    boolean changed = false;
    if (!newCosts.isEmpty()) {
      engine.applyCosts(tenant, productId, newCosts);
      changed = true;
    }
    List<StockChange> changes = new ArrayList<>();
    Instant now = engine.clock().instant();
    for (Variant v : p.variants()) {
      long level = Objects.requireNonNull(stock.get(v.supplierVariantId()));
      StockChange c = store.setOnHand(tenant, v.id(), level, LedgerReason.SUPPLIER_SYNC, ref, now);
      if (c.changed()) {
        changes.add(c);
        changed = true;
      }
    }
    engine.afterStockChanges(tenant, changes);
    return changed ? SyncItemOutcome.UPDATED : SyncItemOutcome.UNCHANGED;
  }

  private final class Run implements SyncHandle {
    final String runId;
    final TenantId tenant;
    final List<ProductId> items;
    final int total;
    final int doneBefore;
    final @Nullable SyncProgressListener listener;
    final Instant startedAt;
    final AtomicInteger next = new AtomicInteger();
    final AtomicInteger activeWorkers = new AtomicInteger();
    final AtomicInteger updated;
    final AtomicInteger unchanged;
    final AtomicInteger failed = new AtomicInteger();
    final AtomicInteger processedNow = new AtomicInteger();
    final Map<ProductId, String> failures = new ConcurrentHashMap<>();
    final CompletableFuture<SyncRun> future = new CompletableFuture<>();
    volatile boolean cancelled;
    volatile boolean finished;
    volatile String currentTask = "starting";
    volatile @Nullable Instant finishedAt;

    Run(String runId, TenantId tenant, List<ProductId> items, int total, int updated, int unchanged,
        @Nullable SyncProgressListener listener) {
      this.runId = runId;
      this.tenant = tenant;
      this.items = List.copyOf(items);
      this.total = total;
      this.doneBefore = updated + unchanged;
      this.updated = new AtomicInteger(updated);
      this.unchanged = new AtomicInteger(unchanged);
      this.listener = listener;
      this.startedAt = engine.clock().instant();
    }

    void launch() {
      notifyProgress();
      int workers = Math.min(concurrency, items.size());
      if (workers == 0) {
        finish();
        return;
      }
      activeWorkers.set(workers);
      for (int i = 0; i < workers; i++) {
        try {
          executor.execute(this::work);
        } catch (RejectedExecutionException e) {
          if (activeWorkers.decrementAndGet() == 0) {
            finish();
          }
        }
      }
    }

    void work() {
      try {
        while (!cancelled) {
          int i = next.getAndIncrement();
          if (i >= items.size()) {
            break;
          }
          ProductId id = items.get(i);
          currentTask = "syncing product " + id.value();
          SyncItemOutcome outcome;
          String error = null;
          try {
            outcome = syncProduct(tenant, id, runId);
          } catch (RuntimeException e) {
            outcome = SyncItemOutcome.FAILED;
            error = String.valueOf(e.getMessage());
            failures.put(id, error);
          }
          switch (outcome) {
            case UPDATED:
              updated.incrementAndGet();
              break;
            case UNCHANGED:
              unchanged.incrementAndGet();
              break;
            default:
              failed.incrementAndGet();
          }
          processedNow.incrementAndGet();
          try {
            store.recordSyncItems(tenant, runId, Map.of(id, new SyncItem(outcome, error)));
          } catch (RuntimeException e) {
            failures.put(id, "could not record outcome: " + e.getMessage());
          }
          notifyProgress();
        }
      } finally {
        if (activeWorkers.decrementAndGet() == 0) {
          finish();
        }
      }
    }

    private void finish() {
      finishedAt = engine.clock().instant();
      finished = true;
      currentTask = cancelled ? "cancelled" : "done";
      SyncRun record = record(cancelled ? SyncRunStatus.CANCELLED : SyncRunStatus.COMPLETED, finishedAt);
      try {
        store.saveSyncRun(record);
      } finally {
        running.remove(tenant, this);
        notifyProgress();
        future.complete(record);
      }
    }

    SyncRun record(SyncRunStatus status, @Nullable Instant end) {
      return new SyncRun(runId, tenant, status, startedAt, end, total, updated.get(), unchanged.get(), failed.get());
    }

    private void notifyProgress() {
      if (listener != null) {
        try {
          listener.onProgress(status());
        } catch (RuntimeException ignored) {
          // progress listeners cannot stop a run
        }
      }
    }

    @Override
    public String runId() {
      return runId;
    }

    @Override
    public SyncStatus status() {
      int up = updated.get();
      int un = unchanged.get();
      int fa = failed.get();
      int processed = up + un + fa;
      SyncRunStatus state = finished ? (cancelled ? SyncRunStatus.CANCELLED : SyncRunStatus.COMPLETED) : SyncRunStatus.RUNNING;
      Instant eta = null;
      int now = processedNow.get();
      if (!finished && now > 0) {
        Instant t = engine.clock().instant();
        long elapsedNanos = Math.max(0, Duration.between(startedAt, t).toNanos());
        long remaining = Math.max(0, total - processed);
        double perItem = (double) elapsedNanos / now;
        eta = t.plusNanos((long) (perItem * remaining));
      }
      return new SyncStatus(runId, tenant, state, processed, total, currentTask, startedAt, eta, up, un, fa);
    }

    @Override
    public void cancel() {
      cancelled = true;
    }

    @Override
    public CompletableFuture<SyncRun> future() {
      return future;
    }

    @Override
    public Map<ProductId, String> failures() {
      return Map.copyOf(failures);
    }

    @Override
    public SyncRun await(Duration timeout) {
      try {
        return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        throw new InventoryException("sync run \"" + runId + "\" did not end within " + timeout, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InventoryException("interrupted while waiting for sync run \"" + runId + "\"", e);
      } catch (ExecutionException e) {
        throw new InventoryException("sync run \"" + runId + "\" failed: " + e.getCause(), e);
      }
    }
  }

}
