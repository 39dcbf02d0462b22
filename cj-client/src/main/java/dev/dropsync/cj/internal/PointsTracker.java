package dev.dropsync.cj.internal;

import dev.dropsync.cj.model.PointsInfo;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/** Keeps the latest {@code pointsInfo} seen in any response. */
public final class PointsTracker {
  private final AtomicReference<@Nullable PointsInfo> latest = new AtomicReference<>();
  private final Clock clock;

  public PointsTracker(Clock clock) {
    this.clock = clock;
  }

  public void record(@Nullable Object pointsInfo, Node.Ctx ctx) {
    if (pointsInfo == null) {
      return;
    }
    try {
      Node n = Node.of(pointsInfo, "pointsInfo", ctx);
      Long used = n.lng("usedToday");
      Long remaining = n.lng("remaining");
      Long total = n.lng("total");
      if (remaining != null) {
        latest.set(new PointsInfo(used, remaining, total, clock.instant()));
      }
    } catch (RuntimeException e) {
      // pointsInfo is informational; a strange shape must not fail the call
    }
  }

  public @Nullable PointsInfo latest() {
    return latest.get();
  }
}
