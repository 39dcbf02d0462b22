package dev.dropsync.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropsync.cj.testkit.SimClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
  private final SimClock clock = SimClock.at(Instant.parse("2026-12-01T09:00:00Z"));
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  @Test
  void onATerminalItRedrawsOneLineWithTheEtaAndEndsItWhenDone() {
    ProgressBar bar = new ProgressBar(out, true, "sync", 4, clock);
    clock.advance(Duration.ofSeconds(2));
    bar.update(1);
    clock.advance(Duration.ofSeconds(2));
    bar.update(4, 4, null);
    String text = bytes.toString(StandardCharsets.UTF_8);

    assertThat(text).startsWith("\r  sync     [#######-----------------------]    1/4     25%  ETA 6.0 s");
    assertThat(text).contains("\r  sync     [##############################]    4/4    100%  done in 4.0 s");
    assertThat(text).endsWith(System.lineSeparator());
    assertThat(text.chars().filter(c -> c == '\n').count()).as("one line, redrawn in place").isEqualTo(1);
  }

  @Test
  void elsewhereItPrintsAPlainLineEveryTenthAndUsesTheGivenEta() {
    ProgressBar bar = new ProgressBar(out, false, "import", 20, clock);
    for (int i = 1; i <= 20; i++) {
      clock.advance(Duration.ofMillis(100));
      bar.update(i, 20, i == 2 ? clock.instant().plusSeconds(9) : null);
    }
    String text = bytes.toString(StandardCharsets.UTF_8);

    assertThat(text).doesNotContain("\r");
    assertThat(text.lines()).hasSize(11).startsWith("  import 1/20 (5%), ETA 1.9 s", "  import 2/20 (10%), ETA 9.0 s");
    assertThat(text.lines()).last().asString().isEqualTo("  import 20/20 (100%), done in 2.0 s");
  }
}
