package dev.dropsync.inventory.memory;

import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.spi.SupplierCatalog;
import dev.dropsync.inventory.spi.SupplierCatalogContractTest;
import dev.dropsync.inventory.spi.SupplierPage;
import dev.dropsync.inventory.spi.SupplierProduct;
import dev.dropsync.inventory.spi.SupplierQuery;
import dev.dropsync.inventory.spi.SupplierVariant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;

/**
 * The SPI's default {@link SupplierCatalog#offers} (built from {@code stockLevels} and {@code costs})
 * meets the same contract as a native implementation: a catalog that implements only the older
 * methods.
 */
class DefaultOffersContractTest extends SupplierCatalogContractTest {
  private final InMemorySupplierCatalog backing = new InMemorySupplierCatalog("cj");
  private final SupplierCatalog withoutOffers = new SupplierCatalog() {
    @Override
    public String supplierId() {
      return backing.supplierId();
    }

    @Override
    public Optional<SupplierProduct> product(String id) {
      return backing.product(id);
    }

    @Override
    public Optional<String> productIdFromUrl(String url) {
      return backing.productIdFromUrl(url);
    }

    @Override
    public SupplierPage search(SupplierQuery query) {
      return backing.search(query);
    }

    @Override
    public Map<String, Long> stockLevels(Collection<String> ids) {
      return backing.stockLevels(ids);
    }

    @Override
    public Map<String, Money> costs(Collection<String> ids) {
      return backing.costs(ids);
    }
  };

  @BeforeEach
  void fill() {
    for (int i = 1; i <= 5; i++) {
      backing.put(new SupplierProduct("D" + i, "Lamp " + i, List.of("Home"),
          List.of(new SupplierVariant("D" + i + "-V1", "DS" + i, Money.of("2.00", "USD"), i),
              new SupplierVariant("D" + i + "-V2", "DS" + i + "b", Money.of("2.50", "USD"), 0))));
    }
  }

  @Override
  protected SupplierCatalog catalog() {
    return withoutOffers;
  }

  @Override
  protected String knownProductId() {
    return "D2";
  }

  @Override
  protected String knownProductUrl() {
    return "https://cjdropshipping.com/product/lamp-p-D2.html";
  }

  @Override
  protected boolean takeOffline(String supplierProductId) {
    backing.takeOffline(supplierProductId);
    return true;
  }
}
