package dev.dropsync.cj.internal;

import dev.dropsync.cj.CjAuthenticationException;
import dev.dropsync.cj.CjClientListener;
import dev.dropsync.cj.CjException;
import dev.dropsync.cj.CjInvalidRequestException;
import dev.dropsync.cj.CjMalformedResponseException;
import dev.dropsync.cj.CjNotFoundException;
import dev.dropsync.cj.CjPaymentException;
import dev.dropsync.cj.CjQuotaExceededException;
import dev.dropsync.cj.CjRateLimitException;
import dev.dropsync.cj.CjServerException;
import dev.dropsync.cj.CjTransportException;
import dev.dropsync.cj.RequestOptions;
import dev.dropsync.cj.spi.Sleeper;
import dev.failsafe.FailsafeException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;

/** Sends CJ requests: limiter, token, retries, envelope decoding and error mapping. */
public final class HttpCore {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final String USER_AGENT = "dropsync-cj-client/0.1.0";

  private final OkHttpClient http;
  private final String baseUrl;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Executor executor;
  private final RateLimiter limiter;
  private final PointsTracker points;
  private final CjClientListener listener;
  private final RetryExecutor retry;
  private final int maxRetries;
  private final Redactor redactor;
  private @Nullable TokenManager tokens;

  public HttpCore(
      OkHttpClient http,
      String baseUrl,
      Clock clock,
      Sleeper sleeper,
      Executor executor,
      RateLimiter limiter,
      PointsTracker points,
      CjClientListener listener,
      RetryExecutor retry,
      int maxRetries,
      Redactor redactor) {
    this.http = http;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.clock = clock;
    this.sleeper = sleeper;
    this.executor = executor;
    this.limiter = limiter;
    this.points = points;
    this.listener = listener;
    this.retry = retry;
    this.maxRetries = maxRetries;
    this.redactor = redactor;
  }

  public void tokens(TokenManager tokens) {
    this.tokens = tokens;
  }

  public Clock clock() {
    return clock;
  }

  public Executor executor() {
    return executor;
  }

  public PointsTracker points() {
    return points;
  }

  public RateLimiter limiter() {
    return limiter;
  }

  /** Runs a call with limiter, token and retry handling; the future completes on the executor. */
  public CompletableFuture<Envelope> call(
      Endpoint ep, Map<String, List<String>> query, @Nullable Object body, RequestOptions opts) {
    return call(ep, query, body, opts, opts.maxRetries() != null ? opts.maxRetries() : maxRetries);
  }

  /** Like {@link #call} but maps the envelope on the executor; cancelling the result cancels the call. */
  public <T> CompletableFuture<T> call(
      Endpoint ep, Map<String, List<String>> query, @Nullable Object body, RequestOptions opts,
      Function<Envelope, T> mapper) {
    return call(ep, query, body, opts, opts.maxRetries() != null ? opts.maxRetries() : maxRetries, mapper);
  }

  public CompletableFuture<Envelope> call(
      Endpoint ep, Map<String, List<String>> query, @Nullable Object body, RequestOptions opts, int retries) {
    return call(ep, query, body, opts, retries, Function.identity());
  }

  /** Makes cancelling {@code downstream} cancel {@code upstream} (and so the HTTP call). */
  public static <T> CompletableFuture<T> linkCancel(CompletableFuture<T> downstream, CompletableFuture<?> upstream) {
    downstream.whenComplete((v, t) -> {
      if (downstream.isCancelled()) {
        upstream.cancel(true);
      }
    });
    return downstream;
  }

