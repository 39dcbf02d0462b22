package dev.dropsync.cj.testkit.internal;

import static dev.dropsync.cj.testkit.internal.Json.obj;

import dev.dropsync.cj.testkit.Endpoint;
import dev.dropsync.cj.testkit.Fault;
import dev.dropsync.cj.testkit.RecordedCall;
import dev.dropsync.cj.testkit.SimOrder;
import dev.dropsync.cj.testkit.internal.Catalog.Product;
import dev.dropsync.cj.testkit.internal.Catalog.Variant;
import dev.dropsync.cj.testkit.internal.Catalog.Warehouse;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okio.ByteString;
import org.jspecify.annotations.Nullable;

/** The simulator: state plus a MockWebServer dispatcher. All state is guarded by {@link #lock}. */
public final class SimEngine extends Dispatcher {
  public static final String BASE_PATH = "/api2.0/v1";

  static final DateTimeFormatter ISO_08 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx", Locale.ROOT);
  static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx", Locale.ROOT);
  static final DateTimeFormatter PLAIN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
  static final DateTimeFormatter SD_STAMP = DateTimeFormatter.ofPattern("yyMMddHHmmss", Locale.ROOT);
  private static final Pattern SECRET_IN_BODY =
      Pattern.compile("\"(apiKey|accessToken|refreshToken|password)\"\\s*:\\s*\"[^\"]*\"");
  private static final Pattern API_KEY = Pattern.compile("CJ\\d+@api@[0-9a-fA-F]{32}");

  // ---------------------------------------------------------------- state types

  static final class Account {
    final String apiKey;
    final String openId;
    final int qps;
    final ArrayDeque<Instant> window = new ArrayDeque<>();
    final ArrayDeque<Instant> refreshes = new ArrayDeque<>();
    long total;
    long remaining;
    long used;
    long lastRefillMinute;
    LocalDate day;
    @Nullable Instant lastTokenGet;
    @Nullable Instant blockedUntil;
    @Nullable Token latest;

    Account(SimConfig.AccountSpec spec, long total, Instant now) {
      this.apiKey = spec.apiKey();
      this.openId = spec.openId();
      this.qps = spec.qps();
      this.total = total;
      this.remaining = total;
      this.lastRefillMinute = now.getEpochSecond() / 60;
      this.day = LocalDate.ofInstant(now, ZoneOffset.UTC);
    }
  }

  static final class Token {
    final Account account;
    final String access;
    final String refresh;
    final Instant created;
    Instant accessExpiry;
    Instant refreshExpiry;
    boolean revoked;

    Token(Account account, String access, String refresh, Instant created, Instant accessExpiry,
        Instant refreshExpiry) {
      this.account = account;
      this.access = access;
      this.refresh = refresh;
      this.created = created;
      this.accessExpiry = accessExpiry;
      this.refreshExpiry = refreshExpiry;
    }
  }

  static final class Line {
    Variant variant = new Variant();
    int quantity;
    @Nullable String storeLineItemId;
    String lineItemId = "";
  }

  static final class Order {
    String cjOrderId = "";
    String internalId = "";
    String orderNumber = "";
    String status = "CREATED";
    String subStatus = "";
    String logisticName = "";
    @Nullable String trackNumber;
    BigDecimal productAmount = BigDecimal.ZERO;
    BigDecimal postageAmount = BigDecimal.ZERO;
    Instant createdAt = Instant.EPOCH;
    @Nullable Instant paidAt;
    @Nullable Instant shippedAt;
    @Nullable Instant deliveredAt;
    boolean sandbox;
    String openId = "";
    Map<String, @Nullable Object> shipping = new LinkedHashMap<>();
    List<Line> lines = new ArrayList<>();

    BigDecimal total() {
      return productAmount.add(postageAmount);
    }
  }

  record Reply(int http, @Nullable Integer code, String body, Map<String, String> headers) {}

  static final class Ctx {
    final Endpoint ep;
    final RecordedRequest req;
    final HttpUrl url;
    final Instant now;
    Map<String, @Nullable Object> body = Map.of();
    @Nullable Account account;
    @Nullable Token token;

    Ctx(Endpoint ep, RecordedRequest req, Instant now) {
      this.ep = ep;
      this.req = req;
      this.url = req.getUrl();
      this.now = now;
    }

    @Nullable String q(String name) {
      return url.queryParameter(name);
    }
  }

  record RateFault(double probability, List<Fault> faults) {}

  /** Thrown inside handlers to answer with a CJ error envelope. */
  static final class CjError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int http;
    final int code;

    CjError(int http, int code, String message) {
      super(message, null, false, false);
      this.http = http;
      this.code = code;
    }

