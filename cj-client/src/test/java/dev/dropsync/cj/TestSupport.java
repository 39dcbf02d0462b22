package dev.dropsync.cj;

import dev.dropsync.cj.model.CjTokens;
import dev.dropsync.cj.spi.InMemoryTokenStore;
import dev.dropsync.cj.testkit.SimClock;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** Fixtures and a pre-authenticated client factory; virtual time is {@link VirtualSleeper} on a {@link dev.dropsync.cj.testkit.SimClock}. */
final class TestSupport {
  static final String API_KEY = "CJ123456@api@0123456789abcdef0123456789abcdef";
  static final String TOKEN = "tok-live-3f6b9a2c";
  static final String REFRESH = "refresh-9ac1d4e7";
  static final Instant START = Instant.parse("2026-11-25T10:00:00Z");

  private TestSupport() {}

  static String fixture(String path) {
    try (InputStream in = TestSupport.class.getResourceAsStream("/fixtures/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static MockResponse json(String body) {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }

  static MockResponse ok(String data) {
    return json("{\"code\":200,\"result\":true,\"message\":\"Success\",\"data\":" + data
        + ",\"requestId\":\"req-ok\",\"pointsInfo\":{\"usedToday\":\"120\",\"remaining\":49880,\"total\":50000}}");
  }

  static MockResponse error(int code, String message) {
    return json("{\"code\":" + code + ",\"result\":false,\"message\":\"" + message + "\",\"data\":null,\"requestId\":\"req-err-" + code + "\"}");
  }

  static InMemoryTokenStore storeWithLiveToken(Instant now) {
    InMemoryTokenStore s = new InMemoryTokenStore();
    s.save(dev.dropsync.cj.internal.TokenManager.accountKey(API_KEY),
        new CjTokens("37995", TOKEN, now.plus(Duration.ofDays(10)), REFRESH, now.plus(Duration.ofDays(170)), now));
    return s;
  }

  static CjClient.Builder client(MockWebServer server, SimClock clock, VirtualSleeper sleeper) {
    return CjClient.builder()
        .apiKey(API_KEY)
        .baseUrl(server.url("/api2.0/v1").toString())
        .clock(clock)
        .sleeper(sleeper)
        .qps(100)
        .tokenStore(storeWithLiveToken(clock.instant()))
        .readTimeout(Duration.ofSeconds(10));
  }

  static RecordedRequest take(MockWebServer server) {
    try {
      RecordedRequest r = server.takeRequest(10, java.util.concurrent.TimeUnit.SECONDS);
      if (r == null) {
        throw new AssertionError("no request arrived");
      }
      return r;
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }
}