  public <T> CompletableFuture<T> call(
      Endpoint ep, Map<String, List<String>> query, @Nullable Object body, RequestOptions opts, int retries,
      Function<Envelope, T> mapper) {
    AtomicReference<@Nullable Call> current = new AtomicReference<>();
    AtomicInteger attempts = new AtomicInteger();
    String jsonBody = body == null ? null : Json.write(body);
    CompletableFuture<Envelope> inner =
        retry.execute(
            retries,
            t -> shouldRetry(t, ep),
            this::delayFor,
            (failure, delay) -> {
              safe(() -> listener.onRetry(new CjClientListener.RetryEvent(ep.name(), attempts.get(), delay, reason(failure))));
            },
            () -> attempt(ep, query, jsonBody, opts, current, attempts));
    CompletableFuture<T> result = new CompletableFuture<>();
    inner.whenComplete(
        (env, t) -> {
          Runnable finish = () -> {
            if (t != null) {
              result.completeExceptionally(unwrap(t));
              return;
            }
            try {
              result.complete(mapper.apply(env));
            } catch (RuntimeException e) {
              result.completeExceptionally(e);
            }
          };
          try {
            executor.execute(finish);
          } catch (RuntimeException rejected) {
            finish.run();
          }
        });
    result.whenComplete(
        (env, t) -> {
          if (result.isCancelled()) {
            inner.cancel(true);
            Call c = current.get();
            if (c != null) {
              c.cancel();
            }
          }
        });
    return result;
  }

  private static String reason(Throwable t) {
    if (t instanceof CjException e && e.code() != null) {
      return t.getClass().getSimpleName() + " " + e.code();
    }
    return t.getClass().getSimpleName();
  }

  private boolean shouldRetry(Throwable t, Endpoint ep) {
    if (t instanceof CjRateLimitException r) {
      return r.earliestRetryAt() == null;
    }
    if (t instanceof NotSentException) {
      return true;
    }
    return ep.idempotent() && t instanceof CjException e && e.isRetryable();
  }

  /** Throttle waits are enforced by the shared limiter (see {@link #checked}), so no extra delay. */
  private @Nullable Duration delayFor(Throwable t) {
    if (t instanceof CjRateLimitException) {
      return Duration.ZERO;
    }
    return null;
  }

  /**
   * After a server throttle, widens the limiter's spacing (the account's calls were too close for
   * CJ's clock) and pushes every caller of this limiter back by Retry-After (at least 1 s).
   */
  private void onServerThrottle(Endpoint ep, CjRateLimitException r) {
    limiter.widen();
    Duration ra = r.retryAfter();
    Duration min = limiter.interval().compareTo(Duration.ofSeconds(1)) > 0 ? limiter.interval() : Duration.ofSeconds(1);
    Duration wait = ra != null && ra.compareTo(min) > 0 ? ra : min;
    limiter.blockUntil(clock.instant().plus(wait));
    safe(() -> listener.onRateLimited(new CjClientListener.RateLimitEvent(ep.name(), wait, true)));
  }

  private CompletableFuture<Envelope> attempt(
      Endpoint ep,
      Map<String, List<String>> query,
      @Nullable String body,
      RequestOptions opts,
      AtomicReference<@Nullable Call> current,
      AtomicInteger attempts) {
    int n = attempts.incrementAndGet();
    if (!ep.authenticated()) {
      return limitedSend(ep, query, body, opts, null, current, n).thenApply(env -> checked(env, n));
    }
    TokenManager tm = tokens;
    if (tm == null) {
      return CompletableFuture.failedFuture(new IllegalStateException("token manager not set"));
    }
    return tm.accessToken()
        .thenCompose(tok -> limitedSend(ep, query, body, opts, tok, current, n)
            .thenCompose(env -> {
              if (!env.isSuccess() && env.code() != null && env.code() == 1600001) {
                tm.invalidate(tok);
                return tm.accessToken()
                    .thenCompose(tok2 -> limitedSend(ep, query, body, opts, tok2, current, n));
              }
              return CompletableFuture.completedFuture(env);
            }))
        .thenApply(env -> checked(env, n));
  }