    CjError(int code, String message) {
      this(200, code, message);
    }
  }

  // ---------------------------------------------------------------- fields

  private final Object lock = new Object();
  private final SimConfig cfg;
  private final Catalog catalog;
  private final List<Account> accounts = new ArrayList<>();
  private final Map<String, Account> accountsByKey = new HashMap<>();
  private final Map<String, Token> byAccess = new HashMap<>();
  private final Map<String, Token> byRefresh = new HashMap<>();
  private final List<Order> orders = new ArrayList<>();
  private final ArrayDeque<RecordedCall> calls = new ArrayDeque<>();
  private final Map<Endpoint, ArrayDeque<Fault>> nextFaults = new EnumMap<>(Endpoint.class);
  private final ArrayDeque<Fault> anyFaults = new ArrayDeque<>();
  private final Map<Endpoint, RateFault> rateFaults = new EnumMap<>(Endpoint.class);
  private final Map<String, String> webhookUrls = new LinkedHashMap<>();
  private final Set<String> subscribed = new LinkedHashSet<>();
  private final SplittableRandom ids;
  private final SplittableRandom faultRandom;
  private BigDecimal balance;
  private long orderSeq;
  private @Nullable Webhooks webhooks;

  public SimEngine(SimConfig cfg) {
    this.cfg = cfg;
    Instant now = cfg.clock().instant();
    this.catalog = new Catalog(cfg.seed(), cfg.products(), now);
    this.ids = new SplittableRandom(cfg.seed() * 31 + 17);
    this.faultRandom = new SplittableRandom(cfg.seed() * 131 + 7);
    this.balance = cfg.balance().setScale(2, RoundingMode.HALF_UP);
    for (SimConfig.AccountSpec spec : cfg.accounts()) {
      Account a = new Account(spec, cfg.pointsTotal(), now);
      accounts.add(a);
      accountsByKey.put(a.apiKey, a);
    }
  }

  public SimConfig config() {
    return cfg;
  }

  public Object lock() {
    return lock;
  }

  public Catalog catalogLocked() {
    return catalog;
  }

  // ---------------------------------------------------------------- dispatch

  @Override
  public MockResponse dispatch(RecordedRequest req) {
    synchronized (lock) {
      return dispatchLocked(req);
    }
  }

  private MockResponse dispatchLocked(RecordedRequest req) {
    Instant now = cfg.clock().instant();
    HttpUrl url = req.getUrl();
    String fullPath = url.encodedPath();
    String path = fullPath.startsWith(BASE_PATH) ? fullPath.substring(BASE_PATH.length()) : fullPath;
    Endpoint ep = Endpoint.forPath(path);
    String method = req.getMethod();
    ByteString rawBody = req.getBody();
    String bodyText = rawBody == null ? "" : rawBody.utf8();

    Fault fault = ep == null ? null : takeFault(ep);
    Ctx ctx = ep == null ? null : new Ctx(ep, req, now);
    Reply reply;
    if (ep == null || ctx == null) {
      reply = new Reply(404, 1600101, envelopeText(null, null, 1600101, "Interface not found: " + path, null),
          Map.of());
    } else if (!ep.method().equals(method)) {
      reply = error(ctx, 200, 16900202, "Request method '" + method + "' not supported");
    } else if (fault != null && replaces(fault)) {
      reply = faultReply(ctx, fault);
    } else {
      reply = process(ctx, bodyText);
    }

    MockResponse.Builder b = new MockResponse.Builder();
    int recordedStatus = reply.http();
    @Nullable Integer recordedCode = reply.code();
    if (fault != null && (fault.kind() == Fault.Kind.DISCONNECT || fault.kind() == Fault.Kind.LOST_RESPONSE)) {
      b.onResponseStart(new SocketEffect.CloseSocket());
      recordedStatus = 0;
      recordedCode = null;
    } else if (fault != null && fault.kind() == Fault.Kind.TRUNCATED_JSON) {
      byte[] full = reply.body().getBytes(StandardCharsets.UTF_8);
      String half = new String(full, 0, full.length / 2, StandardCharsets.UTF_8);
      b.code(200).addHeader("Content-Type", "application/json;charset=UTF-8").body(half)
          .setHeader("Content-Length", full.length).onResponseEnd(new SocketEffect.CloseSocket());
      recordedCode = null;
    } else {
      b.code(reply.http());
      b.addHeader("Content-Type", reply.body().startsWith("<") ? "text/html" : "application/json;charset=UTF-8");
      for (Map.Entry<String, String> h : reply.headers().entrySet()) {
        b.addHeader(h.getKey(), h.getValue());
      }
      b.body(reply.body());
      if (fault != null && fault.kind() == Fault.Kind.DELAY) {
        b.headersDelay(fault.delay().toMillis(), TimeUnit.MILLISECONDS);
      }
    }
    String openId = ctx == null ? null : ctx.account == null ? null : ctx.account.openId;
    calls.addLast(new RecordedCall(now, method, path, ep, query(url), headers(req.getHeaders()), redact(bodyText),
        recordedStatus, recordedCode, fault, openId));
    while (calls.size() > cfg.maxRecordedCalls()) {
      calls.pollFirst();
    }
    return b.build();
  }

  private static boolean replaces(Fault f) {
    return f.kind() != Fault.Kind.DELAY && f.kind() != Fault.Kind.LOST_RESPONSE;
  }

  private Reply faultReply(Ctx ctx, Fault f) {
    return switch (f.kind()) {
      case BUSY, READ_TIMEOUT_CODE, CJ_ERROR, BAD_REQUEST -> error(ctx, f.httpStatus(), f.cjCode(), f.message());
      case TOO_MANY_REQUESTS -> new Reply(429, 1600200,
          envelopeText(ctx, null, 1600200, "Too Many Requests", null), Map.of("Retry-After", "1"));
      case SERVER_ERROR -> new Reply(f.httpStatus(), null, "<html><head><title>" + f.httpStatus()
          + " Bad Gateway</title></head><body><center><h1>" + f.httpStatus()
          + "</h1></center><hr><center>nginx</center></body></html>", Map.of());
      case MALFORMED_JSON -> new Reply(200, null,
          "{\"code\":200,\"result\":true,\"message\":\"Success\",\"data\":{\"list\":[{\"pid\":,}]", Map.of());
      case TOKEN_EXPIRED -> {
        Token t = tokenFromHeader(ctx);
        if (t != null) {
          t.accessExpiry = ctx.now;
          ctx.account = t.account;
        }
        yield error(ctx, 200, 1600001, f.message());
      }
      case DISCONNECT -> new Reply(0, null, "", Map.of());
      case TRUNCATED_JSON -> new Reply(200, 200, envelopeText(ctx, null, 200, "Success",
          obj("pageNum", 1, "pageSize", 20, "total", 1, "list", List.of(obj("pid",
              "04A22450-67F0-4617-A132-E7AE7F8963B0", "productNameEn", "Truncated answer")))), Map.of());
      case DELAY, LOST_RESPONSE -> throw new IllegalStateException("not a replacing fault: " + f);
    };
  }

  private @Nullable Fault takeFault(Endpoint ep) {
    ArrayDeque<Fault> q = nextFaults.get(ep);
    if (q != null && !q.isEmpty()) {
      return q.poll();
    }
    if (!anyFaults.isEmpty()) {
      return anyFaults.poll();
    }
    RateFault rf = rateFaults.get(ep);
    if (rf != null && faultRandom.nextDouble() < rf.probability()) {
      List<Fault> fs = rf.faults();
      return fs.size() == 1 ? fs.get(0) : fs.get(faultRandom.nextInt(fs.size()));
    }
    return null;
  }

  private Reply process(Ctx ctx, String bodyText) {
    try {
      if (!bodyText.isBlank()) {
        Object parsed;
        try {
          parsed = Json.parse(bodyText);
        } catch (IOException | RuntimeException e) {
          throw new CjError(16900204, "Request body is not valid JSON");
        }
        if (!(parsed instanceof Map<?, ?> m)) {
          throw new CjError(16900204, "Request body must be a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, @Nullable Object> cast = (Map<String, @Nullable Object>) m;
        ctx.body = cast;
      }
      if (ctx.ep.requiresToken()) {
        authenticate(ctx);
        Account a = ctx.account;
        if (a != null) {
          if (cfg.qpsEnforced() && !admit(a, ctx.now, cfg.blockOnBreach())) {
            return throttle(ctx, "Too Many Requests, QPS limit is " + a.qps + " time/1second");
          }
          charge(a, ctx.ep.points(), ctx.now);
        }
      }
      Object data = handle(ctx);
      return ok(ctx, data);
    } catch (CjError e) {
      return error(ctx, e.http, e.code, String.valueOf(e.getMessage()));
    }
  }

  private Reply throttle(Ctx ctx, String message) {
    int status = cfg.throttleHttpStatus();
    return new Reply(status, 1600200, envelopeText(ctx, ctx.account, 1600200, message, null),
        status == 429 ? Map.of("Retry-After", "1") : Map.of());
  }

  private @Nullable Token tokenFromHeader(Ctx ctx) {
    String header = ctx.req.getHeaders().get("CJ-Access-Token");
    return header == null ? null : byAccess.get(header.trim());
  }

  private void authenticate(Ctx ctx) {
    String header = ctx.req.getHeaders().get("CJ-Access-Token");
    if (header == null || header.isBlank()) {
      throw new CjError(1600002, "CJ-Access-Token is required in the request header");
    }
    Token t = byAccess.get(header.trim());
    if (t == null || t.revoked || !ctx.now.isBefore(t.accessExpiry)) {
      if (t != null) {
        ctx.account = t.account;
      }
      throw new CjError(1600001, "Invalid API key or access token");
    }
    ctx.token = t;
    ctx.account = t.account;
  }

  private static boolean admit(Account a, Instant now, boolean blockOnBreach) {
    Instant blocked = a.blockedUntil;
    if (blocked != null && now.isBefore(blocked)) {
      return false;
    }
    Instant windowStart = now.minusSeconds(1);
    while (!a.window.isEmpty() && a.window.peekFirst().isBefore(windowStart)) {
      a.window.pollFirst();
    }
    if (a.window.size() >= a.qps) {
      if (blockOnBreach) {
        a.blockedUntil = now.plusSeconds(1);
      }
      return false;
    }
    a.window.addLast(now);
    return true;
  }

  private void refill(Account a, Instant now) {
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    long minute = now.getEpochSecond() / 60;
    if (!today.equals(a.day)) {
      a.day = today;
      a.remaining = a.total;
      a.used = 0;
      a.lastRefillMinute = minute;
      return;
    }
    if (minute > a.lastRefillMinute) {
      long add = (minute - a.lastRefillMinute) * (a.total / 1440);
      a.remaining = Math.min(a.total, a.remaining + add);
      a.lastRefillMinute = minute;
    }
  }

  private void charge(Account a, int cost, Instant now) {
    refill(a, now);
    if (cost == 0) {
      return;
    }
    if (a.remaining < cost) {
      throw new CjError(16900500, "Insufficient API points. Used today: " + a.used + ", Remaining: " + a.remaining
          + ", Required: " + cost + ". Points refill every minute and reset at 00:00 UTC.");
    }
    a.remaining -= cost;
    a.used += cost;
  }

  // ---------------------------------------------------------------- envelopes

  private Reply ok(Ctx ctx, @Nullable Object data) {
    return new Reply(200, 200, envelopeText(ctx, ctx.account, 200, "Success", data), Map.of());
  }

  private Reply error(Ctx ctx, int http, int code, String message) {
    return new Reply(http, code, envelopeText(ctx, ctx.account, code, message, null), Map.of());
  }

  private String envelopeText(@Nullable Ctx ctx, @Nullable Account a, int code, String message,
      @Nullable Object data) {
    boolean success = code == 200;
    Map<String, @Nullable Object> env = new LinkedHashMap<>();
    env.put("code", code);
    env.put("result", success);
    Endpoint ep = ctx == null ? null : ctx.ep;
    boolean auth = ep == Endpoint.GET_ACCESS_TOKEN || ep == Endpoint.REFRESH_ACCESS_TOKEN || ep == Endpoint.LOGOUT;
    if (!auth) {
      env.put("success", success);
    }
    env.put("message", message);
    env.put("data", data);
    env.put("requestId", requestId(ep));
    if (a != null) {
      env.put("pointsInfo", obj("usedToday", a.used, "remaining", a.remaining, "total", a.total));
    }
    return Json.write(env);
  }

  private String requestId(@Nullable Endpoint ep) {
    if (ep != null && ep.path().startsWith("/shopping")) {
      return hex(32);
    }
    String h = hex(32);
    return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20)
        + "-" + h.substring(20);
  }

  private String hex(int n) {
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append(Character.forDigit(ids.nextInt(16), 16));
    }
    return sb.toString();
  }

  // ---------------------------------------------------------------- handlers

  private @Nullable Object handle(Ctx c) {
    return switch (c.ep) {
      case GET_ACCESS_TOKEN -> getAccessToken(c);
      case REFRESH_ACCESS_TOKEN -> refreshAccessToken(c);
      case LOGOUT -> logout(c);
      case PRODUCT_LIST -> productList(c);
      case PRODUCT_LIST_V2 -> productListV2(c);
      case PRODUCT_QUERY -> productQuery(c);
      case VARIANT_QUERY -> variantQuery(c);
      case VARIANT_QUERY_BY_VID -> variantJson(onlineVariant(required(c.q("vid"), "vid")),
          "enable_inventory".equals(c.q("features")), true);
      case STOCK_BY_VID -> stockByVid(c);
      case STOCK_BY_SKU -> stockBySku(c);
      case STOCK_BY_PID -> stockByPid(c);
      case FREIGHT_CALCULATE -> freight(c);
      case TRACK_INFO -> trackInfo(c);
      case CREATE_ORDER_V2 -> createOrder(c, true);
      case CREATE_ORDER_V3 -> createOrder(c, false);
      case ORDER_LIST -> orderList(c);
      case ORDER_DETAIL -> orderDetail(c);
      case DELETE_ORDER -> deleteOrder(c);
      case CONFIRM_ORDER -> confirmOrder(c);
      case GET_BALANCE -> obj("amount", balance, "noWithdrawalAmount", BigDecimal.ZERO.setScale(2),
          "freezeAmount", BigDecimal.ZERO.setScale(2));
      case PAY_BALANCE -> payBalance(c);
      case WEBHOOK_SET -> webhookSet(c);
      case WEBHOOK_PRODUCT_SUBSCRIBE -> subscribe(c);
      case SETTING_GET -> setting(c);
    };
  }

  private static String required(@Nullable String v, String name) {
    if (v == null || v.isBlank()) {
      throw new CjError(1600300, "Param error: " + name + " is required");
    }
    return v.trim();
  }

  private static @Nullable String str(Map<String, @Nullable Object> m, String key) {
    Object v = m.get(key);
    if (v == null) {
      return null;
    }
    if (v instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
      return Long.toString(d.longValue());
    }
    return v.toString();
  }

  private static int intParam(@Nullable String v, String name, int dflt) {
    if (v == null || v.isBlank()) {
      return dflt;
    }
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new CjError(1600300, "Param error: " + name + " must be a number but was '" + v + "'");
    }
  }

  // ---- auth

  private Object getAccessToken(Ctx c) {
    String apiKey = str(c.body, "apiKey");
    if (apiKey == null || apiKey.isBlank()) {
      if (c.body.containsKey("email")) {
        throw new CjError(1600001, "Login with email and password is no longer supported, use apiKey");
      }
      throw new CjError(1600300, "Param error: apiKey is required");
    }
    Account a = accountsByKey.get(apiKey);
    if (a == null) {
      throw new CjError(API_KEY.matcher(apiKey).matches() ? 1600005 : 1600001, "Invalid API key");
    }
    c.account = a;
    refill(a, c.now);
    Token latest = a.latest;
    if (latest != null && !latest.revoked && cfg.tokenReuseWindow().compareTo(Duration.ZERO) > 0
        && c.now.isBefore(latest.created.plus(cfg.tokenReuseWindow()))) {
      return tokenJson(latest, true);
    }
    Instant last = a.lastTokenGet;
    if (last != null && c.now.isBefore(last.plus(cfg.tokenRequestInterval()))) {
      throw new CjError(cfg.throttleHttpStatus(), 1600200,
          "Too Many Requests, QPS limit is 1 time/" + cfg.tokenRequestInterval().toSeconds() + " seconds");
    }
    a.lastTokenGet = c.now;
    return tokenJson(issue(a, c.now), true);
  }

  private Token issue(Account a, Instant now) {
    Token t = new Token(a, hex(32), hex(32), now, now.plus(cfg.accessTokenLifetime()),
        now.plus(cfg.refreshTokenLifetime()));
    byAccess.put(t.access, t);
    byRefresh.put(t.refresh, t);
    a.latest = t;
    return t;
  }

  private Map<String, @Nullable Object> tokenJson(Token t, boolean withOpenId) {
    Map<String, @Nullable Object> m = new LinkedHashMap<>();
    if (withOpenId) {
      m.put("openId", Long.parseLong(t.account.openId));
    }
    m.put("accessToken", t.access);
    m.put("accessTokenExpiryDate", t.accessExpiry.atOffset(ZoneOffset.ofHours(8)).format(ISO_08));
    m.put("refreshToken", t.refresh);
    m.put("refreshTokenExpiryDate", t.refreshExpiry.atOffset(ZoneOffset.ofHours(8)).format(ISO_08));
    m.put("createDate", t.created.atOffset(ZoneOffset.ofHours(8)).format(ISO_08));
    return m;
  }

  private Object refreshAccessToken(Ctx c) {
    String rt = str(c.body, "refreshToken");
    if (rt == null || rt.isBlank()) {
      throw new CjError(1600300, "Param error: refreshToken is required");
    }
    Token t = byRefresh.get(rt);
    if (t == null || t.revoked || !c.now.isBefore(t.refreshExpiry)) {
      if (t != null) {
        c.account = t.account;
      }
      throw new CjError(1600003, "Invalid refresh token");
    }
    Account a = t.account;
    c.account = a;
    refill(a, c.now);
    Instant minuteAgo = c.now.minusSeconds(60);
    while (!a.refreshes.isEmpty() && !a.refreshes.peekFirst().isAfter(minuteAgo)) {
      a.refreshes.pollFirst();
    }
    if (a.refreshes.size() >= 5) {
      throw new CjError(cfg.throttleHttpStatus(), 1600200, "Too Many Requests, QPS limit is 5 time/60 seconds");
    }
    a.refreshes.addLast(c.now);
    if (cfg.tokenReuseWindow().compareTo(Duration.ZERO) > 0 && c.now.isBefore(t.created.plus(cfg.tokenReuseWindow()))
        && c.now.isBefore(t.accessExpiry)) {
      return tokenJson(t, false);
    }
    return tokenJson(issue(a, c.now), false);
  }

  private Object logout(Ctx c) {
    Token t = c.token;
    if (t != null) {
      t.revoked = true;
      if (t.account.latest == t) {
        t.account.latest = null;
      }
    }
    return true;
  }

  // ---- products

  private static String priceText(Product p, String sep) {
    BigDecimal min = null;
    BigDecimal max = null;
    for (Variant v : p.variants) {
      min = min == null || v.price.compareTo(min) < 0 ? v.price : min;
      max = max == null || v.price.compareTo(max) > 0 ? v.price : max;
    }
    if (min == null || max == null) {
      return "0.00";
    }
    return min.compareTo(max) == 0 ? min.toPlainString() : min.toPlainString() + sep + max.toPlainString();
  }

  private static Object priceValue(Product p) {
    String t = priceText(p, "-");
    return t.contains("-") ? t : new BigDecimal(t);
  }

  private static int stockOf(Product p) {
    int t = 0;
    for (Variant v : p.variants) {
      t += v.total();
    }
    return t;
  }

  private Object productList(Ctx c) {
    int pageNum = intParam(c.q("pageNum"), "pageNum", 1);
    int pageSize = intParam(c.q("pageSize"), "pageSize", 20);
    if (pageNum < 1 || pageSize < 1) {
      throw new CjError(1600300, "Param error: pageNum and pageSize must be >= 1");
    }
    if (pageSize > 200) {
      throw new CjError(1600300, "Param error: pageSize must be <= 200 but was " + pageSize);
    }
    long offset = (long) (pageNum - 1) * pageSize;
    if (offset >= 10_000) {
      throw new CjError(1600300, "Param error: max offset 10000 exceeded");
    }
    String pid = c.q("pid");
    String sku = c.q("productSku");
    String name = c.q("productNameEn");
    String cat = c.q("categoryId");
    List<Product> match = new ArrayList<>();
    for (Product p : catalog.products()) {
      if (p.offline || (pid != null && !pid.equals(p.pid)) || (sku != null && !sku.equals(p.sku))
          || (cat != null && !cat.equals(p.categoryId))
          || (name != null && !p.nameEn.toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT)))) {
        continue;
      }
      match.add(p);
    }
    List<Object> list = new ArrayList<>();
    for (int i = (int) offset; i < match.size() && i < offset + pageSize; i++) {
      Product p = match.get(i);
      list.add(obj("pid", p.pid, "productName", "[\"" + p.nameCn + "\"]", "productNameEn", p.nameEn,
          "productSku", p.sku, "productImage", p.image, "productWeight", p.weight, "productType", "ORDINARY_PRODUCT",
          "productUnit", "unit(s)", "sellPrice", priceValue(p), "categoryId", p.categoryId,
          "categoryName", p.categoryName, "isFreeShipping", p.freeShipping, "saleStatus", 3,
          "listedNum", p.listedNum, "addMarkStatus", p.freeShipping ? 1 : 0,
          "createTime", p.created.toEpochMilli()));
    }
    return obj("pageNum", pageNum, "pageSize", pageSize, "total", match.size(), "list", list);
  }

  private Object productListV2(Ctx c) {
    int page = intParam(c.q("page"), "page", 1);
    int size = intParam(c.q("size"), "size", 10);
    if (page < 1 || size < 1) {
      throw new CjError(1600300, "Param error: page and size must be >= 1");
    }
    if (page > 1000) {
      throw new CjError(1600300, "Param error: page must be <= 1000 but was " + page);
    }
    size = Math.min(size, 100);
    String kw = c.q("keyWord");
    String cat = c.q("categoryId");
    List<Product> match = new ArrayList<>();
    for (Product p : catalog.products()) {
      if (p.offline || (cat != null && !cat.equals(p.categoryId))
          || (kw != null && !p.nameEn.toLowerCase(Locale.ROOT).contains(kw.toLowerCase(Locale.ROOT)))) {
        continue;
      }
      match.add(p);
    }
    int totalRecords = Math.min(match.size(), 6000);
    int totalPages = (totalRecords + size - 1) / size;
    List<Object> list = new ArrayList<>();
    long offset = (long) (page - 1) * size;
    for (long i = offset; i < totalRecords && i < offset + size; i++) {
      Product p = match.get((int) i);
      list.add(obj("id", p.pid, "nameEn", p.nameEn, "sku", p.sku, "bigImage", p.image,
          "sellPrice", priceText(p, " -- "), "nowPrice", priceText(p, " -- "), "listedNum", p.listedNum,
          "categoryId", p.categoryId, "threeCategoryName", p.categoryName, "productType", "0",
          "isVideo", 0, "warehouseInventoryNum", stockOf(p), "addMarkStatus", p.freeShipping ? 1 : 0,
          "createAt", p.created.toEpochMilli()));
    }
    Map<String, @Nullable Object> content = obj("productList", list, "relatedCategoryList", List.of(),
        "keyWord", kw, "keyWordOld", kw);
    return obj("pageNumber", page, "pageSize", size, "totalRecords", totalRecords, "totalPages", totalPages,
        "content", List.of(content));
  }

  private Product findProduct(Ctx c) {
    String pid = c.q("pid");
    String psku = c.q("productSku");
    String vsku = c.q("variantSku");
    Product p;
    if (pid != null && !pid.isBlank()) {
      p = catalog.product(pid.trim());
    } else if (psku != null && !psku.isBlank()) {
      p = catalog.productBySku(psku.trim());
    } else if (vsku != null && !vsku.isBlank()) {
      Variant v = catalog.variantBySku(vsku.trim());
      p = v == null ? null : v.product;
    } else {
      throw new CjError(1600300, "Param error: one of pid, productSku or variantSku is required");
    }
    if (p == null) {
      throw new CjError(1602000, "Product not found");
    }
    if (p.offline) {
      throw new CjError(1602001, "Product has been removed from shelves");
    }
    return p;
  }

  private Variant onlineVariant(String vid) {
    Variant v = catalog.variant(vid);
    if (v == null) {
      throw new CjError(1602000, "Variant not found: " + vid);
    }
    if (v.product.offline) {
      throw new CjError(1602001, "Product has been removed from shelves");
    }
    return v;
  }

  private Object productQuery(Ctx c) {
    Product p = findProduct(c);
    boolean inv = "enable_inventory".equals(c.q("features"));
    List<Object> variants = new ArrayList<>();
    for (Variant v : p.variants) {
      variants.add(variantJson(v, inv, false));
    }
    String price = priceText(p, "-");
    BigDecimal min = new BigDecimal(price.contains("-") ? price.substring(0, price.indexOf('-')) : price);
    String suggest = min.multiply(BigDecimal.valueOf(13, 1)).setScale(2, RoundingMode.HALF_UP) + "-"
        + min.multiply(BigDecimal.valueOf(16, 1)).setScale(2, RoundingMode.HALF_UP);
    return obj("pid", p.pid, "productName", "[\"" + p.nameCn + "\"]", "productNameEn", p.nameEn,
        "productSku", p.sku, "productImage", p.image, "productImageSet", List.of(p.image),
        "productWeight", p.weight + ".0", "packingWeight", (p.weight + 50) + ".0", "productUnit", "unit(s)",
        "productType", "ORDINARY_PRODUCT", "categoryId", p.categoryId, "categoryName", p.categoryName,
        "entryCode", "6109100022", "entryNameEn", "COTTON KNITTED T-SHIRT", "materialNameEn", "[\"Cotton\"]",
        "productKeyEn", "Color-Size", "productKey", "[\"颜色\",\"尺码\"]",
        "sellPrice", price.contains("-") ? price : min, "suggestSellPrice", suggest, "listedNum", p.listedNum,
        "status", "3", "isFreeShipping", p.freeShipping,
        "createrTime", p.created.atOffset(ZoneOffset.ofHours(8)).format(ISO_08),
        "description", "<p>" + p.nameEn + "</p>", "variants", variants);
  }

  private Map<String, @Nullable Object> variantJson(Variant v, boolean inventory, boolean withPid) {
    Map<String, @Nullable Object> m = new LinkedHashMap<>();
    m.put("vid", v.vid);
    m.put("pid", v.product.pid);
    m.put("variantName", null);
    m.put("variantNameEn", v.nameEn);
    m.put("variantSku", v.sku);
    m.put("variantImage", v.product.image);
    m.put("variantKey", v.key);
    m.put("variantUnit", "unit(s)");
    m.put("variantLength", v.length);
    m.put("variantWidth", v.width);
    m.put("variantHeight", v.height);
    m.put("variantVolume", v.length * v.width * v.height);
    m.put("variantWeight", BigDecimal.valueOf(v.weight).setScale(1));
    m.put("variantStandard", "long=" + v.length + ",width=" + v.width + ",height=" + v.height);
    m.put("variantSellPrice", v.price);
    m.put("variantSugSellPrice", v.price.multiply(BigDecimal.valueOf(15, 1)).setScale(2, RoundingMode.HALF_UP));
    m.put("createTime", v.created.atOffset(ZoneOffset.UTC).format(ISO_MILLIS));
    if (!withPid) {
      m.remove("pid");
    }
    if (inventory) {
      List<Object> invs = new ArrayList<>();
      for (Map.Entry<Warehouse, int[]> e : v.stock.entrySet()) {
        int[] s = e.getValue();
        invs.add(obj("countryCode", e.getKey().countryCode(), "totalInventory", s[0] + s[1], "cjInventory", s[0],
            "factoryInventory", s[1], "verifiedWarehouse", 1, "stock",
            List.of(obj("stockId", v.stockId, "inventory", s[0], "factoryInventory", s[1]))));
      }
      m.put("inventories", invs);
    }
    return m;
  }

  private Object variantQuery(Ctx c) {
    String vsku = c.q("variantSku");
    boolean inv = "enable_inventory".equals(c.q("features"));
    if (vsku != null && !vsku.isBlank() && c.q("pid") == null && c.q("productSku") == null) {
      Variant v = catalog.variantBySku(vsku.trim());
      if (v == null) {
        throw new CjError(1602000, "Variant not found");
      }
      return List.of(variantJson(onlineVariant(v.vid), inv, true));
    }
    Product p = findProduct(c);
    List<Object> out = new ArrayList<>();
    for (Variant v : p.variants) {
      out.add(variantJson(v, inv, true));
    }
    return out;
  }

  private Object stockByVid(Ctx c) {
    Variant v = onlineVariant(required(c.q("vid"), "vid"));
    List<Object> out = new ArrayList<>();
    for (Map.Entry<Warehouse, int[]> e : v.stock.entrySet()) {
      int[] s = e.getValue();
      Warehouse w = e.getKey();
      out.add(obj("vid", v.vid, "areaId", Integer.toString(w.areaId()), "areaEn", w.areaEn(),
          "countryCode", w.countryCode(), "totalInventoryNum", s[0] + s[1], "cjInventoryNum", s[0],
          "factoryInventoryNum", s[1], "storageNum", s[0] + s[1]));
    }
    return out;
  }

  private static Map<Warehouse, int[]> aggregate(List<Variant> variants) {
    Map<Warehouse, int[]> agg = new LinkedHashMap<>();
    for (Variant v : variants) {
      for (Map.Entry<Warehouse, int[]> e : v.stock.entrySet()) {
        int[] a = agg.computeIfAbsent(e.getKey(), k -> new int[2]);
        a[0] += e.getValue()[0];
        a[1] += e.getValue()[1];
      }
    }
    return agg;
  }

  private Object stockBySku(Ctx c) {
    String sku = required(c.q("sku"), "sku");
    List<Variant> variants;
    Variant v = catalog.variantBySku(sku);
    if (v != null) {
      variants = List.of(v);
    } else {
      Product p = catalog.productBySku(sku);
      if (p == null) {
        throw new CjError(1602000, "Product not found");
      }
      variants = p.variants;
    }
    if (variants.get(0).product.offline) {
      throw new CjError(1602001, "Product has been removed from shelves");
    }
    List<Object> out = new ArrayList<>();
    for (Map.Entry<Warehouse, int[]> e : aggregate(variants).entrySet()) {
      Warehouse w = e.getKey();
      int[] s = e.getValue();
      out.add(obj("areaId", w.areaId(), "areaEn", w.areaEn(), "countryCode", w.countryCode(),
          "countryNameEn", w.countryNameEn(), "totalInventoryNum", s[0] + s[1], "cjInventoryNum", s[0],
          "factoryInventoryNum", s[1]));
    }
    return out;
  }

  private Object stockByPid(Ctx c) {
    Product p = catalog.product(required(c.q("pid"), "pid"));
    if (p == null) {
      throw new CjError(1602000, "Product not found");
    }
    if (p.offline) {
      throw new CjError(1602001, "Product has been removed from shelves");
    }
    List<Object> inventories = new ArrayList<>();
    for (Map.Entry<Warehouse, int[]> e : aggregate(p.variants).entrySet()) {
      Warehouse w = e.getKey();
      int[] s = e.getValue();
      inventories.add(obj("areaId", w.areaId(), "areaEn", w.areaEn(), "countryCode", w.countryCode(),
          "totalInventoryNum", s[0] + s[1], "cjInventoryNum", s[0], "factoryInventoryNum", s[1]));
    }
    List<Object> variantInventories = new ArrayList<>();
    for (Variant v : p.variants) {
      List<Object> inv = new ArrayList<>();
      for (Map.Entry<Warehouse, int[]> e : v.stock.entrySet()) {
        int[] s = e.getValue();
        inv.add(obj("countryCode", e.getKey().countryCode(), "totalInventory", s[0] + s[1], "cjInventory", s[0],
            "factoryInventory", s[1], "verifiedWarehouse", 1));
      }
      variantInventories.add(obj("vid", v.vid, "inventory", inv));
    }
    return obj("inventories", inventories, "variantInventories", variantInventories);
  }

  // ---- logistics

  /** Shipping methods: name, aging, base USD, USD per kg; USPS+ only to the US. */
  private static final Object[][] METHODS = {
    {"CJPacket Ordinary", "7-12", "2.80", "9.50"},
    {"CJPacket Sensitive", "8-15", "3.40", "10.20"},
    {"USPS+", "2-5", "4.60", "7.00"},
    {"DHL Official", "3-7", "17.50", "24.00"}
  };

  public static List<String> logisticNames() {
    List<String> out = new ArrayList<>();
    for (Object[] m : METHODS) {
      out.add((String) m[0]);
    }
    return out;
  }

  private static boolean methodAvailable(String name, String to) {
    return !"USPS+".equals(name) || "US".equalsIgnoreCase(to);
  }

  static BigDecimal quote(String name, String from, String to, int grams) {
    for (Object[] m : METHODS) {
      if (m[0].equals(name)) {
        int routeFactor = 100 + Math.floorMod((from.toUpperCase(Locale.ROOT) + to.toUpperCase(Locale.ROOT)).hashCode(), 30);
        BigDecimal base = new BigDecimal((String) m[2]).multiply(BigDecimal.valueOf(routeFactor, 2));
        BigDecimal perKg = new BigDecimal((String) m[3]).multiply(BigDecimal.valueOf(grams, 3));
        return base.add(perKg).setScale(2, RoundingMode.HALF_UP);
      }
    }
    throw new CjError(1605000, "Logistic not found: " + name);
  }

  private Object freight(Ctx c) {
    String from = str(c.body, "startCountryCode");
    String to = str(c.body, "endCountryCode");
    if (from == null || from.isBlank()) {
      throw new CjError(1600300, "Param error: startCountryCode is required");
    }
    if (to == null || to.isBlank()) {
      throw new CjError(1600300, "Param error: endCountryCode is required");
    }
    if (to.length() != 2 || from.length() != 2) {
      throw new CjError(1605002, "Country code is invalid: " + (to.length() != 2 ? to : from));
    }
    int grams = 0;
    Object products = c.body.get("products");
    if (!(products instanceof List<?> list) || list.isEmpty()) {
      throw new CjError(1600300, "Param error: products is required");
    }
    for (Object o : list) {
      if (!(o instanceof Map<?, ?> line)) {
        throw new CjError(1600300, "Param error: products must be objects");
      }
      Object vid = line.get("vid");
      Object qty = line.get("quantity");
      if (vid == null) {
        throw new CjError(1600300, "Param error: products[].vid is required");
      }
      int q = qty instanceof Number n ? n.intValue() : qty == null ? 0 : intParam(qty.toString(), "quantity", 0);
      if (q < 1) {
        throw new CjError(1600300, "Param error: products[].quantity must be >= 1");
      }
      grams += onlineVariant(vid.toString()).weight * q;
    }
    List<Object> out = new ArrayList<>();
    int i = 0;
    for (Object[] m : METHODS) {
      String name = (String) m[0];
      if (!methodAvailable(name, to)) {
        continue;
      }
      BigDecimal price = quote(name, from, to, grams);
      out.add(obj("logisticName", name, "logisticAging", m[1],
          "logisticPrice", i++ % 2 == 1 ? price.toPlainString() : price,
          "logisticPriceCn", price.multiply(BigDecimal.valueOf(72, 1)).setScale(2, RoundingMode.HALF_UP),
          "taxesFee", 0, "clearanceOperationFee", 0, "totalPostageFee", price));
    }
    return out;
  }

  private Object trackInfo(Ctx c) {
    List<String> numbers = c.url.queryParameterValues("trackNumber").stream()
        .filter(s -> s != null && !s.isBlank()).map(String::valueOf).toList();
    if (numbers.isEmpty()) {
      throw new CjError(1600300, "Param error: trackNumber is required");
    }
    List<Object> out = new ArrayList<>();
    for (String n : numbers) {
      for (Order o : orders) {
        advance(o, c.now);
        if (n.equals(o.trackNumber) && o.shippedAt != null) {
          Instant shipped = o.shippedAt;
          Instant end = o.deliveredAt != null ? o.deliveredAt : c.now;
          out.add(obj("trackingNumber", n, "logisticName", o.logisticName, "trackingFrom", "CN",
              "trackingTo", o.shipping.get("shippingCountryCode"),
              "deliveryDay", Long.toString(Duration.between(shipped, end).toDays()),
              "deliveryTime", o.deliveredAt == null ? "" : o.deliveredAt.atOffset(ZoneOffset.UTC).format(PLAIN),
              "trackingStatus", o.deliveredAt != null ? "Delivered" : "In transit", "lastMileCarrier", "USPS",
              "lastTrackNumber", "9400" + o.internalId.substring(3)));
          break;
        }
      }
    }
    return out;
  }

  // ---- orders

  private static final String[] SHIPPING_REQUIRED = {
    "shippingCountryCode", "shippingCountry", "shippingProvince", "shippingCity", "shippingAddress",
    "shippingCustomerName"
  };

  private Object createOrder(Ctx c, boolean v2) {
    Map<String, @Nullable Object> b = c.body;
    String platform = str(b, "platform");
    if (platform == null || platform.isBlank()) {
      throw new CjError(5027, "platform is required");
    }
    if ("api".equalsIgnoreCase(platform.trim())) {
      throw new CjError(5027, "platform 'api' is not supported");
    }
    String orderNumber = str(b, "orderNumber");
    if (orderNumber == null || orderNumber.isBlank()) {
      throw new CjError(1600300, "Param error: orderNumber is required");
    }
    if (orderNumber.length() > 50) {
      throw new CjError(1600300, "Param error: orderNumber length must be <= 50");
    }
    for (String f : SHIPPING_REQUIRED) {
      String v = str(b, f);
      if (v == null || v.isBlank()) {
        throw new CjError(1600300, "Param error: " + f + " is required");
      }
    }
    String logisticName = str(b, "logisticName");
    if (logisticName == null || logisticName.isBlank()) {
      throw new CjError(1600300, "Param error: logisticName is required");
    }
    String from = str(b, "fromCountryCode");
    if (from == null || from.isBlank()) {
      throw new CjError(1600300, "Param error: fromCountryCode is required");
    }
    String shopLogisticsType = str(b, "shopLogisticsType");
    String storageId = str(b, "storageId");
    if ("1".equals(shopLogisticsType) && (storageId == null || storageId.isBlank())) {
      throw new CjError(5030, "storageId is required when shopLogisticsType is 1");
    }
    Object products = b.get("products");
    if (!(products instanceof List<?> list) || list.isEmpty()) {
      throw new CjError(1600300, "Param error: products is required");
    }
    List<Line> lines = new ArrayList<>();
    for (Object o : list) {
      if (!(o instanceof Map<?, ?> raw)) {
        throw new CjError(1600300, "Param error: products must be objects");
      }
      Object vid = raw.get("vid");
      Object sku = raw.get("sku");
      Object qty = raw.get("quantity");
      int q = qty instanceof Number n ? n.intValue() : qty == null ? 0 : intParam(qty.toString(), "quantity", 0);
      if (q < 1) {
        throw new CjError(1600300, "Param error: products[].quantity must be >= 1");
      }
      Variant v;
      if (vid != null && !vid.toString().isBlank()) {
        v = catalog.variant(vid.toString());
      } else if (sku != null && !sku.toString().isBlank()) {
        v = catalog.variantBySku(sku.toString());
      } else {
        throw new CjError(1600300, "Param error: products[].vid or products[].sku is required");
      }
      if (v == null) {
        throw new CjError(1602000, "Variant not found: " + (vid != null ? vid : sku));
      }
      if (v.product.offline) {
        throw new CjError(1602002, "Product is off shelf: " + v.product.sku);
      }
      Line l = new Line();
      l.variant = v;
      l.quantity = q;
      Object li = raw.get("storeLineItemId");
      l.storeLineItemId = li == null ? null : li.toString();
      lines.add(l);
    }
    String to = String.valueOf(str(b, "shippingCountryCode"));
    boolean known = false;
    for (String n : logisticNames()) {
      known |= n.equals(logisticName) && methodAvailable(n, to);
    }
    if (!known) {
      throw new CjError(1605000, "Logistic not found: " + logisticName);
    }
    if (cfg.rejectDuplicateOrderNumbers()) {
      for (Order o : orders) {
        if (o.orderNumber.equals(orderNumber)) {
          throw new CjError(1603003, "Order already exists: " + orderNumber);
        }
      }
    }
    Order o = new Order();
    orderSeq++;
    o.orderNumber = orderNumber;
    o.internalId = Long.toString(1_820_000_000_000_000_000L + orderSeq * 7919);
    o.cjOrderId = "SD" + c.now.atOffset(ZoneOffset.UTC).format(SD_STAMP)
        + String.format(Locale.ROOT, "%08d", 3_297_000 + orderSeq);
    o.createdAt = c.now;
    o.logisticName = logisticName;
    o.sandbox = "1".equals(str(b, "isSandbox"));
    o.openId = c.account == null ? "" : c.account.openId;
    for (String f : SHIPPING_REQUIRED) {
      o.shipping.put(f, str(b, f));
    }
    o.shipping.put("shippingZip", str(b, "shippingZip"));
    o.shipping.put("shippingPhone", str(b, "shippingPhone"));
    int grams = 0;
    BigDecimal goods = BigDecimal.ZERO;
    int n = 0;
    for (Line l : lines) {
      n++;
      l.lineItemId = o.internalId.substring(0, 15) + n;
      grams += l.variant.weight * l.quantity;
      goods = goods.add(l.variant.price.multiply(BigDecimal.valueOf(l.quantity)));
    }
    o.lines = lines;
    o.productAmount = goods.setScale(2, RoundingMode.HALF_UP);
    o.postageAmount = quote(logisticName, from, to, grams);
    String payType = v2 ? str(b, "payType") : "3";
    String cjPayUrl = null;
    if ("2".equals(payType)) {
      o.status = "UNPAID";
      if (balance.compareTo(o.total()) >= 0 && deductStock(o)) {
        pay(o, c.now);
      }
    } else if (payType == null || "1".equals(payType)) {
      cjPayUrl = "https://cjdropshipping.com/payment/" + o.cjOrderId;
    }
    orders.add(o);
    List<Object> infos = new ArrayList<>();
    for (Line l : lines) {
      infos.add(obj("storeLineItemId", l.storeLineItemId, "lineItemId", l.lineItemId, "variantId", l.variant.vid,
          "quantity", l.quantity));
    }
    return obj("orderNumber", o.orderNumber, "orderId", o.cjOrderId, "shipmentOrderId", null,
        "orderStatus", o.status, "productAmount", o.productAmount, "postageAmount", o.postageAmount,
        "orderAmount", "CREATED".equals(o.status) ? null : o.total(), "cjPayUrl", cjPayUrl,
        "interceptOrderReasons", List.of(), "productInfoList", infos);
  }

  private boolean deductStock(Order o) {
    for (Line l : o.lines) {
      if (l.variant.total() < l.quantity) {
        return false;
      }
    }
    for (Line l : o.lines) {
      int need = l.quantity;
      for (int[] s : l.variant.stock.values()) {
        int fromCj = Math.min(need, s[0]);
        s[0] -= fromCj;
        need -= fromCj;
        int fromFactory = Math.min(need, s[1]);
        s[1] -= fromFactory;
        need -= fromFactory;
      }
    }
    return true;
  }

  private void pay(Order o, Instant now) {
    balance = balance.subtract(o.total());
    o.status = "UNSHIPPED";
    o.subStatus = "PENDING";
    o.paidAt = now;
  }

  private void advance(Order o, Instant now) {
    Instant paid = o.paidAt;
    if ("UNSHIPPED".equals(o.status) && paid != null) {
      if (!now.isBefore(paid.plus(cfg.shipAfter().dividedBy(2)))) {
        o.subStatus = "PROCESSING";
      }
      Instant ship = paid.plus(cfg.shipAfter());
      if (!now.isBefore(ship)) {
        o.status = "SHIPPED";
        o.subStatus = "";
        o.shippedAt = ship;
        o.trackNumber = "CJPKL" + o.internalId.substring(9) + "YQ";
      }
    }
    Instant shipped = o.shippedAt;
    if ("SHIPPED".equals(o.status) && shipped != null && !now.isBefore(shipped.plus(cfg.deliverAfter()))) {
      o.status = "DELIVERED";
      o.deliveredAt = shipped.plus(cfg.deliverAfter());
    }
  }

  private Map<String, @Nullable Object> orderJson(Order o, boolean detail) {
    Map<String, @Nullable Object> m = new LinkedHashMap<>();
    m.put("orderId", o.internalId);
    m.put("orderNum", o.orderNumber);
    m.put("cjOrderId", o.cjOrderId);
    m.putAll(o.shipping);
    m.put("logisticName", o.logisticName);
    m.put("trackNumber", o.trackNumber);
    m.put("trackingUrl", o.trackNumber == null ? null : "https://www.cjpacket.com/?trackingNumber=" + o.trackNumber);
    int grams = 0;
    for (Line l : o.lines) {
      grams += l.variant.weight * l.quantity;
    }
    m.put("orderWeight", Integer.toString(grams));
    m.put("orderStatus", o.status);
    if (detail) {
      m.put("subStatus", o.subStatus.isEmpty() ? null : o.subStatus);
    }
    m.put("productAmount", o.productAmount);
    m.put("postageAmount", o.postageAmount);
    m.put("orderAmount", "CREATED".equals(o.status) ? null : o.total());
    m.put("createDate", o.createdAt.atOffset(ZoneOffset.UTC).format(PLAIN));
    m.put("paymentDate", o.paidAt == null ? null : o.paidAt.atOffset(ZoneOffset.UTC).format(PLAIN));
    m.put("isSandbox", o.sandbox ? 1 : 0);
    List<Object> pl = new ArrayList<>();
    for (Line l : o.lines) {
      pl.add(obj("vid", l.variant.vid, "variantSku", l.variant.sku, "quantity", l.quantity,
          "sellPrice", l.variant.price, "storeLineItemId", l.storeLineItemId, "lineItemId", l.lineItemId));
    }
    m.put("productList", pl);
    return m;
  }

  private List<Order> visibleOrders(Ctx c) {
    List<Order> out = new ArrayList<>();
    String openId = c.account == null ? "" : c.account.openId;
    for (Order o : orders) {
      if (o.openId.equals(openId)) {
        advance(o, c.now);
        out.add(o);
      }
    }
    return out;
  }

  private Object orderList(Ctx c) {
    int pageNum = intParam(c.q("pageNum"), "pageNum", 1);
    int pageSize = intParam(c.q("pageSize"), "pageSize", 20);
    if (pageNum < 1 || pageSize < 1 || pageSize > 200) {
      throw new CjError(1600300, "Param error: pageNum must be >= 1 and pageSize 1..200");
    }
    List<String> idFilter = c.url.queryParameterValues("orderIds").stream()
        .filter(s -> s != null && !s.isBlank()).map(String::valueOf).toList();
    if (idFilter.size() > 100) {
      throw new CjError(1600300, "Param error: at most 100 orderIds");
    }
    String status = c.q("status");
    if ((status == null || status.isBlank()) && idFilter.isEmpty()) {
      status = "CANCELLED";
    }
    List<Order> match = new ArrayList<>();
    for (Order o : visibleOrders(c)) {
      if (!idFilter.isEmpty() && !idFilter.contains(o.cjOrderId) && !idFilter.contains(o.internalId)) {
        continue;
      }
      if (status != null && !status.isBlank() && !status.equals(o.status)) {
        continue;
      }
      match.add(o);
    }
    Collections.reverse(match);
    List<Object> list = new ArrayList<>();
    long offset = (long) (pageNum - 1) * pageSize;
    for (long i = offset; i < match.size() && i < offset + pageSize; i++) {
      list.add(orderJson(match.get((int) i), false));
    }
    return obj("pageNum", Integer.toString(pageNum), "pageSize", Integer.toString(pageSize), "total", match.size(),
        "list", list);
  }

  private Order findOrder(Ctx c, @Nullable String id) {
    String key = required(id, "orderId");
    for (Order o : visibleOrders(c)) {
      if (o.cjOrderId.equals(key) || o.orderNumber.equals(key)) {
        return o;
      }
    }
    throw new CjError(1603100, "Order not found: " + key);
  }

  private Object orderDetail(Ctx c) {
    return orderJson(findOrder(c, c.q("orderId")), true);
  }

  private Object deleteOrder(Ctx c) {
    Order o = findOrder(c, c.q("orderId"));
    if (!"CREATED".equals(o.status) && !"IN_CART".equals(o.status)) {
      throw new CjError(1603002, "Order delete failed: order status is " + o.status);
    }
    o.status = "CANCELLED";
    return o.cjOrderId;
  }

  private Object confirmOrder(Ctx c) {
    Order o = findOrder(c, str(c.body, "orderId"));
    if (!"CREATED".equals(o.status)) {
      throw new CjError(1603001, "Order confirm failed: order status is " + o.status);
    }
    o.status = "UNPAID";
    return o.cjOrderId;
  }

  private @Nullable Object payBalance(Ctx c) {
    Order o = findOrder(c, str(c.body, "orderId"));
    if (!"UNPAID".equals(o.status)) {
      throw new CjError(1603101, "Payment failed: order status is "
          + ("CREATED".equals(o.status) ? "CREATED(100)" : o.status));
    }
    if (balance.compareTo(o.total()) < 0) {
      throw new CjError(1604000, "Balance is insufficient: balance " + balance + ", required " + o.total());
    }
    if (!deductStock(o)) {
      throw new CjError(1603102, "Inventory deduction failed");
    }
    pay(o, c.now);
    return null;
  }

  // ---- webhooks and settings

  private Object webhookSet(Ctx c) {
    Map<String, String> changes = new LinkedHashMap<>();
    for (String topic : List.of("product", "stock", "order", "logistics")) {
      Object cfgObj = c.body.get(topic);
      if (!(cfgObj instanceof Map<?, ?> m)) {
        continue;
      }
      Object type = m.get("type");
      Object urls = m.get("callbackUrls");
      if ("CANCEL".equals(type)) {
        changes.put(topic, "");
        continue;
      }
      if (!"ENABLE".equals(type)) {
        throw new CjError(1600300, "Param error: " + topic + ".type must be ENABLE or CANCEL");
      }
      if (!(urls instanceof List<?> l) || l.size() != 1 || l.get(0) == null) {
        throw new CjError(1600300, "Param error: " + topic + ".callbackUrls must hold one URL");
      }
      String url = String.valueOf(l.get(0));
      HttpUrl parsed = HttpUrl.parse(url);
      if (parsed == null) {
        throw new CjError(1600300, "Param error: invalid callback URL");
      }
      if (cfg.strictWebhookUrls()) {
        String host = parsed.host();
        if (host.equals("localhost") || host.startsWith("127.") || host.equals("::1")) {
          throw new CjError(1607001, "Callback URL must not be localhost");
        }
        if (!parsed.isHttps()) {
          throw new CjError(1607002, "Callback URL must use https");
        }
      }
      if (cfg.probeWebhookUrls()) {
        int status = webhooks().probe(parsed);
        if (status != 200) {
          throw new CjError(1600300, "Callback URL probe failed with status " + status);
        }
      }
      changes.put(topic, url);
    }
    for (Map.Entry<String, String> e : changes.entrySet()) {
      if (e.getValue().isEmpty()) {
        webhookUrls.remove(e.getKey());
      } else {
        webhookUrls.put(e.getKey(), e.getValue());
      }
    }
    return true;
  }

  private Object subscribe(Ctx c) {
    Object ids = c.body.get("productIds");
    if (!(ids instanceof List<?> list) || list.isEmpty()) {
      throw new CjError(1600300, "Param error: productIds is required");
    }
    if (list.size() > 100) {
      throw new CjError(1600300, "Param error: at most 100 productIds per call");
    }
    List<String> ok = new ArrayList<>();
    List<String> fail = new ArrayList<>();
    for (Object o : list) {
      String id = String.valueOf(o);
      if (catalog.product(id) != null) {
        subscribed.add(id);
        ok.add(id);
      } else {
        fail.add(id);
      }
    }
    return obj("successProductIds", ok, "failProductIds", fail);
  }

  private Object setting(Ctx c) {
    Account a = c.account;
    int qps = a == null ? 1 : a.qps;
    long total = a == null ? cfg.pointsTotal() : a.total;
    Map<String, @Nullable Object> callbacks = new LinkedHashMap<>();
    for (String topic : List.of("product", "stock", "order", "logistics")) {
      String u = webhookUrls.get(topic);
      callbacks.put(topic, obj("type", u == null ? "CANCEL" : "ENABLE", "urls", u == null ? List.of() : List.of(u)));
    }
    return obj("openId", a == null ? null : Long.parseLong(a.openId), "openName", "sim-store",
        "openEmail", "sim@example.com", "setting", obj("quotaLimits", List.of(obj("quotaUrl", "all",
            "quotaLimit", total, "quotaType", 4)), "qpsLimit", qps),
        "callback", callbacks, "root", "NO_PERMISSION", "isSandbox", false);
  }

  // ---------------------------------------------------------------- recording helpers

  private static Map<String, List<String>> query(HttpUrl url) {
    Map<String, List<String>> q = new LinkedHashMap<>();
    for (int i = 0; i < url.querySize(); i++) {
      String v = url.queryParameterValue(i);
      q.computeIfAbsent(url.queryParameterName(i), k -> new ArrayList<>()).add(v == null ? "" : v);
    }
    q.replaceAll((k, v) -> List.copyOf(v));
    return q;
  }

  private static Map<String, List<String>> headers(Headers h) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String name : h.names()) {
      String lower = name.toLowerCase(Locale.ROOT);
      boolean secret = lower.equals("cj-access-token") || lower.equals("platformtoken");
      List<String> values = new ArrayList<>();
      for (String v : h.values(name)) {
        values.add(secret ? "REDACTED" : v);
      }
      out.put(lower, List.copyOf(values));
    }
    return out;
  }

  private static String redact(String body) {
    return SECRET_IN_BODY.matcher(body).replaceAll("\"$1\":\"REDACTED\"");
  }

  // ---------------------------------------------------------------- API for the public facades

  public void addFault(@Nullable Endpoint ep, int times, Fault f) {
    synchronized (lock) {
      for (int i = 0; i < times; i++) {
        if (ep == null) {
          anyFaults.add(f);
        } else {
          nextFaults.computeIfAbsent(ep, k -> new ArrayDeque<>()).add(f);
        }
      }
    }
  }

  public void rateFault(Endpoint ep, double probability, Fault f) {
    rateFaults(ep, probability, List.of(f));
  }

  public void rateFaults(Endpoint ep, double probability, List<Fault> faults) {
    synchronized (lock) {
      if (probability == 0) {
        rateFaults.remove(ep);
      } else {
        rateFaults.put(ep, new RateFault(probability, List.copyOf(faults)));
      }
    }
  }

  public int pendingFaults(@Nullable Endpoint ep) {
    synchronized (lock) {
      if (ep == null) {
        return anyFaults.size();
      }
      ArrayDeque<Fault> q = nextFaults.get(ep);
      return q == null ? 0 : q.size();
    }
  }

  public void clearFaults() {
    synchronized (lock) {
      nextFaults.clear();
      anyFaults.clear();
      rateFaults.clear();
    }
  }

  public int expireTokens(boolean refreshToo) {
    synchronized (lock) {
      Instant now = cfg.clock().instant();
      int n = 0;
      for (Token t : byAccess.values()) {
        if (now.isBefore(t.accessExpiry)) {
          t.accessExpiry = now;
          n++;
        }
        if (refreshToo && now.isBefore(t.refreshExpiry)) {
          t.refreshExpiry = now;
        }
      }
      return n;
    }
  }

  public List<RecordedCall> calls() {
    synchronized (lock) {
      return List.copyOf(calls);
    }
  }

  public void clearCalls() {
    synchronized (lock) {
      calls.clear();
    }
  }

  public List<SimOrder> orders() {
    synchronized (lock) {
      Instant now = cfg.clock().instant();
      List<SimOrder> out = new ArrayList<>();
      for (Order o : orders) {
        advance(o, now);
        out.add(new SimOrder(o.cjOrderId, o.internalId, o.orderNumber, o.status, o.logisticName, o.trackNumber,
            o.productAmount, o.postageAmount, o.createdAt, o.sandbox));
      }
      return out;
    }
  }

  public void cancelOrder(String cjOrderId) {
    synchronized (lock) {
      for (Order o : orders) {
        if (o.cjOrderId.equals(cjOrderId)) {
          o.status = "CANCELLED";
          return;
        }
      }
      throw new java.util.NoSuchElementException("no order with cjOrderId " + cjOrderId);
    }
  }

  public BigDecimal balance() {
    synchronized (lock) {
      return balance;
    }
  }

  public void setBalance(BigDecimal amount) {
    synchronized (lock) {
      balance = amount.setScale(2, RoundingMode.HALF_UP);
    }
  }

  public long pointsRemaining(String openId) {
    synchronized (lock) {
      for (Account a : accounts) {
        if (a.openId.equals(openId)) {
          refill(a, cfg.clock().instant());
          return a.remaining;
        }
      }
      throw new java.util.NoSuchElementException("no account with that openId");
    }
  }

  public void setPointsRemaining(String openId, long remaining) {
    synchronized (lock) {
      for (Account a : accounts) {
        if (a.openId.equals(openId)) {
          refill(a, cfg.clock().instant());
          a.used += Math.max(0, a.remaining - remaining);
          a.remaining = remaining;
          return;
        }
      }
      throw new java.util.NoSuchElementException("no account with that openId");
    }
  }

  public @Nullable String webhookUrl(String topic) {
    synchronized (lock) {
      return webhookUrls.get(topic);
    }
  }

  public Set<String> subscribedProducts() {
    synchronized (lock) {
      return Set.copyOf(subscribed);
    }
  }

  public synchronized Webhooks webhooks() {
    Webhooks w = webhooks;
    if (w == null) {
      w = new Webhooks(this);
      webhooks = w;
    }
    return w;
  }

  /** Raw order fields for webhook payloads. Caller holds the lock. */
  @Nullable Order orderLocked(String cjOrderId) {
    Instant now = cfg.clock().instant();
    for (Order o : orders) {
      if (o.cjOrderId.equals(cjOrderId)) {
        advance(o, now);
        return o;
      }
    }
    return null;
  }

  String nextMessageId() {
    String h = hex(32);
    return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20)
        + "-" + h.substring(20);
  }

  @Override
  public void close() {
    Webhooks w;
    synchronized (this) {
      w = webhooks;
    }
    if (w != null) {
      w.close();
    }
  }
}
