package dev.dropsync.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropsync.cj.supplier.CjSupplier;
import dev.dropsync.cj.testkit.Endpoint;
import dev.dropsync.fulfillment.OrderStatus;
import dev.dropsync.fulfillment.SupplierOrder;
import dev.dropsync.fulfillment.SupplierOrderStatus;
import dev.dropsync.inventory.Product;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SecondSupplierExampleTest {
  @Test
  void aMixedOrderBecomesOneSupplierOrderPerSupplierAndBothSuppliersSync() {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (EmbeddedCj cj = EmbeddedCj.start(10, 6)) {
      SecondSupplierExample.Result r = SecondSupplierExample.run(cj, new PrintStream(printed, true, StandardCharsets.UTF_8));

      assertThat(r.products()).extracting(Product::supplierId)
          .containsExactlyInAnyOrder(CjSupplier.SUPPLIER_ID, SecondSupplierExample.WAREHOUSE, SecondSupplierExample.WAREHOUSE);
      assertThat(r.sync().failed()).isZero();
      assertThat(r.sync().updated()).as("a stock change at each supplier").isEqualTo(2);
      Product lamp = r.products().stream().filter(p -> p.supplierProductId().equals("LW-1001")).findFirst().orElseThrow();
      assertThat(lamp.variantBySupplierId("LW-1001-BLK").orElseThrow().onHand()).as("19 synced, 2 sold").isEqualTo(17);

      Map<String, SupplierOrder> bySupplier = r.supplierOrders().stream()
          .collect(Collectors.toMap(SupplierOrder::supplierId, so -> so));
      assertThat(r.supplierOrders()).hasSize(2);
      assertThat(bySupplier).containsOnlyKeys(CjSupplier.SUPPLIER_ID, SecondSupplierExample.WAREHOUSE);
      SupplierOrder atCj = Objects.requireNonNull(bySupplier.get(CjSupplier.SUPPLIER_ID));
      SupplierOrder atWarehouse = Objects.requireNonNull(bySupplier.get(SecondSupplierExample.WAREHOUSE));
      assertThat(atCj.lines()).hasSize(1);
      assertThat(atWarehouse.lines()).singleElement().satisfies(l -> {
        assertThat(l.supplierVariantId()).isEqualTo("LW-1001-BLK");
        assertThat(l.quantity()).isEqualTo(2);
      });
      assertThat(atCj.reference()).isNotEqualTo(atWarehouse.reference());
      assertThat(cj.sim().orders().byOrderNumber(atCj.reference())).singleElement()
          .satisfies(o -> assertThat(o.cjOrderId()).isEqualTo(atCj.supplierOrderId()));
      assertThat(cj.sim().orders().byOrderNumber(atWarehouse.reference())).as("the warehouse's lines never reach CJ").isEmpty();
      assertThat(cj.sim().recorder().count(Endpoint.CREATE_ORDER_V2)).isEqualTo(1);
      assertThat(cj.sim().recorder().count(Endpoint.FREIGHT_CALCULATE)).as("CJ quotes its own group only").isEqualTo(1);
      assertThat(r.warehouse().orderCount(r.shop())).isEqualTo(1);
      assertThat(atWarehouse.freight().carrier()).isEqualTo("Local Ground");
      assertThat(r.warehouse().stock("LW-1001-BLK")).isEqualTo(17);

      assertThat(bySupplier.values()).allSatisfy(so -> {
        assertThat(so.status()).isEqualTo(SupplierOrderStatus.SHIPPED);
        assertThat(so.tracking().trackingNumber()).isNotBlank();
      });
      assertThat(r.order().status()).isEqualTo(OrderStatus.SHIPPED);
    }
    assertThat(printed.toString(StandardCharsets.UTF_8)).contains("2 supplier orders");
  }
}