  private Envelope checked(Envelope env, int attempt) {
    if (env.isSuccess()) {
      return env;
    }
    CjException e = toException(env, attempt);
    if (e instanceof CjRateLimitException r) {
      onServerThrottle(env.endpoint(), r);
    }
    throw e;
  }

  private CompletableFuture<Envelope> limitedSend(
      Endpoint ep,
      Map<String, List<String>> query,
      @Nullable String body,
      RequestOptions opts,
      @Nullable String token,
      AtomicReference<@Nullable Call> current,
      int attempt) {
    Duration wait = limiter.reserve();
    if (wait.isZero() || wait.isNegative()) {
      return send(ep, query, body, opts, token, current, attempt);
    }
    safe(() -> listener.onRateLimited(new CjClientListener.RateLimitEvent(ep.name(), wait, false)));
    return sleeper.sleep(wait).thenCompose(v -> send(ep, query, body, opts, token, current, attempt));
  }

  private CompletableFuture<Envelope> send(
      Endpoint ep,
      Map<String, List<String>> query,
      @Nullable String body,
      RequestOptions opts,
      @Nullable String token,
      AtomicReference<@Nullable Call> current,
      int attempt) {
    CompletableFuture<Envelope> f = new CompletableFuture<>();
    Request request;
    try {
      request = buildRequest(ep, query, body, opts, token);
    } catch (RuntimeException e) {
      f.completeExceptionally(e);
      return f;
    }
    OkHttpClient client = http;
    if (opts.readTimeout() != null) {
      client = http.newBuilder().readTimeout(opts.readTimeout()).build();
    }
    Call call = client.newCall(request);
    current.set(call);
    Instant start = clock.instant();
    safe(() -> listener.onRequest(new CjClientListener.RequestEvent(ep.name(), attempt)));
    call.enqueue(
        new Callback() {
          @Override
          public void onFailure(Call c, IOException e) {
            CjException ex = transportFailure(ep, e, attempt, c.isCanceled());
            report(ep, attempt, start, 0, null, null, ex);
            f.completeExceptionally(ex);
          }

          @Override
          public void onResponse(Call c, Response response) {
            try (response) {
              Envelope env = decode(ep, response, attempt);
              report(ep, attempt, start, env.httpStatus(), env.code(), env.requestId(), null);
              f.complete(env);
            } catch (CjException e) {
              report(ep, attempt, start, response.code(), null, null, e);
              f.completeExceptionally(e);
            } catch (IOException e) {
              CjException ex = transportFailure(ep, e, attempt, c.isCanceled());
              report(ep, attempt, start, response.code(), null, null, ex);
              f.completeExceptionally(ex);
            } catch (RuntimeException e) {
              f.completeExceptionally(e);
            }
          }
        });
    return f;
  }

  private void report(
      Endpoint ep, int attempt, Instant start, int status, @Nullable Integer code, @Nullable String requestId, @Nullable Throwable failure) {
    Duration d = Duration.between(start, clock.instant());
    safe(() -> listener.onResponse(new CjClientListener.ResponseEvent(
        ep.name(), attempt, d, status, code, requestId, failure == null ? null : failure.getClass().getSimpleName())));
  }

  private Request buildRequest(
      Endpoint ep, Map<String, List<String>> query, @Nullable String body, RequestOptions opts, @Nullable String token) {
    HttpUrl url = HttpUrl.parse(baseUrl + ep.path());
    if (url == null) {
      throw CjInvalidRequestException.of(ep.name(), "path", ep.path(), "cannot build a URL for path \"" + ep.path() + "\"");
    }
    HttpUrl.Builder ub = url.newBuilder();
    for (Map.Entry<String, List<String>> e : query.entrySet()) {
      for (String v : e.getValue()) {
        ub.addQueryParameter(e.getKey(), v);
      }
    }
    Request.Builder rb = new Request.Builder().url(ub.build());
    rb.header("Content-Type", "application/json");
    rb.header("User-Agent", USER_AGENT);
    if (token != null) {
      rb.header("CJ-Access-Token", token);
    }
    for (Map.Entry<String, String> h : opts.headers().entrySet()) {
      rb.header(h.getKey(), h.getValue());
    }
    RequestBody rbody = null;
    if (body != null) {
      rbody = RequestBody.create(body, JSON);
    } else if (ep.method().equals("POST") || ep.method().equals("PATCH") || ep.method().equals("PUT")) {
      rbody = RequestBody.create("", JSON);
    }
    rb.method(ep.method(), rbody);
    return rb.build();
  }

