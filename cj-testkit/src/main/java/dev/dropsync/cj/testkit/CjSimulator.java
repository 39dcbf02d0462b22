package dev.dropsync.cj.testkit;

import dev.dropsync.cj.testkit.internal.SimConfig;
import dev.dropsync.cj.testkit.internal.SimEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import mockwebserver3.MockWebServer;
import org.jspecify.annotations.Nullable;

/**
 * An in-process simulator of the CJ Dropshipping Open API 2.0, served over real HTTP on a loopback port
 * (an OkHttp {@code mockwebserver3} dispatcher). It reproduces CJ's envelopes and quirks, tokens and their
 * limits, per-account QPS with CJ's throttle answer, the points quota, a seeded catalogue, an order store
 * whose statuses advance on the injected clock, webhooks, and it records every call and injects faults.
 *
 * <pre>{@code
 * SimClock clock = SimClock.at(Instant.parse("2026-11-24T08:00:00Z"));
 * try (CjSimulator sim = CjSimulator.builder().clock(clock).qps(2).products(300).build().start()) {
 *   String baseUrl = sim.baseUrl();   // http://127.0.0.1:PORT/api2.0/v1
 *   String apiKey = sim.apiKey();     // CJ<userNum>@api@<32 hex>
 *   ...
 * }
 * }</pre>
 *
 * <p>Thread-safe: calls from many client threads are served concurrently and applied one at a time.
 *
 * @since 0.1.0
 */
public final class CjSimulator implements AutoCloseable {
  private static final Pattern API_KEY = Pattern.compile("CJ\\d+@api@[0-9a-fA-F]{32}");

  private final SimEngine engine;
  private final SimConfig config;
  private final SimFaults faults;
  private final SimRecorder recorder;
  private final SimCatalog catalog;
  private final SimOrders orders;
  private final SimWebhooks webhooks;
  private final String host;
  private final int requestedPort;
  private @Nullable MockWebServer server;

  private CjSimulator(Builder b, SimConfig config) {
    this.config = config;
    this.engine = new SimEngine(config);
    this.faults = new SimFaults(engine);
    this.recorder = new SimRecorder(engine);
    this.catalog = new SimCatalog(engine);
    this.orders = new SimOrders(engine);
    this.webhooks = new SimWebhooks(engine);
    this.host = b.host;
    this.requestedPort = b.port;
  }

  /**
   * A new builder with CJ's live defaults.
   *
   * @return a new builder
   * @since 0.1.0
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts serving. Call once.
   *
   * @return this
   * @throws IllegalStateException if already started or closed
   * @throws UncheckedIOException if the port cannot be bound
   * @since 0.1.0
   */
  public synchronized CjSimulator start() {
    if (server != null) {
      throw new IllegalStateException("simulator already started");
    }
    MockWebServer s = new MockWebServer();
    s.setDispatcher(engine);
    try {
      s.start(InetAddress.getByName(host), requestedPort);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start simulator on " + host + ":" + requestedPort, e);
    }
    server = s;
    return this;
  }

  private MockWebServer running() {
    MockWebServer s = server;
    if (s == null) {
      throw new IllegalStateException("simulator not started; call start() first");
    }
    return s;
  }

  /**
   * The base URL to configure in a client, e.g. {@code http://127.0.0.1:54321/api2.0/v1} (no trailing slash).
   *
   * @return the base URL to configure in a client, e.g. {@code http://127.0.0.1:54321/api2.0/v1} (no trailing slash)
   * @throws IllegalStateException if not started
   * @since 0.1.0
   */
  public synchronized String baseUrl() {
    MockWebServer s = running();
    String h = host.contains(":") ? "[" + host + "]" : host;
    return "http://" + h + ":" + s.getPort() + SimEngine.BASE_PATH;
  }

  /**
   * The bound port.
   *
   * @return the bound port
   * @throws IllegalStateException if not started
   * @since 0.1.0
   */
  public synchronized int port() {
    return running().getPort();
  }

