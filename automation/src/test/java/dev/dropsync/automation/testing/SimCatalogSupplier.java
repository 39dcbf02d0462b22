package dev.dropsync.automation.testing;

import dev.dropsync.cj.testkit.CjSimulator;
import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.spi.SupplierCatalog;
import dev.dropsync.inventory.spi.SupplierPage;
import dev.dropsync.inventory.spi.SupplierProduct;
import dev.dropsync.inventory.spi.SupplierQuery;
import dev.dropsync.inventory.spi.SupplierVariant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * A {@link SupplierCatalog} ({@code "cj"}) that reads the CJ simulator's catalogue in-process, so a
 * test's supplier state and the simulator's signed webhooks describe the same products. Test support
 * only: the real CJ adapter lives in {@code cj-supplier}.
 */
public final class SimCatalogSupplier implements SupplierCatalog {
  private final CjSimulator sim;

  /** Reads {@code sim}'s catalogue. */
  public SimCatalogSupplier(CjSimulator sim) {
    this.sim = sim;
  }

  @Override
  public String supplierId() {
    return "cj";
  }

  @Override
  public Optional<SupplierProduct> product(String supplierProductId) {
    try {
      List<SupplierVariant> variants = sim.catalog().variantIds(supplierProductId).stream()
          .map(vid -> new SupplierVariant(vid, sim.catalog().variantSku(vid),
              Money.of(sim.catalog().price(vid).toPlainString(), "USD"), sim.catalog().stock(vid)))
          .toList();
      return Optional.of(new SupplierProduct(supplierProductId, "CJ product " + supplierProductId, List.of("CJ"), variants));
    } catch (NoSuchElementException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  @Override
  public Optional<String> productIdFromUrl(String url) {
    return Optional.empty();
  }

  @Override
  public SupplierPage search(SupplierQuery query) {
    return new SupplierPage(List.of(), 1, 1, 0);
  }

  @Override
  public Map<String, Long> stockLevels(Collection<String> supplierVariantIds) {
    Map<String, Long> out = new HashMap<>();
    for (String vid : supplierVariantIds) {
      out.put(vid, (long) sim.catalog().stock(vid));
    }
    return out;
  }

  @Override
  public Map<String, Money> costs(Collection<String> supplierVariantIds) {
    Map<String, Money> out = new HashMap<>();
    for (String vid : supplierVariantIds) {
      out.put(vid, Money.of(sim.catalog().price(vid).toPlainString(), "USD"));
    }
    return out;
  }
}
