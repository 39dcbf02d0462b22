package dev.dropsync.cj;

import dev.dropsync.cj.spi.Sleeper;
import dev.dropsync.cj.testkit.SimClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Completes every wait at once, moves the shared {@link SimClock} by it and records it: backoff,
 * throttle waits and limiter spacing cost no real time.
 */
public final class VirtualSleeper implements Sleeper {
  /** Every wait asked for, in order. */
  public final List<Duration> waits = new CopyOnWriteArrayList<>();

  private final SimClock clock;

  /** A sleeper that advances {@code clock}. */
  public VirtualSleeper(SimClock clock) {
    this.clock = clock;
  }

  @Override
  public CompletableFuture<Void> sleep(Duration duration) {
    waits.add(duration);
    clock.advance(duration);
    return CompletableFuture.completedFuture(null);
  }
}