  /**
   * The primary account's API key, in CJ's format {@code CJ<userNum>@api@<32 hex>}. It is a test value with
   * no meaning outside this simulator.
   *
   * @return the primary account's API key, in CJ's format {@code CJ<userNum>@api@<32 hex>}
   * @since 0.1.0
   */
  public String apiKey() {
    return config.accounts().get(0).apiKey();
  }

  /**
   * The primary account's openId (decimal string); also the webhook signing key.
   *
   * @return the primary account's openId (decimal string); also the webhook signing key
   * @since 0.1.0
   */
  public String openId() {
    return config.accounts().get(0).openId();
  }

  /**
   * Every account's API key, primary first.
   *
   * @return every account's API key, primary first
   * @since 0.1.0
   */
  public List<String> apiKeys() {
    return config.accounts().stream().map(SimConfig.AccountSpec::apiKey).toList();
  }

  /**
   * The clock the simulator runs on.
   *
   * @return the clock the simulator runs on
   * @since 0.1.0
   */
  public Clock clock() {
    return config.clock();
  }

  /**
   * Fault injection.
   *
   * @return this
   * @since 0.1.0
   */
  public SimFaults faults() {
    return faults;
  }

  /**
   * Recorded calls and assertion helpers.
   *
   * @return recorded calls and assertion helpers
   * @since 0.1.0
   */
  public SimRecorder recorder() {
    return recorder;
  }

  /**
   * The product catalogue.
   *
   * @return the product catalogue
   * @since 0.1.0
   */
  public SimCatalog catalog() {
    return catalog;
  }

  /**
   * The order store and wallet.
   *
   * @return the order store and wallet
   * @since 0.1.0
   */
  public SimOrders orders() {
    return orders;
  }

  /**
   * Signed webhook messages and delivery.
   *
   * @return signed webhook messages and delivery
   * @since 0.1.0
   */
  public SimWebhooks webhooks() {
    return webhooks;
  }

  /**
   * Points the primary account has left now (after the per-minute refill and the 00:00 UTC reset).
   *
   * @return points the primary account has left now (after the per-minute refill and the 00:00 UTC reset)
   * @since 0.1.0
   */
  public long pointsRemaining() {
    return engine.pointsRemaining(openId());
  }

  /**
   * Sets the primary account's remaining points, e.g. to 0 to test quota exhaustion (16900500). Refills
   * continue from this value.
   *
   * @param remaining the remaining
   * @throws IllegalArgumentException if {@code remaining} is negative
   * @since 0.1.0
   */
  public void setPointsRemaining(long remaining) {
    if (remaining < 0) {
      throw new IllegalArgumentException("remaining must be >= 0 but was " + remaining);
    }
    engine.setPointsRemaining(openId(), remaining);
  }

  /**
   * Stops serving and releases the port and the webhook HTTP client. Idempotent.
   *
   * @since 0.1.0
   */
  @Override
  public synchronized void close() {
    MockWebServer s = server;
    if (s != null) {
      s.close();
    }
    engine.close();
  }

  @Override
  public String toString() {
    MockWebServer s = server;
    return "CjSimulator[" + (s == null ? "not started" : baseUrl()) + ", products=" + config.products() + "]";
  }

