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
    b.store = "mysql"; // as a caller that skipped the parser would set it
    DemoOptions mysql = b.build();
    assertThatThrownBy(() -> DemoStores.open(mysql)).isInstanceOf(UsageException.class)
        .hasMessage("--store must be one of [memory, postgres] but was \"mysql\"");
    try (DemoStores memory = DemoStores.open(DemoOptions.defaults())) {
      assertThat(memory.name()).isEqualTo("memory");
      assertThat(memory.shared()).isFalse();
    }
  }

  @Test
  void postgresTakesItsUrlUserAndPasswordFromTheCommandLineOrTheEnvironment() {
    DemoOptions o = DemoOptions.parse(List.of("--store", "postgres", "--jdbc-url",
        "jdbc:postgresql://localhost:5432/dropsync", "--jdbc-user=shop"), Map.of("PGPASSWORD", "pg-secret-1"));
    assertThat(o.store()).isEqualTo("postgres");
    assertThat(o.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/dropsync");
    assertThat(o.jdbcUser()).isEqualTo("shop");
    assertThat(o.jdbcPassword()).isEqualTo("pg-secret-1");
    assertThat(o.toString()).doesNotContain("pg-secret-1").contains("jdbcPassword=[redacted]");

    DemoOptions fromEnv = DemoOptions.parse(List.of("--store=postgres", "--jdbc-url=jdbc:postgresql://db/x"),
        Map.of("PGUSER", "envuser", "PGPASSWORD", "env-secret"));
    assertThat(fromEnv.jdbcUser()).isEqualTo("envuser");
    assertThat(fromEnv.jdbcPassword()).isEqualTo("env-secret");
    DemoOptions commandLineWins = DemoOptions.parse(List.of("--store=postgres", "--jdbc-url=jdbc:postgresql://db/x",
        "--jdbc-user", "cli", "--jdbc-password", "cli-secret"), Map.of("PGUSER", "envuser", "PGPASSWORD", "env-secret"));
    assertThat(commandLineWins.jdbcUser()).isEqualTo("cli");
    assertThat(commandLineWins.jdbcPassword()).isEqualTo("cli-secret");
    assertThat(commandLineWins.toString()).doesNotContain("cli-secret");
    assertThat(DemoOptions.parse(List.of(), Map.of("PGUSER", "u", "PGPASSWORD", "p")).jdbcPassword())
        .as("the variables matter only for --store postgres").isNull();
  }

  @Test
  void postgresNeedsAUrlAndTheJdbcOptionsNeedPostgres() {
    assertThatThrownBy(() -> DemoOptions.parse(List.of("--store", "postgres"))).isInstanceOf(UsageException.class)
        .hasMessageContaining("--store postgres needs --jdbc-url");
    assertThatThrownBy(() -> DemoOptions.parse(List.of("--jdbc-url", "jdbc:postgresql://db/x")))
        .isInstanceOf(UsageException.class).hasMessage("--jdbc-url is only used with --store postgres");
    assertThatThrownBy(() -> DemoOptions.parse(List.of("--store", "memory", "--jdbc-password", "x")))
        .isInstanceOf(UsageException.class).hasMessage("--jdbc-password is only used with --store postgres");
    assertThatThrownBy(() -> DemoOptions.parse(List.of("--store", "postgres", "--jdbc-url", " ")))
        .isInstanceOf(UsageException.class).hasMessage("--jdbc-url must not be blank");
  }

  @Test
  void urlsArePrintedWithoutPasswords() {
    assertThat(PostgresDemoStores.redact("jdbc:postgresql://db:5432/x?user=u&password=s3cret&ssl=true"))
        .isEqualTo("jdbc:postgresql://db:5432/x?user=u&password=***&ssl=true");
    assertThat(PostgresDemoStores.redact("jdbc:postgresql://u:s3cret@db/x?sslpassword=k3y"))
        .isEqualTo("jdbc:postgresql://u:***@db/x?sslpassword=***");
    assertThat(PostgresDemoStores.redact("jdbc:postgresql://localhost:5432/dropsync"))
        .isEqualTo("jdbc:postgresql://localhost:5432/dropsync");
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
