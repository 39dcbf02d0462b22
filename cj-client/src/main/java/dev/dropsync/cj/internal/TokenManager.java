package dev.dropsync.cj.internal;

import dev.dropsync.cj.CjAuthenticationException;
import dev.dropsync.cj.CjException;
import dev.dropsync.cj.CjRateLimitException;
import dev.dropsync.cj.RequestOptions;
import dev.dropsync.cj.model.CjTokens;
import dev.dropsync.cj.spi.TokenStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Lazily obtains, persists and refreshes CJ tokens. One token request in flight at a time (single
 * flight); never calls getAccessToken more often than CJ allows.
 */
public final class TokenManager {
  public static final Endpoint GET_TOKEN = new Endpoint("POST", "/authentication/getAccessToken", false, false);
  public static final Endpoint REFRESH_TOKEN = new Endpoint("POST", "/authentication/refreshAccessToken", false, false);
  public static final Endpoint LOGOUT = new Endpoint("POST", "/authentication/logout", false, true);
  private static final Duration STALE_REFRESH_PAUSE = Duration.ofHours(1);

  private final HttpCore core;
  private final String apiKey;
  private final String accountKey;
  private final TokenStore store;
  private final Clock clock;
  private final Duration refreshAhead;
  private final Duration getTokenInterval;
  private final Duration refreshInterval;
  private final Redactor redactor;

  private boolean loaded;
  private @Nullable CjTokens cached;
  private @Nullable String staleAccessToken;
  private @Nullable Instant lastGetAt;
  private @Nullable Instant lastRefreshAt;
  private @Nullable Instant refreshNotBefore;
  private @Nullable CompletableFuture<CjTokens> inflight;

  public TokenManager(
      HttpCore core,
      String apiKey,
      TokenStore store,
      Clock clock,
      Duration refreshAhead,
      Duration getTokenInterval,
      Duration refreshInterval,
      Redactor redactor) {
    this.core = core;
    this.apiKey = apiKey;
    this.accountKey = accountKey(apiKey);
    this.store = store;
    this.clock = clock;
    this.refreshAhead = refreshAhead;
    this.getTokenInterval = getTokenInterval;
    this.refreshInterval = refreshInterval;
    this.redactor = redactor;
    redactor.add(apiKey);
  }