  /**
   * Builds a {@link CjSimulator}. Every setting has CJ's live default. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private int products = 200;
    private long seed = 1;
    private int qps = 1;
    private boolean qpsEnforced = true;
    private final List<SimConfig.AccountSpec> extraAccounts = new ArrayList<>();
    private @Nullable String apiKey;
    private long pointsTotal = 50_000;
    private Duration accessTokenLifetime = Duration.ofDays(15);
    private Duration refreshTokenLifetime = Duration.ofDays(180);
    private Duration tokenRequestInterval = Duration.ofMinutes(5);
    private Duration tokenReuseWindow = Duration.ZERO;
    private boolean rejectDuplicateOrderNumbers;
    private int throttleHttpStatus = 200;
    private Duration shipAfter = Duration.ofDays(2);
    private Duration deliverAfter = Duration.ofDays(8);
    private BigDecimal balance = new BigDecimal("10000.00");
    private boolean strictWebhookUrls;
    private boolean probeWebhookUrls = true;
    private int maxRecordedCalls = 100_000;
    private boolean blockOnBreach;
    private String host = "127.0.0.1";
    private int port;

    private Builder() {}

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive but was " + d);
      }
      return d;
    }

    /**
     * The clock for token expiry, QPS windows, points and order progress; default the system UTC clock.
     * Use a {@link SimClock} in tests.
     *
     * @param clock the clock
     * @return this
     * @since 0.1.0
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Number of seeded products, 0..100000; default 200.
     *
     * @param products the products
     * @return this
     * @throws IllegalArgumentException if out of range
     * @since 0.1.0
     */
    public Builder products(int products) {
      if (products < 0 || products > 100_000) {
        throw new IllegalArgumentException("products must be 0..100000 but was " + products);
      }
      this.products = products;
      return this;
    }

    /**
     * Seed for the catalogue, ids, tokens and rate faults; same seed, same data. Default 1.
     *
     * @param seed the seed
     * @return this
     * @since 0.1.0
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * QPS limit of the primary account (CJ levels: 1, 2, 4 or 6); default 1.
     *
     * @param qps the qps
     * @return this
     * @throws IllegalArgumentException if below 1 or above 100
     * @since 0.1.0
     */
    public Builder qps(int qps) {
      if (qps < 1 || qps > 100) {
        throw new IllegalArgumentException("qps must be 1..100 but was " + qps);
      }
      this.qps = qps;
      return this;
    }

    /**
     * Whether the QPS limit is enforced; default true. Turn off for tests that do not advance the clock.
     *
     * @param enforced the enforced
     * @return this
     * @since 0.1.0
     */
    public Builder qpsEnforced(boolean enforced) {
      this.qpsEnforced = enforced;
      return this;
    }

    /**
     * Uses {@code apiKey} for the primary account instead of a seeded one.
     *
     * @param apiKey a key in CJ's format {@code CJ<digits>@api@<32 hex>}
     * @return this
     * @throws IllegalArgumentException if blank or not in CJ's format (the value is not echoed)
     * @since 0.1.0
     */
    public Builder apiKey(String apiKey) {
      this.apiKey = checkKey(apiKey);
      return this;
    }

    /**
     * Adds another account with its own key, openId, QPS and points.
     *
     * @param apiKey a key in CJ's format
     * @param openId numeric openId, 1..20 digits
     * @param qps its QPS limit, 1..100
     * @return this
     * @throws IllegalArgumentException on a malformed key or openId or an out-of-range qps
     * @since 0.1.0
     */
    public Builder addAccount(String apiKey, String openId, int qps) {
      String key = checkKey(apiKey);
      if (openId == null || !openId.matches("[1-9]\\d{0,19}")) {
        throw new IllegalArgumentException("openId must be 1..20 digits but was " + openId);
      }
      if (qps < 1 || qps > 100) {
        throw new IllegalArgumentException("qps must be 1..100 but was " + qps);
      }
      extraAccounts.add(new SimConfig.AccountSpec(key, openId, qps));
      return this;
    }

    private static String checkKey(String apiKey) {
      if (apiKey == null || apiKey.isBlank()) {
        throw new IllegalArgumentException("apiKey is blank");
      }
      if (!API_KEY.matcher(apiKey).matches()) {
        throw new IllegalArgumentException("apiKey is not in CJ's format CJ<digits>@api@<32 hex>");
      }
      return apiKey;
    }

    /**
     * Daily points of each account; default 50,000. Refill total/1440 per minute, reset 00:00 UTC.
     *
     * @param pointsTotal the points total
     * @return this
     * @throws IllegalArgumentException if below 1
     * @since 0.1.0
     */
    public Builder pointsTotal(long pointsTotal) {
      if (pointsTotal < 1) {
        throw new IllegalArgumentException("pointsTotal must be >= 1 but was " + pointsTotal);
      }
      this.pointsTotal = pointsTotal;
      return this;
    }

