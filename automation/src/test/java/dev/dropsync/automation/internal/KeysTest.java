package dev.dropsync.automation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropsync.inventory.TenantId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Keys never collide across tenants, and schedule fire times are read back from task keys. */
class KeysTest {
  @Test
  void tenantAndIdBoundariesAreUnambiguous() {
    assertThat(Keys.task("order_fulfillment", TenantId.of("a:b"), "c"))
        .isNotEqualTo(Keys.task("order_fulfillment", TenantId.of("a"), "b:c"));
    assertThat(Keys.task("order_fulfillment", TenantId.of("shop-1"), "1001")).isEqualTo("order_fulfillment:shop-1:1001");
    assertThat(Keys.task("inventory_sync", TenantId.of("t"), "cj", "p:1")).isEqualTo("inventory_sync:t:cj:p%3A1");
    assertThat(Keys.part("50%:/@#")).isEqualTo("50%25%3A%2F%40%23");
    assertThat(Keys.managedSchedule(TenantId.of("a:b"), "x")).isEqualTo("auto:a%3Ab:x");
    assertThat(Keys.customSchedule(TenantId.of("a"), "b:x")).isNotEqualTo(Keys.customSchedule(TenantId.of("a:b"), "x"));
  }

  @Test
  void theFireTimeOfAScheduledTaskIsReadFromItsKey() {
    assertThat(Keys.fireTime("auto:t:analytics_snapshot@2026-01-01T15:30:00Z", "auto:t:analytics_snapshot"))
        .contains(Instant.parse("2026-01-01T15:30:00Z"));
    assertThat(Keys.fireTime("auto:t:analytics_snapshot@manual:42", "auto:t:analytics_snapshot")).isEmpty();
    assertThat(Keys.fireTime("other@2026-01-01T15:30:00Z", "auto:t:analytics_snapshot")).isEmpty();
  }
}
