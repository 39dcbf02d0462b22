package dev.dropsync.examples;

import dev.dropsync.cj.model.Product;
import dev.dropsync.cj.model.ProductListRequest;
import dev.dropsync.cj.supplier.CjSupplier;
import dev.dropsync.inventory.BulkImportResult;
import dev.dropsync.inventory.InventoryEngine;
import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.Plan;
import dev.dropsync.inventory.ProductId;
import dev.dropsync.inventory.ProductStatus;
import dev.dropsync.inventory.SyncRun;
import dev.dropsync.inventory.Tenant;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.VariantId;
import dev.dropsync.inventory.memory.InMemoryInventoryStore;
import dev.dropsync.inventory.pricing.CharmRounding;
import dev.dropsync.inventory.pricing.CostTier;
import dev.dropsync.inventory.pricing.PricingRule;
import dev.dropsync.inventory.pricing.PricingScope;
import dev.dropsync.inventory.spi.InventoryListener;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Example 1, import and sync: CJ's catalogue through cj-supplier's {@code SupplierCatalog}, imported
 * into the {@link InventoryEngine} under a markup rule, then kept in step with CJ by a sync run with
 * live progress. Runs against the embedded CJ simulator ({@code java -jar dropsync-examples.jar
 * import-sync}).
 *
 * @since 0.1.0
 */
public final class ImportAndSyncExample {
  private ImportAndSyncExample() {}

  /**
   * What the run did, for checking.
   *
   * @param inventory the engine (its store holds the products)
   * @param shop the tenant
   * @param imported products imported
   * @param run the sync run
   * @param priceChanges retail prices the sync changed
   * @since 0.1.0
   */
  public record Result(InventoryEngine inventory, TenantId shop, List<ProductId> imported, SyncRun run, int priceChanges) {}

  /**
   * Runs the example against a fresh embedded simulator and prints what happens.
   *
   * @param args ignored
   * @since 0.1.0
   */
  public static void main(String[] args) {
    try (EmbeddedCj cj = EmbeddedCj.start(30, 6)) {
      run(cj, 12, System.out);
    }
  }

  /**
   * Imports the first {@code products} products of the catalogue, changes some at CJ, and syncs.
   *
   * @param cj the CJ side
   * @param products how many to import
   * @param out where to print
   * @return what happened
   * @since 0.1.0
   */
  public static Result run(EmbeddedCj cj, int products, PrintStream out) {
    // The CJ adapter: one CjClient per CJ account (it owns the account's rate limiter and tokens).
    CjSupplier supplier = CjSupplier.builder().client(cj.client()).clock(cj.clock()).build();
    AtomicInteger priceChanges = new AtomicInteger();
    ExecutorService syncPool = Executors.newFixedThreadPool(8);
    try {
      InventoryEngine inventory = InventoryEngine.builder()
          .store(new InMemoryInventoryStore())          // or your database's InventoryStore
          .supplier(supplier.catalog())
          .clock(cj.clock())
          .syncExecutor(syncPool).syncConcurrency(8)     // enough workers to keep the QPS limiter busy
          .lowStockThreshold(5)
          .listener(new InventoryListener() {
            @Override
            public void onPriceChanged(TenantId t, ProductId p, VariantId v, Money oldPrice, Money newPrice) {
              priceChanges.incrementAndGet();
            }
          })
          .build();

      TenantId shop = TenantId.of("shop-1");
      inventory.registerTenant(Tenant.of(shop, Plan.PRO, CjSupplier.USD));
      // DSers-style tiers on the supplier cost, prices ending in .99, never under a 25 % margin
      inventory.setPricingRule(shop, PricingScope.tenant(), PricingRule.builder()
          .tier(CostTier.multiply("0", "5", "2"))
          .tier(CostTier.add("5", "15", "10"))
          .tier(CostTier.multiply("15", "50", "1.5"))
          .multiplier("1.3")                             // above the top tier
          .rounding(CharmRounding.CENTS_99)
          .minimumMargin("0.25")
          .build());

      // 1. Import: the first by its CJ product URL, the rest in bulk by id (one /product/query each).
      List<String> pids = new ArrayList<>();
      for (Product p : cj.client().products().list(ProductListRequest.firstPage().withPageSize(products)).items()) {
        pids.add(p.pid());
      }
      String url = "https://cjdropshipping.com/product/item-p-" + pids.get(0) + ".html";
      dev.dropsync.inventory.Product first = inventory.importByUrl(shop, url).requireProduct();
      out.printf("Imported %s \"%s\" from %s: %d variants, first at cost %s sells for %s%n", first.id(),
          first.title(), url, first.variants().size(), first.variants().get(0).cost(),
          first.variants().get(0).retailPrice());
      BulkImportResult bulk = inventory.importAll(shop, pids.subList(1, pids.size()));
      List<ProductId> imported = new ArrayList<>();
      imported.add(first.id());
      for (dev.dropsync.inventory.ImportResult r : bulk.items()) {
        dev.dropsync.inventory.Product p = r.product();
        if (p != null) {
          imported.add(p.id());
        } else {
          out.printf("  %s not imported: %s%n", r.input(), r.reason());
        }
      }
      out.printf("Imported %d products in bulk (%d failed)%n", imported.size() - 1, pids.size() - imported.size());

      // 2. Meanwhile at CJ: a product sells out, another's cost goes up (the simulator lets us do it).
      String soldOut = pids.get(1);
      cj.sim().catalog().variantIds(soldOut).forEach(vid -> cj.sim().catalog().setStock(vid, 0));
      String dearer = pids.get(2);
      String dearerVid = cj.sim().catalog().variantIds(dearer).get(0);
      cj.sim().catalog().setPrice(dearerVid, cj.sim().catalog().price(dearerVid).multiply(new BigDecimal("1.5")));
      out.printf("At CJ: product %s sold out, variant %s costs 50 %% more%n", soldOut, dearerVid);

      // 3. Sync: one /product/query per product, progress after every product.
      SyncRun run = inventory.sync().start(shop, null, status -> {
        if (status.processed() == status.total() || status.processed() % 4 == 0) {
          out.printf("  sync %d/%d (%.0f %%) %s%n", status.processed(), status.total(), status.progress() * 100,
              status.currentTask());
        }
      }).await(Duration.ofMinutes(5));
      long inactive = inventory.products(shop).stream()
          .filter(p -> p.status() == ProductStatus.INACTIVE_OUT_OF_STOCK).count();
      out.printf("Sync %s: %d updated, %d unchanged, %d failed; %d prices changed; %d products switched off "
          + "for lack of stock%n", run.status(), run.updated(), run.unchanged(), run.failed(), priceChanges.get(), inactive);
      return new Result(inventory, shop, imported, run, priceChanges.get());
    } finally {
      syncPool.shutdownNow();
    }
  }
}
