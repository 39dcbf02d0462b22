package dev.dropsync.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void quickstartCompletesASessionAgainstTheEmbeddedSimulatorWithoutThrottles() {
    assertThat(run("quickstart")).as(err.toString(StandardCharsets.UTF_8)).isZero();
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(text)
        .contains("Auto-paging walked 120 products")
        .containsPattern("Order quickstart-[0-9a-f]+ created at CJ as SD\\d+")
        .contains("0 throttle violations");
  }

  @Test
  void unknownCommandExitsNonZeroWithUsage() {
    assertThat(run("nope")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command \"nope\"").contains("usage:");
  }

  @Test
  void serverWithoutKeyIsRefusedWithClearMessage() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> QuickStart.Target.fromEnvironment(java.util.Map.of("CJ_BASE_URL", "http://127.0.0.1:1/api2.0/v1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CJ_API_KEY is blank");
  }
}
