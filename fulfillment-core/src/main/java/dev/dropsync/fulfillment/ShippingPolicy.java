package dev.dropsync.fulfillment;

import dev.dropsync.inventory.InvalidInputException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * How to choose among freight options. Options whose carrier is not allowed, or (for {@link
 * Strategy#CHEAPEST_WITHIN_DAYS}) whose {@code maxDays} exceeds the limit, are dropped; the rest
 * are ordered by the strategy with deterministic tie-breaks (then by the other criterion, then by
 * carrier name). Immutable and thread-safe; default {@link #cheapest()}.
 *
 * @param strategy how to rank
 * @param maxDays the delivery limit for CHEAPEST_WITHIN_DAYS (empty otherwise)
 * @param allowedCarriers carrier names allowed (case-insensitive); empty allows all
 * @since 0.1.0
 */
public record ShippingPolicy(Strategy strategy, OptionalInt maxDays, Set<String> allowedCarriers) {

  /**
   * Ranking strategies.
   *
   * @since 0.1.0
   */
  public enum Strategy {
    /** Lowest price, then fastest. */
    CHEAPEST,
    /** Lowest {@code maxDays}, then cheapest. */
    FASTEST,
    /** Lowest price among options with {@code maxDays <= N}. */
    CHEAPEST_WITHIN_DAYS
  }

  /** Validates and normalises carriers to lower case. @throws InvalidInputException on a bad limit */
  public ShippingPolicy {
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(maxDays, "maxDays");
    if (strategy == Strategy.CHEAPEST_WITHIN_DAYS && (maxDays.isEmpty() || maxDays.getAsInt() < 0)) {
      throw new InvalidInputException("maxDays", maxDays.isEmpty() ? null : maxDays.getAsInt(),
          "must be >= 0 for CHEAPEST_WITHIN_DAYS");
    }
    allowedCarriers = allowedCarriers.stream().map(c -> c.trim().toLowerCase(Locale.ROOT))
        .collect(Collectors.toCollection(TreeSet::new));
    allowedCarriers = Set.copyOf(allowedCarriers);
  }

  /** Cheapest option, any carrier. */
  public static ShippingPolicy cheapest() {
    return new ShippingPolicy(Strategy.CHEAPEST, OptionalInt.empty(), Set.of());
  }

  /** Fastest option, any carrier. */
  public static ShippingPolicy fastest() {
    return new ShippingPolicy(Strategy.FASTEST, OptionalInt.empty(), Set.of());
  }

  /** Cheapest option delivering within {@code days} (by its {@code maxDays}). */
  public static ShippingPolicy cheapestWithin(int days) {
    return new ShippingPolicy(Strategy.CHEAPEST_WITHIN_DAYS, OptionalInt.of(days), Set.of());
  }

  /** This policy restricted to {@code carriers} (case-insensitive); empty allows all. */
  public ShippingPolicy allowingOnly(Set<String> carriers) {
    return new ShippingPolicy(strategy, maxDays, carriers);
  }

  /** The chosen option among {@code options} (all in one currency), or empty if none qualifies. */
  public Optional<FreightOption> choose(List<FreightOption> options) {
    Comparator<FreightOption> byPrice = Comparator.comparing(o -> o.price().amount());
    Comparator<FreightOption> byDays = Comparator.comparingInt(FreightOption::maxDays);
    Comparator<FreightOption> order = strategy == Strategy.FASTEST
        ? byDays.thenComparing(byPrice) : byPrice.thenComparing(byDays);
    order = order.thenComparing(FreightOption::carrier);
    return options.stream()
        .filter(o -> allowedCarriers.isEmpty()
            || allowedCarriers.contains(o.carrier().trim().toLowerCase(Locale.ROOT)))
        .filter(o -> strategy != Strategy.CHEAPEST_WITHIN_DAYS || o.maxDays() <= maxDays.getAsInt())
        .min(order);
  }
}