    /**
     * Access-token lifetime; default 15 days.
     *
     * @param lifetime the lifetime
     * @return this
     * @since 0.1.0
     */
    public Builder accessTokenLifetime(Duration lifetime) {
      this.accessTokenLifetime = positive(lifetime, "accessTokenLifetime");
      return this;
    }

    /**
     * Refresh-token lifetime; default 180 days.
     *
     * @param lifetime the lifetime
     * @return this
     * @since 0.1.0
     */
    public Builder refreshTokenLifetime(Duration lifetime) {
      this.refreshTokenLifetime = positive(lifetime, "refreshTokenLifetime");
      return this;
    }

    /**
     * Minimum spacing of getAccessToken calls per account (older docs: once per 5 minutes, the default);
     * a faster call gets 1600200 "Too Many Requests, QPS limit is 1 time/300 seconds". Zero disables it.
     *
     * @param interval the interval
     * @return this
     * @throws IllegalArgumentException if negative
     * @since 0.1.0
     */
    public Builder tokenRequestInterval(Duration interval) {
      Objects.requireNonNull(interval, "tokenRequestInterval");
      if (interval.isNegative()) {
        throw new IllegalArgumentException("tokenRequestInterval must be >= 0 but was " + interval);
      }
      this.tokenRequestInterval = interval;
      return this;
    }

    /**
     * Newer-docs token caching: within this window after a pair was issued, getAccessToken and
     * refreshAccessToken return the <em>same</em> pair (so a refresh does not extend the expiry). Default
     * zero (off: every successful call issues a new pair); CJ's newer docs say 24 hours.
     *
     * @param window the window
     * @return this
     * @throws IllegalArgumentException if negative
     * @since 0.1.0
     */
    public Builder tokenReuseWindow(Duration window) {
      Objects.requireNonNull(window, "tokenReuseWindow");
      if (window.isNegative()) {
        throw new IllegalArgumentException("tokenReuseWindow must be >= 0 but was " + window);
      }
      this.tokenReuseWindow = window;
      return this;
    }

    /**
     * When true, createOrder with an orderNumber already used answers 1603003; default false, as CJ
     * behaves live (a second, chargeable order is created).
     *
     * @param reject the reject
     * @return this
     * @since 0.1.0
     */
    public Builder rejectDuplicateOrderNumbers(boolean reject) {
      this.rejectDuplicateOrderNumbers = reject;
      return this;
    }

    /**
     * HTTP status of the throttle answer (body code 1600200 either way): 200 (default, seen live) or 429
     * (with {@code Retry-After: 1}).
     *
     * @param status the status
     * @return this
     * @throws IllegalArgumentException if not 200 or 429
     * @since 0.1.0
     */
    public Builder throttleHttpStatus(int status) {
      if (status != 200 && status != 429) {
        throw new IllegalArgumentException("throttleHttpStatus must be 200 or 429 but was " + status);
      }
      this.throttleHttpStatus = status;
      return this;
    }

    /**
     * Time from payment to SHIPPED (with a tracking number); default 2 days. Half-way, subStatus becomes
     * PROCESSING.
     *
     * @param delay the delay
     * @return this
     * @since 0.1.0
     */
    public Builder shipAfter(Duration delay) {
      this.shipAfter = positive(delay, "shipAfter");
      return this;
    }

    /**
     * Time from SHIPPED to DELIVERED; default 8 days.
     *
     * @param delay the delay
     * @return this
     * @since 0.1.0
     */
    public Builder deliverAfter(Duration delay) {
      this.deliverAfter = positive(delay, "deliverAfter");
      return this;
    }

