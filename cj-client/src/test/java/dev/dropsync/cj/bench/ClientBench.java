package dev.dropsync.cj.bench;

import dev.dropsync.cj.internal.Envelope;
import dev.dropsync.cj.internal.Json;
import dev.dropsync.cj.internal.Mappers;
import dev.dropsync.cj.internal.RateLimiter;
import dev.dropsync.cj.internal.TokenManager;
import dev.dropsync.cj.model.Page;
import dev.dropsync.cj.model.Product;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/** Limiter acquire path and decoding a 200-product /product/list page (JSON text to records). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ClientBench {
  /** A clock that ticks 1 s per read so the limiter never accumulates a backlog. */
  static final class TickingClock extends Clock {
    private long seconds;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public synchronized Instant instant() {
      seconds++;
      return Instant.ofEpochSecond(1_790_000_000L + seconds);
    }
  }

  private RateLimiter limiter = new RateLimiter(Clock.systemUTC(), 1, 1.1);
  private RateLimiter contended = new RateLimiter(Clock.systemUTC(), 1, 1.1);
  private String page = "";

  @Setup
  public void setUp() {
    limiter = new RateLimiter(new TickingClock(), 2, 1.1);
    contended = new RateLimiter(new TickingClock(), 2, 1.1);
    StringBuilder b = new StringBuilder("{\"code\":200,\"result\":true,\"success\":true,\"message\":\"Success\",\"requestId\":\"4f1c9d5e\",")
        .append("\"pointsInfo\":{\"usedToday\":120,\"remaining\":49880,\"total\":50000},")
        .append("\"data\":{\"pageNum\":\"1\",\"pageSize\":200,\"total\":13450,\"list\":[");
    for (int i = 0; i < 200; i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append("{\"pid\":\"").append(i % 2 == 0 ? "04A22450-67F0-4617-A132-E7AE7F89" + String.format("%04d", i) : String.valueOf(1371342252697325568L + i))
          .append("\",\"productName\":\"[\\\"猫耳朵卫衣\\\"]\",\"productNameEn\":\"Cat Ear Hoodie ").append(i)
          .append("\",\"productSku\":\"CJWY10").append(i).append("\",\"productImage\":\"https://cc-west-usa.oss-us-west-1.aliyuncs.com/a").append(i)
          .append(".jpg\",\"productWeight\":").append(i % 3 == 0 ? "\"450.0\"" : "450")
          .append(",\"sellPrice\":").append(i % 4 == 0 ? "\"1.20-3.50\"" : "15.16")
          .append(",\"categoryId\":\"2252588B-72E1-4D6B-9A37-21C3D62E0A0B\",\"isFreeShipping\":false,\"saleStatus\":3,\"createTime\":")
          .append(1790000000000L + i).append('}');
    }
    page = b.append("]}}").toString();
  }

  @Benchmark
  public Duration limiterReserve() {
    return limiter.reserve();
  }

  @Benchmark
  @Threads(4)
  public Duration limiterReserveContended4Threads() {
    return contended.reserve();
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Page<Product> parseProductListPage200() throws IOException {
    @SuppressWarnings("unchecked")
    java.util.Map<String, @Nullable Object> m = (java.util.Map<String, @Nullable Object>) Json.parse(page);
    if (m == null) {
      throw new IOException("no body");
    }
    Envelope env = new Envelope(TokenManager.GET_TOKEN, 200, 200, true, true, "Success", "4f1c9d5e", m.get("data"), true, null, true);
    return Mappers.productPage(env);
  }
}
