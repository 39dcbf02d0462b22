package dev.dropsync.inventory;

import dev.dropsync.inventory.testing.InventoryFixture;

/** The engine passes the {@link StockReservations} contract. */
class EngineStockReservationsTest extends StockReservationsContractTest {
  private final InventoryFixture fx = InventoryFixture.create();

  @Override
  protected StockReservations newReservations() {
    fx.tenant(TENANT.value(), Plan.PREMIUM);
    return fx.engine().reservations();
  }

  @Override
  protected VariantId seedVariant(String name, long onHand) {
    return fx.variant(fx.product(TENANT, name, onHand, "1.00"));
  }
}
