package dev.dropsync.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dropsync.cj.supplier.CjPayment;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoOptionsTest {
  @Test
  void defaults() {
    DemoOptions o = DemoOptions.parse(List.of());
    assertThat(o).isEqualTo(DemoOptions.defaults());
    assertThat(o.products()).isEqualTo(50);
    assertThat(o.orders()).isEqualTo(5);
    assertThat(o.store()).isEqualTo("memory");
    assertThat(o.faults()).isFalse();
    assertThat(o.qps()).isEqualTo(6);
    assertThat(o.payment()).isNull();
    assertThat(o.sandbox()).isNull();
  }

  @Test
  void bothSpellingsOfAValueAndFlags() {
    DemoOptions o = DemoOptions.parse(List.of("--products=7", "--orders", "2", "--store", "MEMORY", "--fault-rate", "0.2",
        "--payment", "create-only", "--sandbox=on", "--tracking-wait", "5", "--seed", "9", "--qps", "4", "--verbose"));
    assertThat(o.products()).isEqualTo(7);
    assertThat(o.orders()).isEqualTo(2);
    assertThat(o.store()).isEqualTo("memory");
    assertThat(o.faults()).as("a fault rate turns faults on").isTrue();
    assertThat(o.faultRate()).isEqualTo(0.2);
    assertThat(o.payment()).isEqualTo(CjPayment.CREATE_ONLY);
    assertThat(o.sandbox()).isTrue();
    assertThat(o.trackingWait()).isEqualTo(Duration.ofSeconds(5));
    assertThat(o.seed()).isEqualTo(9);
    assertThat(o.qps()).isEqualTo(4);
    assertThat(o.verbose()).isTrue();
    assertThat(DemoOptions.parse(List.of("-h")).help()).isTrue();
  }

  @Test
  void anUnknownStoreKindIsRefusedByTheFactoryToo() {
    DemoOptions.Builder b = new DemoOptions.Builder();
    b.store = "postgres"; // as a later factory's option would set it; the parser refuses it today
    DemoOptions postgres = b.build();
    assertThatThrownBy(() -> DemoStores.open(postgres)).isInstanceOf(UsageException.class)
        .hasMessage("--store must be one of [memory] but was \"postgres\"");
    try (DemoStores memory = DemoStores.open(DemoOptions.defaults())) {
      assertThat(memory.name()).isEqualTo("memory");
    }
  }

  @Test
  void theTargetComesFromTheEnvironmentAndHidesTheKey() {
    assertThat(CjTarget.fromEnvironment(Map.of()).isEmbedded()).isTrue();
    CjTarget remote = CjTarget.fromEnvironment(Map.of("CJ_BASE_URL", " http://127.0.0.1:8089/api2.0/v1 ",
        "CJ_API_KEY", "CJ123@api@abc", "CJ_QPS", "2"));
    assertThat(remote.isEmbedded()).isFalse();
    assertThat(remote.baseUrl()).isEqualTo("http://127.0.0.1:8089/api2.0/v1");
    assertThat(remote.qps()).isEqualTo(2.0);
    assertThat(remote.toString()).doesNotContain("CJ123@api@abc").contains("redacted");
  }
}
