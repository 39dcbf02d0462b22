package dev.dropsync.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropsync.cj.testkit.CjSimulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The command line: exit codes, one-line messages naming the option and the value, the commands. */
class MainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(Map<String, String> env, String... args) {
    return Main.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), false);
  }

  private int run(String... args) {
    return run(Map.of(), args);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  static Stream<Arguments> badDemoOptions() {
    return Stream.of(
        Arguments.of(new String[] {"--products", "abc"}, "--products must be a whole number from 1 to 1000 but was \"abc\""),
        Arguments.of(new String[] {"--products", "0"}, "--products must be a whole number from 1 to 1000 but was \"0\""),
        Arguments.of(new String[] {"--products=5000"}, "--products must be a whole number from 1 to 1000 but was \"5000\""),
        Arguments.of(new String[] {"--orders", "-3"}, "--orders must be a whole number from 0 to 50 but was \"-3\""),
        Arguments.of(new String[] {"--products"}, "--products needs a value (N)"),
        Arguments.of(new String[] {"--store", "mysql"}, "--store must be one of [memory, postgres] but was \"mysql\""),
        Arguments.of(new String[] {"--store", "postgres"}, "--store postgres needs --jdbc-url (e.g. --jdbc-url "
            + "jdbc:postgresql://localhost:5432/dropsync)"),
        Arguments.of(new String[] {"--jdbc-url", "jdbc:postgresql://localhost/x"},
            "--jdbc-url is only used with --store postgres"),
        Arguments.of(new String[] {"--fault-rate", "2"}, "--fault-rate must be a number from 0.01 to 0.5 but was \"2\""),
        Arguments.of(new String[] {"--faults=yes"}, "--faults takes no value but was given \"yes\""),
        Arguments.of(new String[] {"--payment", "card"}, "--payment must be one of [balance, create-only] but was \"card\""),
        Arguments.of(new String[] {"--sandbox", "maybe"}, "--sandbox must be one of [on, off] but was \"maybe\""),
        Arguments.of(new String[] {"--nope"}, "unknown option \"--nope\""),
        Arguments.of(new String[] {"products", "5"}, "unexpected argument \"products\""));
  }

  @ParameterizedTest(name = "demo {0}")
  @MethodSource("badDemoOptions")
  void badDemoOptionsExitTwoWithAMessageNamingTheOptionAndValue(String[] options, String message) {
    String[] args = Stream.concat(Stream.of("demo"), Stream.of(options)).toArray(String[]::new);

    assertThat(run(args)).isEqualTo(2);

    assertThat(err()).startsWith("dropsync demo: ").contains(message).doesNotContain("\tat ");
    assertThat(err().lines()).hasSize(1);
    assertThat(out()).as("nothing ran").isEmpty();
  }

  static Stream<Arguments> badEnvironments() {
    return Stream.of(
        Arguments.of(Map.of("CJ_BASE_URL", "ftp://example.com", "CJ_API_KEY", "k", "CJ_QPS", "2"),
            "CJ_BASE_URL must be an http(s) URL but was \"ftp://example.com\""),
        Arguments.of(Map.of("CJ_BASE_URL", "http://127.0.0.1:8089/api2.0/v1", "CJ_QPS", "2"),
            "CJ_API_KEY is blank but CJ_BASE_URL is set"),
        Arguments.of(Map.of("CJ_BASE_URL", "http://127.0.0.1:8089/api2.0/v1", "CJ_API_KEY", "secret-key-123", "CJ_QPS", "fast"),
            "CJ_QPS must be a number from 0.1 to 100 but was \"fast\""),
        Arguments.of(Map.of("CJ_BASE_URL", "http://127.0.0.1:8089/api2.0/v1", "CJ_API_KEY", "secret-key-123"),
            "CJ_QPS is not set"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("badEnvironments")
  void aBadEnvironmentExitsTwoNamingTheVariableAndNeverTheKey(Map<String, String> env, String message) {
    assertThat(run(env, "demo")).isEqualTo(2);
    assertThat(err()).contains(message).doesNotContain("secret-key-123");
  }

  @Test
  void faultsNeedTheEmbeddedSimulator() {
    Map<String, String> env = Map.of("CJ_BASE_URL", "http://127.0.0.1:8089/api2.0/v1", "CJ_API_KEY", "k", "CJ_QPS", "2");
    assertThat(run(env, "demo", "--faults")).isEqualTo(2);
    assertThat(err()).contains("--faults needs the embedded simulator, but CJ_BASE_URL is set to http://127.0.0.1:8089/api2.0/v1");
  }

  @Test
  void anUnreachableDatabaseExitsOneWithOneLineNamingTheUrlButNoPassword() {
    // port 1 on the loopback address: nothing listens there, the connection is refused at once
    String url = "jdbc:postgresql://127.0.0.1:1/dropsync?user=shop&password=url-secret-7";
    assertThat(run(Map.of("PGPASSWORD", "env-secret-9"), "demo", "--store", "postgres", "--jdbc-url", url)).isEqualTo(1);

    assertThat(err().lines()).hasSize(1);
    assertThat(err()).startsWith("dropsync demo failed: cannot connect to PostgreSQL at "
        + "jdbc:postgresql://127.0.0.1:1/dropsync?user=shop&password=***: ")
        .doesNotContain("url-secret-7").doesNotContain("env-secret-9").doesNotContain("\tat ");
    assertThat(out()).doesNotContain("url-secret-7").doesNotContain("env-secret-9");

    err.reset();
    assertThat(run(Map.of("PGPASSWORD", "env-secret-9"), "demo", "--store", "postgres", "--jdbc-url", url, "--verbose"))
        .isEqualTo(1);
    assertThat(err()).doesNotContain("url-secret-7").doesNotContain("env-secret-9");
  }

  @Test
  void aUrlThatIsNotPostgresExitsOneNamingIt() {
    assertThat(run("demo", "--store", "postgres", "--jdbc-url", "jdbc:mysql://localhost/shop?password=pw-1")).isEqualTo(1);
    assertThat(err().lines()).hasSize(1);
    assertThat(err()).isEqualTo("dropsync demo failed: cannot connect to PostgreSQL at "
        + "jdbc:mysql://localhost/shop?password=***: not a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database)"
        + System.lineSeparator());
  }

  @Test
  void demoHelpListsTheOptions() {
    assertThat(run("demo", "--help")).isZero();
    assertThat(out()).contains("usage: java -jar dropsync-examples.jar demo")
        .contains("--products N").contains("--orders M").contains("--store KIND").contains("--faults")
        .contains("--payment MODE").contains("--sandbox on|off").contains("--verbose")
        .contains("--jdbc-url URL").contains("--jdbc-user USER").contains("--jdbc-password PASSWORD")
        .contains("postgres");
  }

  @Test
  void unknownCommandAndNoCommandExitTwoWithTheUsage() {
    assertThat(run("nope")).isEqualTo(2);
    assertThat(err()).contains("unknown command \"nope\"").contains("usage:").contains("second-supplier");
    err.reset();
    assertThat(run()).isEqualTo(2);
    assertThat(err()).contains("usage:");
    assertThat(run("import-sync", "--fast")).isEqualTo(2);
    assertThat(err()).contains("unknown option \"--fast\"");
  }

  @Test
  void theDemoRunsFromTheCommandLineAgainstTheEmbeddedSimulator() {
    int code = run("demo", "--products", "12", "--orders", "2");

    assertThat(code).as(err()).isZero();
    assertThat(out()).contains("Embedded CJ simulator at http://127.0.0.1:")
        .contains("products synced  12 of 12")
        .contains("orders           2 supplier orders placed at CJ, 2 with a tracking number")
        .contains("0 throttle violations, 0 duplicate orders, 2 CJ orders")
        .contains("PlanLimitExceededException");
    assertThat(err()).isEmpty();
  }

  @Test
  void aFailedRunExitsOneWithOneLineAndTheStackTraceOnlyWhenVerbose() {
    try (CjSimulator server = CjSimulator.builder().products(5).build().start()) {
      Map<String, String> env = Map.of("CJ_BASE_URL", server.baseUrl(), "CJ_API_KEY", "CJ0000000@api@not-this-account",
          "CJ_QPS", "2");

      assertThat(run(env, "demo", "--products", "3")).isEqualTo(1);
      assertThat(err().lines()).hasSize(1);
      assertThat(err()).startsWith("dropsync demo failed: ").contains("CjAuthenticationException")
          .doesNotContain("\tat ").doesNotContain("not-this-account");

      err.reset();
      assertThat(run(env, "demo", "--products", "3", "--verbose")).isEqualTo(1);
      assertThat(err()).contains("\tat ");
    }
  }

  @Test
  void quickstartCompletesASessionAgainstTheEmbeddedSimulatorWithoutThrottles() {
    assertThat(run("quickstart")).as(err()).isZero();
    assertThat(out())
        .contains("Auto-paging walked 120 products")
        .containsPattern("Order quickstart-[0-9a-f]+ created at CJ as SD\\d+")
        .contains("0 throttle violations");
  }

  @Test
  void quickstartRefusesAServerWithoutKey() {
    assertThat(run(Map.of("CJ_BASE_URL", "http://127.0.0.1:1/api2.0/v1"), "quickstart")).isEqualTo(2);
    assertThat(err()).contains("CJ_API_KEY is blank");
  }
}
