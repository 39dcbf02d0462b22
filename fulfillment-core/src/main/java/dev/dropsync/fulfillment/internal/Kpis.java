package dev.dropsync.fulfillment.internal;

import dev.dropsync.fulfillment.EarningEntry;
import dev.dropsync.fulfillment.EarningsTotals;
import dev.dropsync.fulfillment.FulfillmentKpis;
import dev.dropsync.fulfillment.Order;
import dev.dropsync.fulfillment.OrderStatus;
import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** KPI arithmetic. */
public final class Kpis {
  private Kpis() {}

  public static Map<Currency, EarningsTotals> totals(List<EarningEntry> entries) {
    Map<Currency, EarningsTotals> out = new HashMap<>();
    for (EarningEntry e : entries) {
      Currency c = e.split().base().currency();
      EarningsTotals t = out.get(c);
      if (t == null) {
        t = new EarningsTotals(Money.zero(c), Money.zero(c), Money.zero(c), 0);
      }
      out.put(c, new EarningsTotals(t.base().plus(e.split().base()), t.client().plus(e.split().client()),
          t.platform().plus(e.split().platform()), t.entries() + 1));
    }
    return out;
  }

  public static FulfillmentKpis compute(TenantId tenant, Instant from, Instant to, List<Order> orders,
      List<EarningEntry> earnings, Duration sla) {
    Map<OrderStatus, Long> perStatus = new EnumMap<>(OrderStatus.class);
    for (OrderStatus s : OrderStatus.values()) {
      perStatus.put(s, 0L);
    }
    List<Duration> toShip = new ArrayList<>();
    List<Duration> toDeliver = new ArrayList<>();
    long success = 0;
    long finished = 0;
    long onTime = 0;
    int late = 0;
    Map<Currency, Money> revenue = new HashMap<>();
    for (Order o : orders) {
      perStatus.merge(o.status(), 1L, Long::sum);
      Instant shipped = o.shippedAt();
      Instant delivered = o.deliveredAt();
      if (shipped != null) {
        Duration d = Duration.between(o.createdAt(), shipped);
        toShip.add(d);
        if (d.compareTo(sla) <= 0) {
          onTime++;
        }
      }
      if (delivered != null) {
        toDeliver.add(Duration.between(o.createdAt(), delivered));
      }
      switch (o.status()) {
        case SHIPPED, DELIVERED -> {
          success++;
          finished++;
        }
        case FAILED, CANCELLED -> finished++;
        default -> {
          if (shipped == null && o.createdAt().plus(sla).isBefore(to)) {
            late++;
          }
        }
      }
      if (o.status() != OrderStatus.CANCELLED) {
        revenue.merge(o.currency(), o.chargedTotal().minus(o.refundedTotal()), Money::plus);
      }
    }
    return new FulfillmentKpis(tenant, from, to, orders.size(), perStatus,
        mean(toShip), percentile(toShip, 50), percentile(toShip, 95),
        mean(toDeliver), percentile(toDeliver, 50), percentile(toDeliver, 95),
        ratio(success, finished), ratio(onTime, toShip.size()), late, revenue, totals(earnings));
  }

  public static OptionalDouble ratio(long num, long den) {
    return den == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) num / den);
  }

  public static Optional<Duration> mean(List<Duration> ds) {
    if (ds.isEmpty()) {
      return Optional.empty();
    }
    Duration sum = Duration.ZERO;
    for (Duration d : ds) {
      sum = sum.plus(d);
    }
    return Optional.of(sum.dividedBy(ds.size()));
  }

  /** Nearest-rank percentile: the smallest value with at least p % of values at or below it. */
  public static Optional<Duration> percentile(List<Duration> ds, int p) {
    if (ds.isEmpty()) {
      return Optional.empty();
    }
    List<Duration> sorted = new ArrayList<>(ds);
    sorted.sort(null);
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return Optional.of(sorted.get(Math.max(0, rank - 1)));
  }
}
