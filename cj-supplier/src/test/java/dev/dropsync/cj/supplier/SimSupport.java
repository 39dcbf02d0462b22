package dev.dropsync.cj.supplier;

import dev.dropsync.cj.CjClient;
import dev.dropsync.cj.spi.Sleeper;
import dev.dropsync.cj.testkit.CjSimulator;
import dev.dropsync.cj.testkit.SimClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A started {@link CjSimulator} on a {@link SimClock} with real cj-client clients whose limiter
 * waits and retry backoff move that clock instead of sleeping (so QPS spacing is real on the
 * simulator's clock and costs no wall time). Close it after each test.
 */
final class SimSupport implements AutoCloseable {
  static final Instant START = Instant.parse("2026-11-25T08:00:00Z");
  /** A second account's key (CJ's format) for multi-tenant tests. */
  static final String SECOND_KEY = "CJ7654321@api@0123456789abcdef0123456789abcdef";
  static final String SECOND_OPEN_ID = "424242";

  final SimClock clock = SimClock.at(START);
  final CjSimulator sim;
  final int qps;
  private final List<CjClient> clients = new ArrayList<>();
  /** Advances the shared clock by every wait: limiter spacing and backoff cost no real time. */
  final Sleeper sleeper = d -> {
    clock.advance(d);
    return CompletableFuture.completedFuture(null);
  };

  private SimSupport(int qps, Consumer<CjSimulator.Builder> config) {
    this.qps = qps;
    CjSimulator.Builder b = CjSimulator.builder().clock(clock).qps(qps).seed(11).products(20)
        .tokenRequestInterval(Duration.ZERO);
    config.accept(b);
    this.sim = b.build().start();
  }

  static SimSupport start(int qps, Consumer<CjSimulator.Builder> config) {
    return new SimSupport(qps, config);
  }

  static SimSupport start(Consumer<CjSimulator.Builder> config) {
    return new SimSupport(4, config);
  }

  /** A client of the primary account on the virtual clock. */
  CjClient client() {
    return client(sim.apiKey());
  }

  /** A client of the account with {@code apiKey} on the virtual clock. */
  CjClient client(String apiKey) {
    return register(CjClient.builder().apiKey(apiKey).baseUrl(sim.baseUrl()).clock(clock).sleeper(sleeper).qps(qps));
  }

  CjClient register(CjClient.Builder b) {
    CjClient c = b.build();
    clients.add(c);
    return c;
  }

  @Override
  public void close() {
    for (CjClient c : clients) {
      c.close();
    }
    sim.close();
  }
}
