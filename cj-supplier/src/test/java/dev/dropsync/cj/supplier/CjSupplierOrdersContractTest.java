package dev.dropsync.cj.supplier;

import dev.dropsync.fulfillment.contract.SupplierOrdersContractTest;
import dev.dropsync.fulfillment.spi.SupplierOrderRequest;
import dev.dropsync.fulfillment.spi.SupplierOrders;
import org.junit.jupiter.api.AfterEach;

/**
 * fulfillment-core's SupplierOrders contract against CJ (simulator over HTTP, two CJ accounts for
 * two tenants). Run with {@link CjPayment#CREATE_ONLY}: the contract expects an unshipped order to be
 * cancellable, and CJ's API can cancel (delete) an order only before it is paid; with the default
 * {@link CjPayment#BALANCE} a placed order is already paid and the honest answer is REFUSED
 * (covered in {@code CjSupplierOrdersTest}).
 */
class CjSupplierOrdersContractTest extends SupplierOrdersContractTest {
  private final OrderSupport o = new OrderSupport();

  @AfterEach
  void stop() {
    o.close();
  }

  @Override
  protected SupplierOrders newSupplierOrders() {
    return o.supplier().payment(CjPayment.CREATE_ONLY).build().orders();
  }

  @Override
  protected SupplierOrderRequest request(String reference) {
    return o.request(reference);
  }
}
