package dev.dropsync.cj.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;

/** A plain OkHttp client for the simulator; advances the sim clock before each call to respect QPS. */
final class Api implements AutoCloseable {
  static final MediaType JSON = MediaType.get("application/json");

  /** One answer. */
  record Resp(int status, String body, okhttp3.Headers headers) {
    Js json() {
      return Js.parse(body);
    }

    long code() {
      return json().get("code").lng();
    }

    Js data() {
      return json().get("data");
    }
  }

  final CjSimulator sim;
  final OkHttpClient http;
  @Nullable String token;
  Duration step = Duration.ofMillis(1100);

  Api(CjSimulator sim) {
    this(sim, 10_000);
  }

  Api(CjSimulator sim, int readTimeoutMillis) {
    this.sim = sim;
    this.http = new OkHttpClient.Builder().retryOnConnectionFailure(false)
        .readTimeout(readTimeoutMillis, TimeUnit.MILLISECONDS).build();
  }

  SimClock clock() {
    return (SimClock) sim.clock();
  }

  String login() {
    Resp r = post("/authentication/getAccessToken", "{\"apiKey\":\"" + sim.apiKey() + "\"}");
    if (r.code() != 200) {
      throw new AssertionError("login failed: " + r.body());
    }
    token = r.data().get("accessToken").str();
    return token;
  }

  Resp get(String path, String... kv) {
    return call("GET", path, null, kv);
  }

  Resp post(String path, String json) {
    return call("POST", path, json);
  }

  Resp call(String method, String path, @Nullable String json, String... kv) {
    try {
      return callOrThrow(method, path, json, kv);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Resp callOrThrow(String method, String path, @Nullable String json, String... kv) throws IOException {
    if (sim.clock() instanceof SimClock c && !step.isZero()) {
      c.advance(step);
    }
    HttpUrl base = HttpUrl.get(sim.baseUrl() + path);
    HttpUrl.Builder ub = base.newBuilder();
    for (int i = 0; i < kv.length; i += 2) {
      ub.addQueryParameter(kv[i], kv[i + 1]);
    }
    Request.Builder rb = new Request.Builder().url(ub.build());
    RequestBody body = json == null ? (method.equals("GET") || method.equals("DELETE") ? null
        : RequestBody.create(new byte[0], JSON)) : RequestBody.create(json, JSON);
    rb.method(method, body);
    if (token != null) {
      rb.header("CJ-Access-Token", token);
    }
    try (Response r = http.newCall(rb.build()).execute()) {
      ResponseBody b = r.body();
      return new Resp(r.code(), b.string(), r.headers());
    }
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
