package dev.dropsync.cj;

import dev.dropsync.cj.internal.Endpoint;
import dev.dropsync.cj.internal.FailsafeRetryExecutor;
import dev.dropsync.cj.internal.HttpCore;
import dev.dropsync.cj.internal.Json;
import dev.dropsync.cj.internal.PointsTracker;
import dev.dropsync.cj.internal.RateLimiter;
import dev.dropsync.cj.internal.Redactor;
import dev.dropsync.cj.internal.ScheduledSleeper;
import dev.dropsync.cj.internal.TokenManager;
import dev.dropsync.cj.model.PointsInfo;
import dev.dropsync.cj.model.RawResponse;
import dev.dropsync.cj.spi.InMemoryTokenStore;
import dev.dropsync.cj.spi.Sleeper;
import dev.dropsync.cj.spi.TokenStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledExecutorService;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * Typed client for the CJ Dropshipping Open API 2.0. Create one per CJ account and share it: it is
 * immutable and thread-safe, and its rate limiter spaces every call (sync and async, from every
 * thread and every client derived with {@link #newBuilder()}) to the account's QPS.
 *
 * <pre>{@code
 * try (CjClient cj = CjClient.builder().apiKey(System.getenv("CJ_API_KEY")).qps(2).build()) {
 *   Page<Product> page = cj.products().list(ProductListRequest.firstPage());
 * }
 * }</pre>
 *
 * <p>Tokens are obtained lazily, kept in the {@link TokenStore} and refreshed ahead of expiry.
 * Idempotent calls are retried on busy/5xx/timeouts with exponential backoff and jitter; throttle
 * answers wait (honouring {@code Retry-After}) and retry. {@link #close()} releases only the
 * resources the builder created.
 *
 * @since 0.1.0
 */
public final class CjClient implements AutoCloseable {
  /** CJ's production base URL. */
  public static final String DEFAULT_BASE_URL = "https://developers.cjdropshipping.com/api2.0/v1";

  private final Builder config;
  private final HttpCore core;
  private final TokenManager tokens;
  private final RateLimiter limiter;
  private final PointsTracker points;
  private final Redactor redactor;
  private final @Nullable OkHttpClient ownedHttp;
  private final @Nullable ScheduledExecutorService ownedScheduler;
  private final OkHttpClient http;
  private final Sleeper sleeper;
  private final ProductService products;
  private final StockService stock;
  private final LogisticsService logistics;
  private final OrderService orders;
  private final PaymentService payments;
  private final WebhookService webhooks;
  private final AuthService auth;

  private CjClient(Builder b, @Nullable CjClient parent) {
    this.config = b.copy();
    String apiKey = b.apiKey == null ? "" : b.apiKey;
    Clock clock = b.clock;
    OkHttpClient base = b.okHttpClient;
    OkHttpClient owned = null;
    if (base == null && parent != null) {
      base = parent.http;
    }
    if (base == null) {
      Dispatcher d = new Dispatcher();
      d.setMaxRequests(128);
      d.setMaxRequestsPerHost(64);
      owned = new OkHttpClient.Builder()
          .dispatcher(d)
          .connectTimeout(Duration.ofSeconds(10))
          .readTimeout(b.readTimeout != null ? b.readTimeout : Duration.ofSeconds(30))
          .writeTimeout(Duration.ofSeconds(30))
          .callTimeout(Duration.ofSeconds(90))
          .retryOnConnectionFailure(false)
          .build();
      base = owned;
    } else {
      // Derived from the caller's client (shares its pool and dispatcher, keeps its timeouts) but never
      // lets OkHttp silently replay a request: a replayed createOrder would be a second order.
      OkHttpClient.Builder derived = base.newBuilder().retryOnConnectionFailure(false);
      if (b.readTimeout != null) {
        derived.readTimeout(b.readTimeout);
      }
      base = derived.build();
    }
    this.ownedHttp = owned;
    this.http = base;
    Sleeper s = b.sleeper;
    ScheduledExecutorService sched = null;
    if (s == null && parent != null) {
      s = parent.sleeper;
    }
    if (s == null) {
      sched = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "dropsync-cj-timer");
        t.setDaemon(true);
        return t;
      });
      s = new ScheduledSleeper(sched);
    }
    this.ownedScheduler = sched;
    this.sleeper = s;
    Executor executor = b.executor != null ? b.executor : ForkJoinPool.commonPool();
    CjClient same = parent != null && apiKey.equals(parent.config.apiKey) && clock.equals(parent.config.clock) ? parent : null;
    this.limiter = same != null && b.qps == same.config.qps && b.qpsSafetyFactor == same.config.qpsSafetyFactor
        ? same.limiter
        : new RateLimiter(clock, b.qps, b.qpsSafetyFactor);
    this.points = same != null ? same.points : new PointsTracker(clock);
    this.redactor = same != null ? same.redactor : new Redactor();
    FailsafeRetryExecutor retry = new FailsafeRetryExecutor(s, executor, b.backoffBase, b.backoffMax, b.maxRetryDuration);
    this.core = new HttpCore(http, b.baseUrl, clock, s, executor, limiter, points, b.listener, retry, b.maxRetries, redactor);
    if (same != null && b.tokenStore == same.config.tokenStore && b.refreshAhead.equals(same.config.refreshAhead)) {
      this.tokens = same.tokens;
    } else {
      this.tokens = new TokenManager(core, apiKey, b.tokenStore, clock, b.refreshAhead,
          b.tokenRequestInterval, Duration.ofSeconds(12), redactor);
    }
    core.tokens(tokens);
    this.products = new ProductService(core);
    this.stock = new StockService(core);
    this.logistics = new LogisticsService(core);
    this.orders = new OrderService(core);
    this.payments = new PaymentService(core);
    this.webhooks = new WebhookService(core);
    this.auth = new AuthService(tokens);
  }

  /**
   * A new builder with defaults: CJ's base URL, QPS 1, system UTC clock, in-memory token store.
   *
   * @return the builder
   * @since 0.1.0
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder pre-filled with this client's settings. Clients built from it share this client's
   * OkHttp pool, waiting seam and, for the same API key, clock and QPS, its rate limiter, tokens and
   * points figures. Closing a derived client does not close this client's resources.
   *
   * @return the builder
   * @since 0.1.0
   */
  public Builder newBuilder() {
    Builder b = config.copy();
    b.parent = this;
    return b;
  }

  /**
   * Token operations (getAccessToken, refreshAccessToken, logout).
   *
   * @return the auth service
   * @since 0.1.0
   */
  public AuthService auth() {
    return auth;
  }

  /**
   * Product list/listV2, product and variant queries.
   *
   * @return the product service
   * @since 0.1.0
   */
  public ProductService products() {
    return products;
  }

  /**
   * Stock by vid, sku and pid.
   *
   * @return the stock service
   * @since 0.1.0
   */
  public StockService stock() {
    return stock;
  }

  /**
   * Freight calculation and tracking.
   *
   * @return the logistics service
   * @since 0.1.0
   */
  public LogisticsService logistics() {
    return logistics;
  }

  /**
   * Order creation, list, detail, delete and confirm.
   *
   * @return the order service
   * @since 0.1.0
   */
  public OrderService orders() {
    return orders;
  }

  /**
   * Balance and balance payment.
   *
   * @return the payment service
   * @since 0.1.0
   */
  public PaymentService payments() {
    return payments;
  }

  /**
   * Webhook registration and product subscription.
   *
   * @return the webhook service
   * @since 0.1.0
   */
  public WebhookService webhooks() {
    return webhooks;
  }

  /**
   * The latest points figures CJ reported ({@code pointsInfo}).
   *
   * @return the figures, or empty before any response carried them
   * @since 0.1.0
   */
  public Optional<PointsInfo> points() {
    return Optional.ofNullable(points.latest());
  }

  /**
   * Points left as last reported by CJ.
   *
   * @return remaining points, or empty when unknown
   * @since 0.1.0
   */
  public OptionalLong remainingPoints() {
    PointsInfo p = points.latest();
    return p == null ? OptionalLong.empty() : OptionalLong.of(p.remaining());
  }

  /**
   * Calls an endpoint this client does not model yet, with the same token, limiter, retry and error
   * handling. GET and DELETE are treated as idempotent (retried); other methods are not retried after
   * an unknown outcome.
   *
   * @param method HTTP method, e.g. {@code GET}
   * @param path path below the base URL, starting with {@code /}, e.g. {@code /setting/get};
   *     may carry a query string
   * @param jsonBody JSON body, or {@code null}
   * @param options per-call options
   * @return the successful response
   * @throws CjInvalidRequestException for a bad method, path or body (before sending)
   * @since 0.1.0
   */
  public RawResponse rawRequest(String method, String path, @Nullable String jsonBody, RequestOptions options) {
    return HttpCore.await(rawRequestAsync(method, path, jsonBody, options), method + " " + path);
  }

  /**
   * Async {@link #rawRequest(String, String, String, RequestOptions)}.
   *
   * @param method HTTP method
   * @param path path below the base URL
   * @param jsonBody JSON body, or {@code null}
   * @param options per-call options
   * @return the successful response
   * @since 0.1.0
   */
  public CompletableFuture<RawResponse> rawRequestAsync(
      String method, String path, @Nullable String jsonBody, RequestOptions options) {
    String m = method.trim().toUpperCase(Locale.ROOT);
    if (!m.matches("GET|POST|PUT|PATCH|DELETE")) {
      throw CjInvalidRequestException.of("rawRequest", "method", method, "unsupported HTTP method \"" + method + "\"");
    }
    if (!path.startsWith("/")) {
      throw CjInvalidRequestException.of("rawRequest", "path", path, "path must start with / but was \"" + path + "\"");
    }
    Object body = null;
    if (jsonBody != null) {
      try {
        body = Json.parse(jsonBody);
      } catch (IOException | RuntimeException e) {
        throw CjInvalidRequestException.of("rawRequest", "jsonBody", null, "jsonBody is not valid JSON");
      }
    }
    Endpoint ep = new Endpoint(m, path, m.equals("GET") || m.equals("DELETE"), true);
    return core.call(ep, Map.of(), body, options, env ->
        new RawResponse(env.httpStatus(), env.code(), env.message(), env.requestId(), Json.write(env.data())));
  }

  /**
   * Releases what the builder created: the OkHttp dispatcher and connection pool (unless an
   * OkHttpClient was injected) and the timer thread (unless a sleeper was injected). Idempotent.
   *
   * @since 0.1.0
   */
  @Override
  public void close() {
    if (ownedHttp != null) {
      ownedHttp.dispatcher().executorService().shutdown();
      ownedHttp.connectionPool().evictAll();
    }
    if (ownedScheduler != null) {
      ownedScheduler.shutdownNow();
    }
  }

  @Override
  public String toString() {
    return "CjClient{baseUrl=" + config.baseUrl + ", qps=" + config.qps + ", account=" + tokens.accountKey() + "}";
  }

  /**
   * Configures a {@link CjClient}. Not thread-safe; {@link #build()} validates and copies, so later
   * changes do not affect built clients.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private @Nullable String apiKey;
    private String baseUrl = DEFAULT_BASE_URL;
    private double qps = 1;
    private double qpsSafetyFactor = 1.1;
    private Clock clock = Clock.systemUTC();
    private @Nullable OkHttpClient okHttpClient;
    private TokenStore tokenStore = new InMemoryTokenStore();
    private CjClientListener listener = new CjClientListener() {};
    private @Nullable Duration readTimeout;
    private @Nullable Executor executor;
    private @Nullable Sleeper sleeper;
    private int maxRetries = 3;
    private Duration maxRetryDuration = Duration.ofMinutes(2);
    private Duration backoffBase = Duration.ofMillis(500);
    private Duration backoffMax = Duration.ofSeconds(10);
    private Duration refreshAhead = Duration.ofHours(48);
    private Duration tokenRequestInterval = Duration.ofMinutes(5);
    private @Nullable CjClient parent;

    private Builder() {}

    private Builder copy() {
      Builder b = new Builder();
      b.apiKey = apiKey;
      b.baseUrl = baseUrl;
      b.qps = qps;
      b.qpsSafetyFactor = qpsSafetyFactor;
      b.clock = clock;
      b.okHttpClient = okHttpClient;
      b.tokenStore = tokenStore;
      b.listener = listener;
      b.readTimeout = readTimeout;
      b.executor = executor;
      b.sleeper = sleeper;
      b.maxRetries = maxRetries;
      b.maxRetryDuration = maxRetryDuration;
      b.backoffBase = backoffBase;
      b.backoffMax = backoffMax;
      b.refreshAhead = refreshAhead;
      b.tokenRequestInterval = tokenRequestInterval;
      return b;
    }

    private static CjInvalidRequestException bad(String field, @Nullable Object value, String message) {
      return CjInvalidRequestException.of("CjClient.Builder", field, value, message);
    }

    /**
     * The CJ API key ({@code CJ<userNum>@api@<hex>}). Required. Never logged or printed.
     *
     * @param apiKey the key
     * @return this builder
     * @since 0.1.0
     */
    public Builder apiKey(String apiKey) {
      this.apiKey = apiKey;
      return this;
    }

    /**
     * The API base URL (default {@link #DEFAULT_BASE_URL}); point it at a simulator in tests.
     *
     * @param baseUrl absolute http(s) URL
     * @return this builder
     * @since 0.1.0
     */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = baseUrl;
      return this;
    }

    /**
     * The account's QPS limit (default 1; Plus 2, Prime 4, Advanced 6). Calls are spaced 1/qps ×
     * the safety factor apart.
     *
     * @param qps requests per second, in (0, 100]
     * @return this builder
     * @since 0.1.0
     */
    public Builder qps(double qps) {
      this.qps = qps;
      return this;
    }

    /**
     * Spacing margin over 1/qps (default 1.1) because CJ counts on its own clock: calls exactly
     * 1/qps apart get throttled, and a call that leaves late (GC pause, busy host, network jitter)
     * shortens the gap to the next one. CJ documents 1.05–1.2 as clean; 1.1 tolerates twice the
     * send-time jitter 1.05 does (at 1.05 a two-core host under load drew throttle answers in the
     * 8-thread QPS 2 test). Each throttle answer CJ still sends widens the
     * spacing by 5 % for the rest of the client's life (and its derivatives'), up to 1.5 (or this
     * factor, if higher), so a client on a jittery path settles at a spacing CJ accepts.
     *
     * @param factor in [1, 3]
     * @return this builder
     * @since 0.1.0
     */
    public Builder qpsSafetyFactor(double factor) {
      this.qpsSafetyFactor = factor;
      return this;
    }

    /**
     * The clock for limiter, token expiry and listener durations (default system UTC).
     *
     * @param clock the clock
     * @return this builder
     * @since 0.1.0
     */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * An OkHttpClient to derive from (its pool, dispatcher and timeouts are kept; OkHttp's silent
     * connection-failure retry is turned off in the derived client; it is never closed by {@link
     * CjClient#close()}). Default: a client owned by this CjClient with 10 s connect, 30 s read and
     * 90 s call timeouts.
     *
     * @param client the OkHttp client
     * @return this builder
     * @since 0.1.0
     */
    public Builder okHttpClient(OkHttpClient client) {
      this.okHttpClient = client;
      return this;
    }

    /**
     * Where tokens are kept across restarts (default: a new {@link InMemoryTokenStore}).
     *
     * @param store the store
     * @return this builder
     * @since 0.1.0
     */
    public Builder tokenStore(TokenStore store) {
      this.tokenStore = store;
      return this;
    }

    /**
     * A listener for metrics and logging (default: none).
     *
     * @param listener the listener
     * @return this builder
     * @since 0.1.0
     */
    public Builder listener(CjClientListener listener) {
      this.listener = listener;
      return this;
    }

    /**
     * Read timeout per HTTP attempt (default 30 s, or the injected OkHttpClient's).
     *
     * @param timeout positive duration
     * @return this builder
     * @since 0.1.0
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = timeout;
      return this;
    }

    /**
     * Where async results are completed (default {@link ForkJoinPool#commonPool()}). Never used for
     * blocking work.
     *
     * @param executor the executor
     * @return this builder
     * @since 0.1.0
     */
    public Builder executor(Executor executor) {
      this.executor = executor;
      return this;
    }

    /**
     * The waiting seam for limiter spacing and retry backoff (default: a timer thread owned by the
     * client). Inject a virtual sleeper in tests.
     *
     * @param sleeper the sleeper
     * @return this builder
     * @since 0.1.0
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = sleeper;
      return this;
    }

    /**
     * Maximum retries per call (default 3).
     *
     * @param maxRetries in 0..10
     * @return this builder
     * @since 0.1.0
     */
    public Builder maxRetries(int maxRetries) {
      this.maxRetries = maxRetries;
      return this;
    }

    /**
     * Upper bound on the total time spent retrying one call (default 2 min).
     *
     * @param max positive duration
     * @return this builder
     * @since 0.1.0
     */
    public Builder maxRetryDuration(Duration max) {
      this.maxRetryDuration = max;
      return this;
    }

    /**
     * Exponential backoff bounds for busy/5xx/timeout retries (default 500 ms doubling to 10 s, ±25 %
     * jitter).
     *
     * @param base first delay, positive
     * @param max largest delay, at least {@code base}
     * @return this builder
     * @since 0.1.0
     */
    public Builder backoff(Duration base, Duration max) {
      this.backoffBase = base;
      this.backoffMax = max;
      return this;
    }

    /**
     * Refresh the access token when less than this lifetime remains (default 48 h).
     *
     * @param ahead non-negative duration
     * @return this builder
     * @since 0.1.0
     */
    public Builder refreshAhead(Duration ahead) {
      this.refreshAhead = ahead;
      return this;
    }

    /**
     * Minimum spacing of getAccessToken requests (default 5 min, CJ's limit).
     *
     * @param interval non-negative duration
     * @return this builder
     * @since 0.1.0
     */
    public Builder tokenRequestInterval(Duration interval) {
      this.tokenRequestInterval = interval;
      return this;
    }

    /**
     * Validates the settings and builds the client.
     *
     * @return a new client
     * @throws CjInvalidRequestException naming the field: blank API key ("apiKey is blank", the key
     *     itself is never echoed), malformed base URL (named), QPS, retries or durations out of range
     * @since 0.1.0
     */
    public CjClient build() {
      if (apiKey == null || apiKey.isBlank()) {
        throw bad("apiKey", null, "apiKey is blank");
      }
      HttpUrl url = HttpUrl.parse(baseUrl);
      if (url == null || baseUrl.contains("?") || baseUrl.contains("#")) {
        throw bad("baseUrl", baseUrl, "baseUrl must be an absolute http(s) URL without query but was \"" + baseUrl + "\"");
      }
      if (!(qps > 0 && qps <= 100)) {
        throw bad("qps", qps, "qps must be in (0, 100] but was " + qps);
      }
      if (!(qpsSafetyFactor >= 1 && qpsSafetyFactor <= 3)) {
        throw bad("qpsSafetyFactor", qpsSafetyFactor, "qpsSafetyFactor must be in [1, 3] but was " + qpsSafetyFactor);
      }
      if (maxRetries < 0 || maxRetries > 10) {
        throw bad("maxRetries", maxRetries, "maxRetries must be in 0..10 but was " + maxRetries);
      }
      positive("maxRetryDuration", maxRetryDuration);
      positive("backoffBase", backoffBase);
      if (backoffMax.compareTo(backoffBase) < 0) {
        throw bad("backoffMax", backoffMax, "backoff max must be >= base (" + backoffBase + ") but was " + backoffMax);
      }
      if (readTimeout != null) {
        positive("readTimeout", readTimeout);
      }
      if (refreshAhead.isNegative()) {
        throw bad("refreshAhead", refreshAhead, "refreshAhead must not be negative but was " + refreshAhead);
      }
      if (tokenRequestInterval.isNegative()) {
        throw bad("tokenRequestInterval", tokenRequestInterval, "tokenRequestInterval must not be negative but was " + tokenRequestInterval);
      }
      return new CjClient(this, parent);
    }

    private static void positive(String field, Duration d) {
      if (d.isZero() || d.isNegative()) {
        throw bad(field, d, field + " must be positive but was " + d);
      }
    }

    @Override
    public String toString() {
      return "CjClient.Builder{apiKey=" + (apiKey == null ? "null" : "[redacted]") + ", baseUrl=" + baseUrl + ", qps=" + qps + "}";
    }
  }

}
