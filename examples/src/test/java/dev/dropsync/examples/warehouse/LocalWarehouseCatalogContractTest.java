package dev.dropsync.examples.warehouse;

import dev.dropsync.inventory.spi.SupplierCatalog;
import dev.dropsync.inventory.spi.SupplierCatalogContractTest;

/** inventory-core's contract for every {@code SupplierCatalog}, run against the local warehouse. */
class LocalWarehouseCatalogContractTest extends SupplierCatalogContractTest {
  private final LocalWarehouse warehouse = Warehouses.bundled(Warehouses.clock());

  @Override
  protected SupplierCatalog catalog() {
    return warehouse;
  }

  @Override
  protected String knownProductId() {
    return "LW-1003";
  }

  @Override
  protected String knownProductUrl() {
    return "https://warehouse.example.com/products/LW-1003";
  }

  @Override
  protected boolean takeOffline(String supplierProductId) {
    warehouse.discontinue(supplierProductId, true);
    return true;
  }
}
