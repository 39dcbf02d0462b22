package dev.dropsync.examples;

import dev.dropsync.cj.CjClient;
import dev.dropsync.cj.testkit.CjSimulator;
import java.time.Duration;
import java.time.Instant;

/**
 * The CJ side of the small examples: cj-testkit's simulator started in this process on a {@link
 * ShiftableClock}, enforcing the account's QPS in real time, and one {@link CjClient} for its
 * account. In your application the client is built the same way, without {@code baseUrl}, and the
 * clock is {@code Clock.systemUTC()}.
 *
 * <pre>{@code
 * try (EmbeddedCj cj = EmbeddedCj.start(20, 6)) {
 *   cj.client().products().list(ProductListRequest.firstPage());
 *   cj.advance(Duration.ofDays(2));          // CJ ships paid orders after two days
 * }
 * }</pre>
 *
 * <p>Not thread-safe to close; the client and simulator are thread-safe.
 *
 * @since 0.1.0
 */
public final class EmbeddedCj implements AutoCloseable {
  private final ShiftableClock clock;
  private final CjSimulator sim;
  private final CjClient client;

  private EmbeddedCj(ShiftableClock clock, CjSimulator sim, CjClient client) {
    this.clock = clock;
    this.sim = sim;
    this.client = client;
  }

  /**
   * Starts a simulator with a seeded catalogue of {@code products} products and a client for it.
   *
   * @param products catalogue size, at least 1
   * @param qps the account's QPS (CJ levels 1, 2, 4, 6), enforced by the simulator
   * @return the running simulator and client; close it
   * @since 0.1.0
   */
  public static EmbeddedCj start(int products, int qps) {
    ShiftableClock clock = ShiftableClock.systemUtc();
    CjSimulator sim = CjSimulator.builder().clock(clock).qps(qps).products(products).seed(7).build().start();
    CjClient client = CjClient.builder().apiKey(sim.apiKey()).baseUrl(sim.baseUrl()).qps(qps).clock(clock).build();
    return new EmbeddedCj(clock, sim, client);
  }

  /**
   * The clock shared by the simulator and the client; give it to the engines too.
   *
   * @return the clock
   * @since 0.1.0
   */
  public ShiftableClock clock() {
    return clock;
  }

  /**
   * The simulator (its catalogue, orders, recorder and signed webhooks).
   *
   * @return the simulator
   * @since 0.1.0
   */
  public CjSimulator sim() {
    return sim;
  }

  /**
   * The client of the simulator's account.
   *
   * @return the client
   * @since 0.1.0
   */
  public CjClient client() {
    return client;
  }

  /**
   * Moves time forward for everyone sharing {@link #clock()}.
   *
   * @param amount how far
   * @return the new time
   * @since 0.1.0
   */
  public Instant advance(Duration amount) {
    return clock.advance(amount);
  }

  @Override
  public void close() {
    client.close();
    sim.close();
  }
}
