package dev.dropsync.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dropsync.inventory.memory.InMemoryInventoryStore;
import dev.dropsync.inventory.memory.InMemorySupplierCatalog;
import dev.dropsync.inventory.spi.SupplierCatalog;
import dev.dropsync.inventory.spi.SupplierOffer;
import dev.dropsync.inventory.spi.SupplierPage;
import dev.dropsync.inventory.spi.SupplierProduct;
import dev.dropsync.inventory.spi.SupplierQuery;
import dev.dropsync.inventory.spi.SupplierVariant;
import dev.dropsync.inventory.testing.MutableClock;
import java.time.Duration;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A second supplier side by side with the default one: imports, URL routing and syncs per supplier. */
class MultiSupplierTest {
  private static final Currency USD = Currency.getInstance("USD");
  private final MutableClock clock = MutableClock.atEpoch2026();
  private final InMemorySupplierCatalog cj = new InMemorySupplierCatalog("cj");
  private final LocalCatalog local = new LocalCatalog();
  private final TenantId shop = TenantId.of("shop");
  private final InventoryEngine engine;

  MultiSupplierTest() {
    cj.put(new SupplierProduct("1500000000000000001", "Mug", List.of("Home"),
        List.of(new SupplierVariant("CJ-V1", "MUG-1", Money.of("4.00", "USD"), 10))));
    local.delegate.put(new SupplierProduct("LW-100", "Lamp", List.of("Home"),
        List.of(new SupplierVariant("LW-100-A", "LAMP-A", Money.of("12.00", "USD"), 3))));
    engine = InventoryEngine.builder().clock(clock).store(new InMemoryInventoryStore())
        .supplier(cj).additionalSupplier(local).syncExecutor(Runnable::run).build();
    engine.registerTenant(Tenant.of(shop, Plan.PREMIUM, USD));
  }

  @Test
  void importsFromEitherSupplierAndStoresEachProductWithItsSupplierId() {
    Product mug = engine.importProduct(shop, "1500000000000000001").requireProduct();
    Product lamp = engine.importProduct(shop, "local", "LW-100").requireProduct();

    assertThat(mug.supplierId()).isEqualTo("cj");
    assertThat(lamp.supplierId()).isEqualTo("local");
    assertThat(lamp.variants().get(0).onHand()).isEqualTo(3);
    assertThat(engine.importProduct(shop, "local", "LW-100").outcome()).isEqualTo(ImportOutcome.ALREADY_IMPORTED);
    assertThat(engine.findVariant(shop, lamp.variants().get(0).id())).hasValueSatisfying(v ->
        assertThat(v.supplierId()).isEqualTo("local"));
    assertThat(engine.suppliers()).extracting(SupplierCatalog::supplierId).containsExactly("cj", "local");
    assertThat(engine.supplier()).isSameAs(cj);
    assertThat(engine.supplier("local")).isSameAs(local);
  }

  @Test
  void aUrlGoesToTheSupplierThatRecognisesIt() {
    Product lamp = engine.importByUrl(shop, "https://warehouse.example/items/LW-100").requireProduct();
    Product mug = engine.importByUrl(shop, "https://cjdropshipping.com/product/mug-p-1500000000000000001.html")
        .requireProduct();

    assertThat(lamp.supplierId()).isEqualTo("local");
    assertThat(mug.supplierId()).isEqualTo("cj");
    assertThatThrownBy(() -> engine.importByUrl(shop, "https://example.com/other/1"))
        .isInstanceOf(UnrecognizedProductUrlException.class);
  }

  @Test
  void aSyncReadsEveryProductThroughItsOwnSupplier() {
    Product mug = engine.importProduct(shop, "1500000000000000001").requireProduct();
    Product lamp = engine.importProduct(shop, "local", "LW-100").requireProduct();
    cj.setStock("CJ-V1", 7);
    local.delegate.setStock("LW-100-A", 0);
    local.delegate.setCost("LW-100-A", Money.of("13.00", "USD"));

    SyncRun run = engine.sync().start(shop).await(Duration.ofSeconds(5));

    assertThat(run.failed()).isZero();
    assertThat(run.updated()).isEqualTo(2);
    assertThat(engine.product(shop, mug.id()).variants().get(0).onHand()).isEqualTo(7);
    Product lampAfter = engine.product(shop, lamp.id());
    assertThat(lampAfter.variants().get(0).onHand()).isZero();
    assertThat(lampAfter.variants().get(0).cost()).isEqualTo(Money.of("13.00", "USD"));
    assertThat(lampAfter.status()).isEqualTo(ProductStatus.INACTIVE_OUT_OF_STOCK);
    assertThat(local.offerReads.get()).as("the local product was read from the local supplier only").isEqualTo(1);

    assertThat(engine.sync().syncNow(shop, lamp.id(), "webhook-1")).isEqualTo(SyncItemOutcome.UNCHANGED);
    assertThat(local.offerReads.get()).isEqualTo(2);
  }

  @Test
  void unknownOrDuplicateSupplierIdsAreRefused() {
    assertThatThrownBy(() -> engine.importProduct(shop, "nope", "LW-100"))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("supplierId").hasMessageContaining("nope");
    assertThatThrownBy(() -> engine.supplier("nope")).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> InventoryEngine.builder().store(new InMemoryInventoryStore())
        .supplier(cj).additionalSupplier(new InMemorySupplierCatalog("cj")).build())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("supplierId").hasMessageContaining("cj");
  }

  /** A second supplier with its own URL form; counts offer reads. */
  private static final class LocalCatalog implements SupplierCatalog {
    final InMemorySupplierCatalog delegate = new InMemorySupplierCatalog("local");
    final AtomicInteger offerReads = new AtomicInteger();

    @Override
    public String supplierId() {
      return "local";
    }

    @Override
    public Optional<SupplierProduct> product(String supplierProductId) {
      return delegate.product(supplierProductId);
    }

    @Override
    public Optional<String> productIdFromUrl(String url) {
      String prefix = "https://warehouse.example/items/";
      return url.startsWith(prefix) ? Optional.of(url.substring(prefix.length())) : Optional.empty();
    }

    @Override
    public SupplierPage search(SupplierQuery query) {
      return delegate.search(query);
    }

    @Override
    public Map<String, Long> stockLevels(Collection<String> supplierVariantIds) {
      return delegate.stockLevels(supplierVariantIds);
    }

    @Override
    public Map<String, Money> costs(Collection<String> supplierVariantIds) {
      return delegate.costs(supplierVariantIds);
    }

    @Override
    public Map<String, SupplierOffer> offers(String supplierProductId, Collection<String> supplierVariantIds) {
      offerReads.incrementAndGet();
      return delegate.offers(supplierProductId, supplierVariantIds);
    }
  }
}
