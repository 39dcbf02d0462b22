package dev.dropsync.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropsync.automation.StockAlert;
import dev.dropsync.automation.StockAlertKind;
import dev.dropsync.automation.WebhookLog;
import dev.dropsync.automation.WebhookOutcome;
import dev.dropsync.automation.spi.InMemoryStockAlertStore;
import dev.dropsync.automation.spi.InMemoryWebhookLogStore;
import dev.dropsync.automation.spi.StockAlertStore;
import dev.dropsync.automation.spi.WebhookLogCursor;
import dev.dropsync.automation.spi.WebhookLogStore;
import dev.dropsync.inventory.ProductId;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.VariantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Randomised differential test: the same seeded sequence of calls on the in-memory reference stores
 * and on {@link JdbcWebhookLogStore} / {@link JdbcStockAlertStore} gives the same answer at every
 * step, including keyset pages over ids with non-ASCII characters and instants with nanoseconds.
 * Rerun a failing seed with {@code -Dstorage.seed=<seed>}.
 */
class AutomationStoresDifferentialTest {
  private static final Instant T0 = Instant.parse("2026-11-25T08:00:00.123456789Z");
  private static final List<TenantId> TENANTS = List.of(TenantId.of("tenant-a"), TenantId.of("tenant-b"));
  private static final List<String> IDS = List.of("m1", "m2", "M3", "a", "z", "ü-1", "é", "Ω9", "m-10", "m_2");

  private static long seed() {
    return Long.getLong("storage.seed", new SplittableRandom().nextLong());
  }

  @RepeatedTest(2)
  void webhookLogStoreAnswersLikeTheReference() {
    long seed = seed();
    String ctx = "seed " + seed + " (rerun with -Dstorage.seed=" + seed + ")";
    SplittableRandom r = new SplittableRandom(seed);
    WebhookLogStore ref = new InMemoryWebhookLogStore();
    WebhookLogStore db = new JdbcWebhookLogStore(TestDatabase.get().fresh());
    for (int step = 0; step < 300; step++) {
      TenantId t = TENANTS.get(r.nextInt(TENANTS.size()));
      String id = IDS.get(r.nextInt(IDS.size()));
      Instant at = T0.plusNanos(r.nextLong(5_000_000_000L));
      String what = ctx + ", step " + step;
      switch (r.nextInt(7)) {
        case 0, 1 -> {
          WebhookLog e = r.nextInt(5) == 0
              ? WebhookLog.rejected(t, WebhookLog.UNVERIFIED_PREFIX + id, at, "forged")
              : WebhookLog.verified(t, id, "STOCK", r.nextBoolean() ? "UPDATE" : null, at,
                  r.nextInt(4) == 0 ? WebhookOutcome.IGNORED : WebhookOutcome.QUEUED, null, "{\"id\":\"" + id + "\"}");
          assertThat(db.insertIfAbsent(e)).as(what).isEqualTo(ref.insertIfAbsent(e));
        }
        case 2 -> assertThat(db.recordDuplicate(t, id, at)).as(what).isEqualTo(ref.recordDuplicate(t, id, at));
        case 3 -> {
          String task = "task-" + r.nextInt(3);
          assertThat(db.attachTask(t, id, task)).as(what).isEqualTo(ref.attachTask(t, id, task));
        }
        case 4 -> {
          WebhookOutcome o = List.of(WebhookOutcome.APPLIED, WebhookOutcome.IGNORED, WebhookOutcome.FAILED)
              .get(r.nextInt(3));
          String detail = r.nextBoolean() ? null : "detail " + step;
          assertThat(db.markProcessed(t, id, o, detail, at)).as(what).isEqualTo(ref.markProcessed(t, id, o, detail, at));
        }
        case 5 -> {
          Instant cutoff = T0.plusNanos(r.nextLong(1_000_000_000L));
          if (r.nextInt(4) == 0) {
            assertThat(db.deleteReceivedBefore(t, cutoff)).as(what).isEqualTo(ref.deleteReceivedBefore(t, cutoff));
          }
        }
        default -> {
          int limit = 1 + r.nextInt(4);
          List<WebhookLog> expected = pages(ref, t, limit);
          assertThat(pages(db, t, limit)).as(what).isEqualTo(expected);
        }
      }
      assertThat(db.find(t, id)).as(what).isEqualTo(ref.find(t, id));
    }
    for (TenantId t : TENANTS) {
      assertThat(pages(db, t, 3)).as(ctx).isEqualTo(pages(ref, t, 3));
    }
  }

  @RepeatedTest(2)
  void stockAlertStoreAnswersLikeTheReference() {
    long seed = seed();
    String ctx = "seed " + seed + " (rerun with -Dstorage.seed=" + seed + ")";
    SplittableRandom r = new SplittableRandom(seed);
    StockAlertStore ref = new InMemoryStockAlertStore();
    StockAlertStore db = new JdbcStockAlertStore(TestDatabase.get().fresh());
    List<VariantId> variants = List.of(VariantId.of("v1"), VariantId.of("v2"), VariantId.of("vé"));
    int next = 0;
    for (int step = 0; step < 300; step++) {
      TenantId t = TENANTS.get(r.nextInt(TENANTS.size()));
      VariantId v = variants.get(r.nextInt(variants.size()));
      StockAlertKind kind = StockAlertKind.values()[r.nextInt(2)];
      Instant at = T0.plusNanos(r.nextLong(5_000_000_000L));
      String what = ctx + ", step " + step;
      switch (r.nextInt(5)) {
        case 0, 1 -> {
          String id = r.nextInt(6) == 0 ? "a" + r.nextInt(Math.max(1, next)) : "a" + next++;
          StockAlert a = new StockAlert(t, id, ProductId.of("p1"), v, "SKU-" + v.value(), kind, r.nextInt(5), 5, at,
              null, null);
          assertThat(db.open(a)).as(what).isEqualTo(ref.open(a));
        }
        case 2 -> assertThat(db.close(t, v, kind, at)).as(what).isEqualTo(ref.close(t, v, kind, at));
        case 3 -> {
          String id = "a" + r.nextInt(Math.max(1, next));
          assertThat(db.markDelivered(t, id, at)).as(what).isEqualTo(ref.markDelivered(t, id, at));
        }
        default -> {
          Instant from = T0.plusNanos(r.nextLong(2_000_000_000L));
          Instant to = from.plusNanos(r.nextLong(4_000_000_000L));
          assertThat(db.history(t, from, to)).as(what).isEqualTo(ref.history(t, from, to));
        }
      }
      assertThat(db.findOpen(t, v, kind)).as(what).isEqualTo(ref.findOpen(t, v, kind));
      assertThat(db.openAlerts(t)).as(what).isEqualTo(ref.openAlerts(t));
    }
  }

  /** Every entry of the tenant, read page by page with the keyset cursor. */
  private static List<WebhookLog> pages(WebhookLogStore s, TenantId t, int limit) {
    List<WebhookLog> out = new ArrayList<>();
    WebhookLogCursor after = null;
    while (true) {
      List<WebhookLog> page = s.list(t, T0, T0.plusSeconds(10), after, limit);
      out.addAll(page);
      if (page.size() < limit) {
        return out;
      }
      after = WebhookLogCursor.after(page.get(page.size() - 1));
    }
  }
}
