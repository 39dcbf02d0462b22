package dev.dropsync.cj.supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dropsync.cj.model.WebhookMessage;
import dev.dropsync.fulfillment.SupplierOrderStatus;
import dev.dropsync.fulfillment.SupplierUpdate;
import dev.dropsync.inventory.InvalidInputException;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CjOrderStatusesTest {

  @ParameterizedTest(name = "{0} / {1} → {2}")
  @CsvSource(nullValues = "null", value = {
      "CREATED,     null,       SUBMITTED",
      "IN_CART,     null,       SUBMITTED",
      "UNPAID,      null,       SUBMITTED",
      "UNSHIPPED,   PENDING,    ACCEPTED",
      "UNSHIPPED,   null,       ACCEPTED",
      "UNSHIPPED,   PROCESSING, IN_PROGRESS",
      "PENDING,     null,       ACCEPTED",
      "PROCESSING,  null,       IN_PROGRESS",
      "SHIPPED,     null,       SHIPPED",
      "DELIVERED,   null,       DELIVERED",
      "CANCELLED,   null,       CANCELLED",
      "' shipped ', null,       SHIPPED",
      "unshipped,   processing, IN_PROGRESS"})
  void mapsEveryCjStatus(String cj, @Nullable String sub, SupplierOrderStatus expected) {
    assertThat(CjOrderStatuses.toSupplierStatus(cj, sub)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "unknown \"{0}\" → typed error with the raw value")
  @ValueSource(strings = {"ON_HOLD", "OTHER", "300", "COMPLETED", ""})
  void anUnknownStatusIsATypedErrorCarryingTheRawValue(String raw) {
    assertThatThrownBy(() -> CjOrderStatuses.toSupplierStatus(raw, null))
        .isInstanceOfSatisfying(CjUnknownOrderStatusException.class, e -> {
          assertThat(e.rawStatus()).isEqualTo(raw);
          assertThat(e.getMessage()).contains("orderStatus").contains("\"" + raw + "\"");
        });
  }

  @ParameterizedTest
  @NullSource
  void aMissingStatusIsUnknownToo(@Nullable String raw) {
    assertThatThrownBy(() -> CjOrderStatuses.toSupplierStatus(raw, null))
        .isInstanceOfSatisfying(CjUnknownOrderStatusException.class, e -> assertThat(e.rawStatus()).isNull());
  }

  @Test
  void anOrderWebhookBecomesAnOrderedDeduplicatableUpdate() {
    Instant updated = Instant.parse("2026-11-27T10:00:00Z");
    SupplierUpdate u = CjOrderStatuses.toUpdate(new WebhookMessage.Order("m-1", "UPDATE", "shop-1001-1",
        "210823100016290555", "SHIPPED", "CJPacket Ordinary", "CJPKL1YQ", "https://t/CJPKL1YQ", updated),
        Instant.parse("2026-11-27T10:00:05Z"));
    assertThat(u.reference()).isEqualTo("shop-1001-1");
    assertThat(u.status()).isEqualTo(SupplierOrderStatus.SHIPPED);
    assertThat(u.supplierOrderId()).isEqualTo("210823100016290555");
    assertThat(u.tracking().trackingNumber()).isEqualTo("CJPKL1YQ");
    assertThat(u.tracking().carrier()).isEqualTo("CJPacket Ordinary");
    assertThat(u.tracking().trackingUrl()).isEqualTo("https://t/CJPKL1YQ");
    assertThat(u.asOf()).isEqualTo(updated);
    assertThat(u.messageId()).isEqualTo("m-1");
    assertThat(u.source()).isEqualTo(SupplierUpdate.Source.WEBHOOK);
  }

  @Test
  void aWebhookWithoutUpdateDateUsesTheReceiveTimeAndOneWithoutOrderNumberIsRefused() {
    Instant received = Instant.parse("2026-11-27T10:00:05Z");
    assertThat(CjOrderStatuses.toUpdate(new WebhookMessage.Order(null, null, "r-1", null, "UNSHIPPED", null, null,
        null, null), received).asOf()).isEqualTo(received);
    assertThatThrownBy(() -> CjOrderStatuses.toUpdate(new WebhookMessage.Order("m", null, null, "1", "SHIPPED", null,
        null, null, null), received)).isInstanceOf(InvalidInputException.class).hasMessageContaining("orderNumber");
    assertThatThrownBy(() -> CjOrderStatuses.toUpdate(new WebhookMessage.Order("m", null, "r-2", "1", "LOST", null,
        null, null, null), received)).isInstanceOfSatisfying(CjUnknownOrderStatusException.class,
        e -> assertThat(e.reference()).isEqualTo("r-2"));
  }
}