  private Envelope decode(Endpoint ep, Response response, int attempt) throws IOException {
    int status = response.code();
    String retryAfter = response.header("Retry-After");
    ResponseBody rb = response.body();
    Object tree = null;
    boolean json = false;
    String text = rb.string();
    if (!text.isBlank()) {
      try {
        tree = Json.parse(text);
        json = tree instanceof Map;
      } catch (IOException | RuntimeException e) {
        if (status >= 200 && status < 300) {
          throw new CjMalformedResponseException(
              ep.name() + " response is not valid JSON", null, status, ep.name(), null, e);
        }
      }
    }
    if (!json || !(tree instanceof Map)) {
      return new Envelope(ep, status, null, null, null, null, null, null, false, retryAfter, false);
    }
    @SuppressWarnings("unchecked")
    Map<String, @Nullable Object> m = (Map<String, @Nullable Object>) tree;
    Node root = new Node(m, "$", new Node.Ctx(ep.name(), null, status));
    Integer code;
    try {
      code = root.integer("code");
    } catch (RuntimeException e) {
      code = null;
    }
    Boolean result = m.get("result") instanceof Boolean b ? b : null;
    Boolean success = m.get("success") instanceof Boolean b ? b : null;
    String message = m.get("message") instanceof String s ? redactor.redact(s) : null;
    String requestId = m.get("requestId") == null ? null : String.valueOf(m.get("requestId"));
    Envelope env = new Envelope(ep, status, code, result, success, message, requestId, m.get("data"), m.containsKey("data"), retryAfter, true);
    points.record(m.get("pointsInfo"), env.ctx());
    return env;
  }

  private CjException transportFailure(Endpoint ep, IOException e, int attempt, boolean cancelled) {
    String what = cancelled ? "call cancelled" : e instanceof InterruptedIOException ? "timed out" : "I/O failure";
    String msg = ep.name() + " " + what + ": " + e.getClass().getSimpleName();
    if (!cancelled && (e instanceof ConnectException || e instanceof UnknownHostException || e instanceof NoRouteToHostException)) {
      return new NotSentException(msg, ep.name(), attempt, e);
    }
    return new CjTransportException(msg, null, null, 0, ep.name(), attempt, !cancelled, e);
  }

