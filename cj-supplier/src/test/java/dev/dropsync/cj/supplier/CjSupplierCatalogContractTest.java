package dev.dropsync.cj.supplier;

import dev.dropsync.inventory.spi.SupplierCatalog;
import dev.dropsync.inventory.spi.SupplierCatalogContractTest;
import org.junit.jupiter.api.AfterEach;

/** inventory-core's SupplierCatalog contract, run against CJ (the simulator over HTTP, real client). */
class CjSupplierCatalogContractTest extends SupplierCatalogContractTest {
  private final SimSupport s = SimSupport.start(b -> b.products(7));
  private final CjSupplierCatalog catalog = CjSupplier.builder().client(s.client()).build().catalog();

  @AfterEach
  void stop() {
    s.close();
  }

  @Override
  protected SupplierCatalog catalog() {
    return catalog;
  }

  @Override
  protected String knownProductId() {
    return s.sim.catalog().productIds().get(2);
  }

  @Override
  protected String knownProductUrl() {
    return "https://app.cjdropshipping.com/product-detail.html?pid=" + knownProductId();
  }

  @Override
  protected boolean takeOffline(String supplierProductId) {
    s.sim.catalog().takeOffline(supplierProductId);
    return true;
  }
}
