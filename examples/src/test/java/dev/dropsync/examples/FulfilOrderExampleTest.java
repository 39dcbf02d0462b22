package dev.dropsync.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropsync.cj.testkit.Endpoint;
import dev.dropsync.cj.testkit.SimOrder;
import dev.dropsync.fulfillment.CommissionSplit;
import dev.dropsync.fulfillment.NotificationType;
import dev.dropsync.fulfillment.OrderStatus;
import dev.dropsync.fulfillment.SupplierOrder;
import dev.dropsync.fulfillment.SupplierOrderStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class FulfilOrderExampleTest {
  @Test
  void theOrderIsPlacedOnceAtCjAndFollowedToDeliveryWithTracking() {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (EmbeddedCj cj = EmbeddedCj.start(10, 6)) {
      FulfilOrderExample.Result r = FulfilOrderExample.run(cj, new PrintStream(printed, true, StandardCharsets.UTF_8));

      assertThat(r.order().status()).isEqualTo(OrderStatus.DELIVERED);
      assertThat(r.supplierOrders()).hasSize(1);
      SupplierOrder so = r.supplierOrders().get(0);
      assertThat(so.status()).isEqualTo(SupplierOrderStatus.DELIVERED);
      List<SimOrder> atCj = cj.sim().orders().byOrderNumber(so.reference());
      assertThat(atCj).hasSize(1);
      assertThat(so.supplierOrderId()).isEqualTo(atCj.get(0).cjOrderId());
      assertThat(so.tracking().trackingNumber()).isEqualTo(atCj.get(0).trackNumber()).isNotBlank();
      assertThat(so.freight().carrier()).isEqualTo(atCj.get(0).logisticName());
      assertThat(cj.sim().recorder().count(Endpoint.CREATE_ORDER_V2)).isEqualTo(1);
      assertThat(cj.sim().recorder().duplicateOrderNumbers()).isEmpty();

      CommissionSplit split = Objects.requireNonNull(r.order().commission());
      assertThat(split.base()).isEqualTo(r.order().chargedTotal());
      BigDecimal owner = split.base().amount().multiply(new BigDecimal("0.30")).setScale(2, RoundingMode.HALF_EVEN);
      assertThat(split.client().amount()).isEqualByComparingTo(owner);
      assertThat(split.client().plus(split.platform())).isEqualTo(split.base());
      assertThat(r.notifier().sent(r.shop(), r.order().id())).extracting(n -> n.type())
          .contains(NotificationType.CONFIRMED, NotificationType.SHIPPED, NotificationType.DELIVERED);
    }
    assertThat(printed.toString(StandardCharsets.UTF_8)).contains("tracking CJPKL").contains("DELIVERED");
  }
}