  /** Maps a non-successful envelope to the typed exception of cj-api.md section 7. */
  public CjException toException(Envelope env, int attempt) {
    String ep = env.endpoint().name();
    Integer code = env.code();
    int status = env.httpStatus();
    String rid = env.requestId();
    String msg = env.message() != null ? env.message() : "CJ call failed";
    if (!env.jsonBody()) {
      if (status == 429) {
        return new CjRateLimitException("throttled (HTTP 429)", null, rid, status, ep, attempt, parseRetryAfter(env.retryAfter()), null);
      }
      if (status >= 500) {
        return new CjServerException("CJ server error (HTTP " + status + ")", null, rid, status, ep, attempt, true, null);
      }
      if (status == 401 || status == 403) {
        return new CjAuthenticationException("not authorised (HTTP " + status + ")", null, rid, status, ep, attempt, false, null);
      }
      if (status == 404) {
        return new CjNotFoundException("not found (HTTP 404)", null, rid, status, ep, attempt, false, null);
      }
      if (status >= 400) {
        return new CjInvalidRequestException("request rejected (HTTP " + status + ")", null, rid, status, ep, attempt, null, null, null);
      }
      return new CjMalformedResponseException(ep + " response has no JSON body", rid, status, ep, null, null);
    }
    int c = code == null ? -1 : code;
    if (c == 1600200 || c == 2000001 || (status == 429 && c != 1600201 && c != 16900500)) {
      return new CjRateLimitException(msg, code, rid, status, ep, attempt, parseRetryAfter(env.retryAfter()), null);
    }
    if (c == 1600201 || c == 16900500) {
      return new CjQuotaExceededException(msg, code, rid, status, ep, attempt, nextUtcMidnight());
    }
    if ((c >= 1600001 && c <= 1600008) || c == 1601000) {
      return new CjAuthenticationException(msg, code, rid, status, ep, attempt, false, null);
    }
    if (c == 1600000 || c == 1600301 || (code == null && status >= 500)) {
      return new CjServerException(msg, code, rid, status, ep, attempt, true, null);
    }
    if (c == 1600101 || (c >= 1602000 && c <= 1602003) || c == 1603100) {
      return new CjNotFoundException(msg, code, rid, status, ep, attempt, false, null);
    }
    if (c == 1604000 || c == 1604001) {
      return new CjPaymentException(msg, code, rid, status, ep, attempt, false, null);
    }
    if (c == 1600300 || c == 1600100 || (c >= 16900202 && c <= 16900205) || c == 16900403
        || c == 5027 || c == 5030 || (c >= 1605000 && c <= 1605002) || (c >= 1606000 && c <= 1607003)
        || (code == null && status >= 400)) {
      return new CjInvalidRequestException(msg, code, rid, status, ep, attempt, null, null, null);
    }
    if (status >= 500) {
      return new CjServerException(msg, code, rid, status, ep, attempt, true, null);
    }
    return new CjException(msg, code, rid, status, ep, attempt, false, null);
  }

  private Instant nextUtcMidnight() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
  }

  private @Nullable Duration parseRetryAfter(@Nullable String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String h = header.trim();
    try {
      long s = Long.parseLong(h);
      return s < 0 ? null : Duration.ofSeconds(s);
    } catch (NumberFormatException e) {
      try {
        Instant at = ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration d = Duration.between(clock.instant(), at);
        return d.isNegative() ? Duration.ZERO : d;
      } catch (RuntimeException e2) {
        return null;
      }
    }
  }

  private static void safe(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      // listener failures must not break calls
    }
  }

  /** Strips CompletionException, ExecutionException and FailsafeException wrappers. */
  public static Throwable unwrap(Throwable t) {
    Throwable cur = t;
    while ((cur instanceof CompletionException || cur instanceof ExecutionException || cur instanceof FailsafeException)
        && cur.getCause() != null) {
      cur = cur.getCause();
    }
    return cur;
  }

  /** Blocks for a future's result, rethrowing CjException unwrapped. */
  public static <T> T await(CompletableFuture<T> f, String endpoint) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      f.cancel(true);
      Thread.currentThread().interrupt();
      throw new CjTransportException("interrupted while waiting for " + endpoint, null, null, 0, endpoint, 0, false, e);
    } catch (CancellationException e) {
      throw new CjTransportException("call cancelled: " + endpoint, null, null, 0, endpoint, 0, false, e);
    } catch (ExecutionException e) {
      Throwable c = unwrap(e);
      if (c instanceof RuntimeException re) {
        throw re;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw new CjTransportException("call failed: " + endpoint, null, null, 0, endpoint, 0, false, c);
    }
  }

  /** A connection failure: the request never reached CJ, so even non-idempotent calls may retry. */
  public static final class NotSentException extends CjTransportException {
    private static final long serialVersionUID = 1L;

    NotSentException(String message, String endpoint, int attempt, Throwable cause) {
      super(message, null, null, 0, endpoint, attempt, true, cause);
    }
  }
}
