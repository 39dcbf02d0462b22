package dev.dropsync.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dropsync.inventory.spi.SupplierProduct;
import dev.dropsync.inventory.spi.SupplierVariant;
import dev.dropsync.inventory.testing.InventoryFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ImportTest {
  private final InventoryFixture fx = InventoryFixture.create();
  private final InventoryEngine engine = fx.engine();
  private final TenantId shop = fx.tenant("shop", Plan.PRO);

  private void supplierHas(String pid, String cost, long stock) {
    fx.supplier().put(new SupplierProduct(pid, "Mug " + pid, List.of("Home & Garden", "Kitchen", "Mugs"),
        List.of(new SupplierVariant(pid + "-RED", pid + "-SKU-RED", Money.of(cost, "USD"), stock),
            new SupplierVariant(pid + "-BLUE", pid + "-SKU-BLUE", Money.of(cost, "USD"), 0))));
  }

  @Test
  void importsBySupplierIdWithVariantsPricesCategoryAndLedger() {
    supplierHas("1001", "4.20", 25);
    ImportResult r = engine.importProduct(shop, "1001");
    assertThat(r.outcome()).isEqualTo(ImportOutcome.IMPORTED);
    Product p = engine.product(shop, r.requireProduct().id());
    assertThat(p.status()).isEqualTo(ProductStatus.ACTIVE);
    assertThat(p.supplierId()).isEqualTo("cj");
    assertThat(p.supplierProductId()).isEqualTo("1001");
    assertThat(p.category()).isEqualTo("Mugs");
    assertThat(p.tags()).containsExactly("home-garden", "kitchen", "mugs");
    assertThat(p.variants()).hasSize(2);
    Variant red = p.variantBySupplierId("1001-RED").orElseThrow();
    assertThat(red.sku()).isEqualTo("1001-SKU-RED");
    assertThat(red.onHand()).isEqualTo(25);
    assertThat(red.cost()).isEqualTo(Money.of("4.20", "USD"));
    assertThat(red.retailPrice()).isEqualTo(Money.of("8.99", "USD"));
    assertThat(engine.ledger(shop, red.id())).singleElement()
        .satisfies(e -> assertThat(e.deltaOnHand()).isEqualTo(25));
    assertThat(engine.findVariant(shop, red.id())).hasValueSatisfying(ref -> {
      assertThat(ref.supplierVariantId()).isEqualTo("1001-RED");
      assertThat(ref.supplierProductId()).isEqualTo("1001");
      assertThat(ref.retailPrice()).isEqualTo(Money.of("8.99", "USD"));
    });
  }

  @Test
  void importsByEveryCjUrlFormAndDetectsTheDuplicate() {
    supplierHas("1424608189734850560", "3.00", 5);
    ImportResult first = engine.importByUrl(shop, "https://cjdropshipping.com/product/red-mug-p-1424608189734850560.html");
    assertThat(first.outcome()).isEqualTo(ImportOutcome.IMPORTED);
    ImportResult second = engine.importByUrl(shop, "https://app.cjdropshipping.com/product-detail.html?pid=1424608189734850560");
    assertThat(second.outcome()).isEqualTo(ImportOutcome.ALREADY_IMPORTED);
    assertThat(second.requireProduct().id()).isEqualTo(first.requireProduct().id());
    assertThat(engine.importByUrl(shop, "https://cjdropshipping.com/product-detail.html?id=1424608189734850560").outcome())
        .isEqualTo(ImportOutcome.ALREADY_IMPORTED);
    assertThat(engine.products(shop)).hasSize(1);
  }

  @Test
  void unrecognisedUrlIsATypedErrorNamingIt() {
    assertThatThrownBy(() -> engine.importByUrl(shop, "https://aliexpress.com/item/123.html"))
        .isInstanceOf(UnrecognizedProductUrlException.class)
        .hasMessageContaining("https://aliexpress.com/item/123.html");
  }

  @Test
  void unknownSupplierProductIsNotFound() {
    assertThatThrownBy(() -> engine.importProduct(shop, "nope"))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("supplierProductId").hasMessageContaining("nope");
    assertThat(engine.products(shop)).isEmpty();
  }

  @Test
  void supplierCostInAnotherCurrencyIsRefusedAndNothingStored() {
    fx.supplier().put(new SupplierProduct("EUR1", "Euro mug", List.of(),
        List.of(new SupplierVariant("EUR1-V", "S", Money.of("3.00", "EUR"), 5))));
    assertThatThrownBy(() -> engine.importProduct(shop, "EUR1")).isInstanceOf(CurrencyMismatchException.class)
        .hasMessageContaining("EUR");
    assertThat(engine.products(shop)).isEmpty();
  }

  @Test
  void bulkImportReportsEachItem() {
    supplierHas("A1", "2.00", 3);
    supplierHas("A2", "2.00", 3);
    engine.importProduct(shop, "A2");
    BulkImportResult r = engine.importAll(shop, List.of(
        "A1", "https://cjdropshipping.com/product/x-p-A2.html", "missing", "https://shop.example/x", " ", "A1"));
    assertThat(r.items()).extracting(ImportResult::outcome).containsExactly(
        ImportOutcome.IMPORTED, ImportOutcome.ALREADY_IMPORTED, ImportOutcome.FAILED, ImportOutcome.FAILED,
        ImportOutcome.FAILED, ImportOutcome.ALREADY_IMPORTED);
    assertThat(r.items().get(2).reason()).contains("missing");
    assertThat(r.items().get(3).reason()).contains("https://shop.example/x");
    assertThat(r.items().get(4).reason()).contains("item");
    assertThat(r.count(ImportOutcome.FAILED)).isEqualTo(3);
    assertThat(engine.products(shop)).hasSize(2);
  }

  @Test
  void concurrentImportsOfOneProductStoreItOnce() throws Exception {
    supplierHas("C1", "2.00", 3);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<ImportResult>> fs = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        fs.add(pool.submit(() -> {
          go.await();
          return engine.importProduct(shop, "C1");
        }));
      }
      go.countDown();
      int imported = 0;
      for (Future<ImportResult> f : fs) {
        if (f.get(30, TimeUnit.SECONDS).outcome() == ImportOutcome.IMPORTED) {
          imported++;
        }
      }
      assertThat(imported).isEqualTo(1);
      assertThat(engine.products(shop)).hasSize(1);
      assertThat(fx.store().countActive(shop)).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void categoryMappingChoosesTheLongestPrefixAndKeepsPathTags() {
    InventoryFixture mapped = InventoryFixture.create(b -> b.categoryMapping(CategoryMapping.builder()
        .map(List.of("Home & Garden"), "Home", "home")
        .map(List.of("home & garden", "Kitchen"), "Kitchenware", "kitchen", "gift")
        .build()));
    TenantId t = mapped.tenant("t", Plan.PREMIUM);
    Product p = mapped.product(t, "K1", List.of("Home & Garden", "Kitchen", "Mugs"),
        new SupplierVariant("K1-V", "K1", Money.of("1.00", "USD"), 1));
    assertThat(p.category()).isEqualTo("Kitchenware");
    assertThat(p.tags()).containsExactly("kitchen", "gift", "home-garden", "mugs");
    Product q = mapped.product(t, "K2", List.of("Home & Garden", "Bath"),
        new SupplierVariant("K2-V", "K2", Money.of("1.00", "USD"), 1));
    assertThat(q.category()).isEqualTo("Home");
    Product r = mapped.product(t, "K3", List.of("Toys"), new SupplierVariant("K3-V", "K3", Money.of("1.00", "USD"), 1));
    assertThat(r.category()).isEqualTo("Toys");
    assertThat(r.tags()).containsExactly("toys");
  }

  @Test
  void productWithoutStockIsImportedAndSwitchedOffBySystem() {
    Product p = fx.product(shop, "EMPTY", 0, "3.00");
    assertThat(p.status()).isEqualTo(ProductStatus.INACTIVE_OUT_OF_STOCK);
  }
}
