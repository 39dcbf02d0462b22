package dev.dropsync.examples.demo;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A progress display for a counted piece of work. On a terminal it redraws one line with {@code \r}
 * (bar, count, percentage, ETA), at most ten times a second; otherwise (a pipe, a log file, a test)
 * it prints a plain line at every tenth of the work. Thread-safe: updates may come from any thread.
 *
 * @since 0.1.0
 */
public final class ProgressBar {
  private static final int WIDTH = 30;

  private final PrintStream out;
  private final boolean terminal;
  private final String label;
  private final Clock clock;
  private final Instant started;
  private int total;
  private int lastDecile = -1;
  private long lastDrawNanos;
  private int lastLength;
  private boolean finished;

  /**
   * A progress display.
   *
   * @param out where to draw
   * @param terminal whether {@code out} is a terminal ({@code System.console() != null})
   * @param label what is counted, e.g. {@code "sync"}
   * @param total how many units the work has
   * @param clock measures the rate for the ETA
   * @since 0.1.0
   */
  public ProgressBar(PrintStream out, boolean terminal, String label, int total, Clock clock) {
    this.out = Objects.requireNonNull(out, "out");
    this.terminal = terminal;
    this.label = Objects.requireNonNull(label, "label");
    this.total = Math.max(0, total);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.started = clock.instant();
  }

  /**
   * Shows {@code done} of the total, with the ETA estimated from the rate so far.
   *
   * @param done units done
   * @since 0.1.0
   */
  public void update(int done) {
    update(done, total, null);
  }

  /**
   * Shows {@code done} of {@code newTotal}; {@code eta} (when the work should end, on the clock
   * given to the constructor) overrides the estimate from the rate when not null.
   *
   * @param done units done
   * @param newTotal units in all (a running sync may learn it late)
   * @param eta the expected end, or null
   * @since 0.1.0
   */
  public synchronized void update(int done, int newTotal, @Nullable Instant eta) {
    if (finished) {
      return;
    }
    total = Math.max(0, newTotal);
    int d = Math.max(0, Math.min(done, total));
    Instant now = clock.instant();
    Duration remaining = remaining(d, now, eta);
    boolean complete = d >= total;
    if (terminal) {
      long nanos = System.nanoTime();
      if (!complete && lastDrawNanos != 0 && nanos - lastDrawNanos < 100_000_000L) {
        return;
      }
      lastDrawNanos = nanos;
      String line = terminalLine(d, remaining, complete);
      String pad = line.length() < lastLength ? " ".repeat(lastLength - line.length()) : "";
      out.print("\r" + line + pad);
      lastLength = line.length();
      if (complete) {
        out.println();
        finished = true;
      }
      out.flush();
      return;
    }
    int decile = total == 0 ? 10 : (int) (10L * d / total);
    if (decile > lastDecile || complete) {
      lastDecile = decile;
      out.println(plainLine(d, remaining, complete));
      finished = complete;
    }
  }

  private @Nullable Duration remaining(int done, Instant now, @Nullable Instant eta) {
    if (done >= total) {
      return Duration.ZERO;
    }
    if (eta != null) {
      Duration r = Duration.between(now, eta);
      return r.isNegative() ? Duration.ZERO : r;
    }
    if (done == 0) {
      return null;
    }
    Duration elapsed = Duration.between(started, now);
    return elapsed.multipliedBy(total - done).dividedBy(done);
  }

  private String terminalLine(int done, @Nullable Duration remaining, boolean complete) {
    int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
    String bar = "#".repeat(filled) + "-".repeat(WIDTH - filled);
    return String.format(Locale.ROOT, "  %-8s [%s] %4d/%-4d %3d%%  %s", label, bar, done, total, percent(done),
        complete ? "done in " + seconds(Duration.between(started, clock.instant())) : "ETA " + eta(remaining));
  }

  private String plainLine(int done, @Nullable Duration remaining, boolean complete) {
    return String.format(Locale.ROOT, "  %s %d/%d (%d%%)%s", label, done, total, percent(done),
        complete ? ", done in " + seconds(Duration.between(started, clock.instant())) : ", ETA " + eta(remaining));
  }

  private int percent(int done) {
    return total == 0 ? 100 : (int) (100L * done / total);
  }

  private static String eta(@Nullable Duration remaining) {
    return remaining == null ? "?" : seconds(remaining);
  }

  static String seconds(Duration d) {
    long ms = Math.max(0, d.toMillis());
    if (ms < 60_000) {
      return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
    return String.format(Locale.ROOT, "%d min %02d s", ms / 60_000, (ms / 1000) % 60);
  }
}