    /**
     * Starting wallet balance in USD; default 10000.00.
     *
     * @param balance the balance
     * @return this
     * @throws IllegalArgumentException if negative
     * @since 0.1.0
     */
    public Builder balance(BigDecimal balance) {
      Objects.requireNonNull(balance, "balance");
      if (balance.signum() < 0) {
        throw new IllegalArgumentException("balance must be >= 0 but was " + balance);
      }
      this.balance = balance;
      return this;
    }

    /**
     * When true, /webhook/set rejects localhost (1607001) and non-https (1607002) URLs as CJ does; default
     * false so tests can register a local receiver.
     *
     * @param strict the strict
     * @return this
     * @since 0.1.0
     */
    public Builder strictWebhookUrls(boolean strict) {
      this.strictWebhookUrls = strict;
      return this;
    }

    /**
     * Whether /webhook/set probes each URL with a POST and requires HTTP 200; default true.
     *
     * @param probe the probe
     * @return this
     * @since 0.1.0
     */
    public Builder probeWebhookUrls(boolean probe) {
      this.probeWebhookUrls = probe;
      return this;
    }

    /**
     * When true, a QPS breach blocks the account for the limit's window (1 s from the breach): every call in
     * that second is throttled too, as CJ describes. Default false (only the excess call is throttled).
     *
     * @param block whether to block after a breach
     * @return this builder
     * @since 0.1.0
     */
    public Builder blockOnBreach(boolean block) {
      this.blockOnBreach = block;
      return this;
    }

    /**
     * How many calls the recorder keeps; beyond it the oldest are dropped. Default 100,000.
     *
     * @param max at least 1
     * @return this builder
     * @throws IllegalArgumentException if below 1
     * @since 0.1.0
     */
    public Builder maxRecordedCalls(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxRecordedCalls must be >= 1 but was " + max);
      }
      this.maxRecordedCalls = max;
      return this;
    }

    /**
     * Interface to bind; default {@code 127.0.0.1}.
     *
     * @param host the host
     * @return this
     * @throws IllegalArgumentException if blank
     * @since 0.1.0
     */
    public Builder host(String host) {
      if (host == null || host.isBlank()) {
        throw new IllegalArgumentException("host is blank");
      }
      this.host = host;
      return this;
    }

    /**
     * Port to bind, 0 (default) for any free port.
     *
     * @param port the port
     * @return this
     * @throws IllegalArgumentException if outside 0..65535
     * @since 0.1.0
     */
    public Builder port(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port must be 0..65535 but was " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * Builds the simulator (not yet serving; call {@link CjSimulator#start()}).
     *
     * @return the new simulator
     * @since 0.1.0
     */
    public CjSimulator build() {
      SplittableRandom r = new SplittableRandom(seed);
      String key = apiKey;
      if (key == null) {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < 32; i++) {
          hex.append(Character.forDigit(r.nextInt(16), 16));
        }
        key = "CJ" + (1_000_000 + r.nextInt(9_000_000)) + "@api@" + hex.toString().toLowerCase(Locale.ROOT);
      }
      String openId = Integer.toString(10_000 + r.nextInt(90_000));
      List<SimConfig.AccountSpec> accounts = new ArrayList<>();
      accounts.add(new SimConfig.AccountSpec(key, openId, qps));
      for (SimConfig.AccountSpec a : extraAccounts) {
        if (a.apiKey().equals(key) || a.openId().equals(openId)) {
          throw new IllegalArgumentException("addAccount: apiKey and openId must differ from the primary account");
        }
        accounts.add(a);
      }
      SimConfig config = new SimConfig(clock, products, seed, List.copyOf(accounts), qpsEnforced, pointsTotal,
          accessTokenLifetime, refreshTokenLifetime, tokenRequestInterval, tokenReuseWindow,
          rejectDuplicateOrderNumbers, throttleHttpStatus, shipAfter, deliverAfter, balance, strictWebhookUrls,
          probeWebhookUrls, maxRecordedCalls, blockOnBreach);
      return new CjSimulator(this, config);
    }
  }
}
