package dev.dropsync.examples.warehouse;

import dev.dropsync.fulfillment.contract.SupplierOrdersContractTest;
import dev.dropsync.fulfillment.spi.SupplierOrderRequest;
import dev.dropsync.fulfillment.spi.SupplierOrders;

/** fulfillment-core's contract for every {@code SupplierOrders}, run against the local warehouse. */
class LocalWarehouseOrdersContractTest extends SupplierOrdersContractTest {
  @Override
  protected SupplierOrders newSupplierOrders() {
    return Warehouses.bundled(Warehouses.clock());
  }

  @Override
  protected SupplierOrderRequest request(String reference) {
    return Warehouses.order(reference, "LW-1002-SND", 2, "Local Courier", Warehouses.us());
  }
}
