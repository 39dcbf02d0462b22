package dev.dropsync.cj.supplier;

import dev.dropsync.cj.CjClient;
import dev.dropsync.fulfillment.CustomerContact;
import dev.dropsync.fulfillment.FreightOption;
import dev.dropsync.fulfillment.OrderId;
import dev.dropsync.fulfillment.ShipmentLine;
import dev.dropsync.fulfillment.spi.SupplierOrderRequest;
import dev.dropsync.fulfillment.testing.Fixture;
import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.VariantId;
import java.util.List;

/** Two CJ accounts on one simulator (tenant "t" and "t-other") and valid supplier order requests. */
final class OrderSupport implements AutoCloseable {
  static final TenantId T = TenantId.of("t");
  static final TenantId OTHER = TenantId.of("t-other");

  final SimSupport s = SimSupport.start(b -> b.addAccount(SimSupport.SECOND_KEY, SimSupport.SECOND_OPEN_ID, 4));
  final CjClient primary = s.client();
  final CjClient second = s.client(SimSupport.SECOND_KEY);
  final String vid;

  OrderSupport() {
    this.vid = s.sim.catalog().inStockVariantIds().get(0);
    s.sim.catalog().setStock(vid, 1000);
  }

  CjSupplier.Builder supplier() {
    return CjSupplier.builder().clients(t -> t.equals(OTHER) ? second : primary).clock(s.clock);
  }

  SupplierOrderRequest request(String reference) {
    return request(reference, vid, "CJPacket Ordinary");
  }

  SupplierOrderRequest request(String reference, String variant, String carrier) {
    return new SupplierOrderRequest(T, "cj", reference, OrderId.of("o-" + reference),
        List.of(new ShipmentLine(VariantId.of("v1"), variant, "SKU-1", 2, Money.of("3.00", "USD"))),
        new FreightOption(carrier, Money.of("4.00", "USD"), 7, 12), Fixture.address(),
        CustomerContact.of("Ada Lovelace", "ada@example.com"));
  }

  @Override
  public void close() {
    s.close();
  }
}
