package dev.dropsync.fulfillment;

import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Fulfilment KPIs of the orders created in {@code [from, to)} (and ledger rows recorded then). A
 * zero denominator gives an empty value, never NaN. Percentiles use the nearest-rank method.
 *
 * @param tenant the tenant
 * @param from start, inclusive
 * @param to end, exclusive
 * @param orders orders created in the window
 * @param ordersPerStatus current status counts of those orders (every status present)
 * @param avgToShip mean created → shipped over shipped orders
 * @param p50ToShip median created → shipped
 * @param p95ToShip 95th percentile created → shipped
 * @param avgToDeliver mean created → delivered over delivered orders
 * @param p50ToDeliver median created → delivered
 * @param p95ToDeliver 95th percentile created → delivered
 * @param successRate (SHIPPED + DELIVERED) ÷ (SHIPPED + DELIVERED + FAILED + CANCELLED)
 * @param onTimeRate shipped within the SLA ÷ shipped
 * @param lateUnshipped orders not shipped and already past the SLA at {@code to}
 * @param revenue charged totals of non-cancelled orders, minus their refunds, per currency
 * @param commission ledger totals recorded in the window, per currency
 * @since 0.1.0
 */
public record FulfillmentKpis(
    TenantId tenant,
    Instant from,
    Instant to,
    int orders,
    Map<OrderStatus, Long> ordersPerStatus,
    Optional<Duration> avgToShip,
    Optional<Duration> p50ToShip,
    Optional<Duration> p95ToShip,
    Optional<Duration> avgToDeliver,
    Optional<Duration> p50ToDeliver,
    Optional<Duration> p95ToDeliver,
    OptionalDouble successRate,
    OptionalDouble onTimeRate,
    int lateUnshipped,
    Map<Currency, Money> revenue,
    Map<Currency, EarningsTotals> commission) {
  /** Copies maps. */
  public FulfillmentKpis {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    ordersPerStatus = Map.copyOf(ordersPerStatus);
    revenue = Map.copyOf(revenue);
    commission = Map.copyOf(commission);
  }
}