  /** Non-secret fingerprint of an API key: the first 16 hex digits of its SHA-256. */
  public static String accountKey(String apiKey) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
      return "cj-" + HexFormat.of().formatHex(d, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public String accountKey() {
    return accountKey;
  }

  private void loadIfNeeded() {
    if (!loaded) {
      loaded = true;
      Optional<CjTokens> t = store.load(accountKey);
      if (t.isPresent()) {
        remember(t.get());
      }
    }
  }

  private void remember(CjTokens t) {
    cached = t;
    redactor.add(t.accessToken());
    redactor.add(t.refreshToken());
    if (t.openId() != null) {
      redactor.add(t.openId());
    }
  }

  /** A usable access token: cached, refreshed ahead of expiry, or newly obtained (single flight). */
  public CompletableFuture<String> accessToken() {
    CompletableFuture<CjTokens> flight;
    synchronized (this) {
      loadIfNeeded();
      Instant now = clock.instant();
      CjTokens t = cached;
      boolean usable = t != null && t.accessTokenValidAt(now) && !t.accessToken().equals(staleAccessToken);
      if (usable && t != null
          && (t.accessTokenRemaining(now).compareTo(refreshAhead) > 0
              || (refreshNotBefore != null && now.isBefore(refreshNotBefore)))) {
        return CompletableFuture.completedFuture(t.accessToken());
      }
      flight = inflight;
      if (flight == null) {
        flight = startFlight(usable ? t : null, t);
      }
    }
    return flight.thenApply(CjTokens::accessToken);
  }

  /** Marks a token as rejected by CJ (1600001): the next {@link #accessToken()} refreshes. */
  public synchronized void invalidate(String token) {
    if (cached != null && cached.accessToken().equals(token)) {
      staleAccessToken = token;
      refreshNotBefore = null;
    }
  }

  private CompletableFuture<CjTokens> startFlight(@Nullable CjTokens stillValid, @Nullable CjTokens current) {
    CompletableFuture<CjTokens> f = new CompletableFuture<>();
    inflight = f;
    Instant now = clock.instant();
    CompletableFuture<CjTokens> obtain;
    if (current != null && now.isBefore(current.refreshTokenExpiresAt())) {
      obtain = refresh(current).exceptionallyCompose(t -> {
        Throwable e = HttpCore.unwrap(t);
        if (e instanceof CjException ce && ce.code() != null && ce.code() == 1600003) {
          return fetchNew();
        }
        return CompletableFuture.failedFuture(e);
      });
    } else {
      obtain = fetchNew();
    }
    obtain.whenComplete((tokens, t) -> {
      CjTokens outcome;
      Throwable failure = null;
      synchronized (this) {
        inflight = null;
        Instant at = clock.instant();
        if (t == null && tokens != null) {
          remember(tokens);
          staleAccessToken = null;
          if (tokens.accessTokenRemaining(at).compareTo(refreshAhead) <= 0) {
            refreshNotBefore = at.plus(STALE_REFRESH_PAUSE);
          } else {
            refreshNotBefore = null;
          }
          outcome = tokens;
        } else if (stillValid != null && stillValid.accessTokenValidAt(at)) {
          // refresh-ahead failed but the current token still works: keep using it for a while
          refreshNotBefore = at.plus(STALE_REFRESH_PAUSE);
          outcome = stillValid;
        } else {
          outcome = null;
          failure = t == null ? new IllegalStateException("no token") : HttpCore.unwrap(t);
        }
      }
      if (outcome != null) {
        if (t == null) {
          try {
            store.save(accountKey, outcome);
          } catch (RuntimeException e) {
            // a failing store must not fail the call; the token is still cached in memory
          }
        }
        f.complete(outcome);
      } else {
        f.completeExceptionally(failure);
      }
    });
    return f;
  }

  /** Calls getAccessToken (respecting CJ's request limit) without touching single-flight state. */
  public CompletableFuture<CjTokens> fetchNew() {
    Instant now = clock.instant();
    synchronized (this) {
      if (lastGetAt != null && now.isBefore(lastGetAt.plus(getTokenInterval))) {
        Instant at = lastGetAt.plus(getTokenInterval);
        return CompletableFuture.failedFuture(new CjRateLimitException(
            "getAccessToken refused by the client: CJ allows one request per " + getTokenInterval.toSeconds()
                + " s; earliest retry at " + at,
            null, null, 0, GET_TOKEN.name(), 0, Duration.between(now, at), at));
      }
      lastGetAt = now;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("apiKey", apiKey);
    return core.call(GET_TOKEN, Map.of(), body, RequestOptions.none(), 0)
        .whenComplete((env, t) -> sentBy(clock.instant()))
        .thenApply(env -> parse(env, null));
  }

  /**
   * CJ counts the 5-minute spacing from when the request reached it, which can be later than when it was
   * queued here (the rate limiter may hold it back), so the spacing restarts when the answer arrives.
   */
  private synchronized void sentBy(Instant answeredAt) {
    if (lastGetAt == null || answeredAt.isAfter(lastGetAt)) {
      lastGetAt = answeredAt;
    }
  }

  /** Calls refreshAccessToken (respecting a minimum spacing) for the given pair. */
  public CompletableFuture<CjTokens> refresh(CjTokens current) {
    Instant now = clock.instant();
    synchronized (this) {
      if (lastRefreshAt != null && now.isBefore(lastRefreshAt.plus(refreshInterval))) {
        Instant at = lastRefreshAt.plus(refreshInterval);
        return CompletableFuture.failedFuture(new CjRateLimitException(
            "refreshAccessToken refused by the client: too soon after the previous refresh; earliest retry at " + at,
            null, null, 0, REFRESH_TOKEN.name(), 0, Duration.between(now, at), at));
      }
      lastRefreshAt = now;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("refreshToken", current.refreshToken());
    return core.call(REFRESH_TOKEN, Map.of(), body, RequestOptions.none(), 0)
        .thenApply(env -> parse(env, current.openId()));
  }

  /** Public getAccessToken: obtains a new pair now and stores it. */
  public CompletableFuture<CjTokens> forceNew() {
    return fetchNew().thenApply(this::adopt);
  }

  /** Public refreshAccessToken: refreshes the stored pair now. */
  public CompletableFuture<CjTokens> forceRefresh() {
    CjTokens current;
    synchronized (this) {
      loadIfNeeded();
      current = cached;
    }
    if (current == null) {
      return CompletableFuture.failedFuture(new CjAuthenticationException(
          "no refresh token stored for this account; call getAccessToken first", null, null, 0,
          REFRESH_TOKEN.name(), 0, false, null));
    }
    return refresh(current).thenApply(this::adopt);
  }

  private CjTokens adopt(CjTokens t) {
    synchronized (this) {
      remember(t);
      staleAccessToken = null;
      refreshNotBefore = null;
    }
    store.save(accountKey, t);
    return t;
  }

  public CompletableFuture<Boolean> logout() {
    return core.call(LOGOUT, Map.of(), null, RequestOptions.none(), 0).thenApply(env -> {
      synchronized (this) {
        cached = null;
        staleAccessToken = null;
        loaded = true;
      }
      store.clear(accountKey);
      return !(env.data() instanceof Boolean b) || b;
    });
  }

  private CjTokens parse(Envelope env, @Nullable String previousOpenId) {
    Node d = env.dataObject();
    String openId = d.str("openId");
    CjTokens t = new CjTokens(
        openId != null ? openId : previousOpenId,
        d.reqStr("accessToken"),
        d.reqInstant("accessTokenExpiryDate"),
        d.reqStr("refreshToken"),
        d.reqInstant("refreshTokenExpiryDate"),
        d.instant("createDate"));
    redactor.add(t.accessToken());
    redactor.add(t.refreshToken());
    if (t.openId() != null) {
      redactor.add(t.openId());
    }
    return t;
  }

  @Override
  public String toString() {
    return "TokenManager{account=" + accountKey + "}";
  }
}
