package dev.dropsync.examples.warehouse;

import dev.dropsync.cj.testkit.SimClock;
import dev.dropsync.examples.SecondSupplierExample;
import dev.dropsync.fulfillment.Address;
import dev.dropsync.fulfillment.CustomerContact;
import dev.dropsync.fulfillment.FreightOption;
import dev.dropsync.fulfillment.OrderId;
import dev.dropsync.fulfillment.ShipmentLine;
import dev.dropsync.fulfillment.spi.SupplierOrderRequest;
import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.VariantId;
import java.time.Instant;
import java.util.List;

/** The bundled warehouse on a virtual clock, and valid requests for it. */
final class Warehouses {
  static final TenantId T = TenantId.of("shop-1");

  private Warehouses() {}

  static SimClock clock() {
    return SimClock.at(Instant.parse("2026-12-01T09:00:00Z"));
  }

  static LocalWarehouse bundled(SimClock clock) {
    return SecondSupplierExample.bundledWarehouse(clock);
  }

  static Address us() {
    return Address.builder().name("Ada Lovelace").line1("1 Main St").city("Springfield").province("IL").zip("62701")
        .country("US").phone("+1 217 555 0100").build();
  }

  static SupplierOrderRequest order(String reference, String variant, long quantity, String carrier, Address to) {
    return new SupplierOrderRequest(T, SecondSupplierExample.WAREHOUSE, reference, OrderId.of("o-" + reference),
        List.of(new ShipmentLine(VariantId.of("p1:" + variant), variant, "SKU-" + variant, quantity, Money.of("4.10", "USD"))),
        new FreightOption(carrier, Money.of("3.90", "USD"), 3, 5), to, CustomerContact.of("Ada Lovelace", "ada@example.com"));
  }
}
