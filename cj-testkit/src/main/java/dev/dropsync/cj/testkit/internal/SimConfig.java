package dev.dropsync.cj.testkit.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Validated simulator settings, built by {@code CjSimulator.Builder}. */
public record SimConfig(
    Clock clock,
    int products,
    long seed,
    List<AccountSpec> accounts,
    boolean qpsEnforced,
    long pointsTotal,
    Duration accessTokenLifetime,
    Duration refreshTokenLifetime,
    Duration tokenRequestInterval,
    Duration tokenReuseWindow,
    boolean rejectDuplicateOrderNumbers,
    int throttleHttpStatus,
    Duration shipAfter,
    Duration deliverAfter,
    BigDecimal balance,
    boolean strictWebhookUrls,
    boolean probeWebhookUrls,
    int maxRecordedCalls,
    boolean blockOnBreach) {

  /** One account: API key, openId and QPS level. */
  public record AccountSpec(String apiKey, String openId, int qps) {
    @Override
    public String toString() {
      return "AccountSpec[openId=" + openId + ", qps=" + qps + "]";
    }
  }
}
