package dev.dropsync.inventory.pricing;

import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.Money;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How retail prices follow cost. Immutable and thread-safe; build with {@link #builder()}.
 *
 * <p>For a unit cost {@code c}:
 *
 * <ol>
 *   <li>If a {@link CostTier} contains {@code c} (tiers are half-open {@code [min, max)} and must
 *       not overlap), the tier gives the raw price; otherwise the fallback {@code c × multiplier +
 *       fixedAdd} does (defaults 1 and 0), so the range above the top tier is explicit.
 *   <li>{@link CharmRounding} rounds it up (default {@link CharmRounding#CENTS_99}).
 *   <li>With a minimum margin {@code m}, the floor is {@code c / (1 − m)} rounded up to cents and
 *       then charm-rounded; the price is raised to the floor if below it (cost 10.00, m 25 %:
 *       13.34, then 13.99).
 *   <li>With a compare-at multiplier {@code k}, the compare-at price is {@code retail × k},
 *       charm-rounded.
 * </ol>
 *
 * <p>Amounts are computed in {@link BigDecimal} and brought to the currency's scale by the rounding
 * step (always upwards), so the result never undercuts the rule.
 *
 * @since 0.1.0
 */
public final class PricingRule {
  private final List<CostTier> tiers;
  private final BigDecimal multiplier;
  private final BigDecimal fixedAdd;
  private final CharmRounding rounding;
  private final @Nullable BigDecimal minimumMargin;
  private final @Nullable BigDecimal compareAtMultiplier;

  private PricingRule(Builder b) {
    this.tiers = List.copyOf(b.tiers);
    this.multiplier = b.multiplier;
    this.fixedAdd = b.fixedAdd;
    this.rounding = b.rounding;
    this.minimumMargin = b.minimumMargin;
    this.compareAtMultiplier = b.compareAtMultiplier;
  }

  /** A new builder: multiplier 1, fixed add 0, rounding .99, no tiers, no floor, no compare-at. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this rule's settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.tiers.addAll(tiers);
    b.multiplier = multiplier;
    b.fixedAdd = fixedAdd;
    b.rounding = rounding;
    b.minimumMargin = minimumMargin;
    b.compareAtMultiplier = compareAtMultiplier;
    return b;
  }

  /**
   * Prices one unit that costs {@code cost}.
   *
   * @param cost the supplier's unit cost, at least 0
   * @return retail, compare-at and floor, in the cost's currency
   * @throws InvalidInputException if {@code cost} is negative
   */
  public PriceQuote quote(Money cost) {
    if (cost.isNegative()) {
      throw new InvalidInputException("cost", cost, "must be >= 0");
    }
    BigDecimal c = cost.amount();
    BigDecimal raw = tierFor(c).map(t -> t.apply(c)).orElseGet(() -> c.multiply(multiplier).add(fixedAdd));
    BigDecimal price = rounding.apply(raw);
    Money floor = null;
    if (minimumMargin != null) {
      BigDecimal f = c.divide(BigDecimal.ONE.subtract(minimumMargin), MathContext.DECIMAL64)
          .setScale(2, RoundingMode.CEILING);
      BigDecimal charmed = rounding.apply(f);
      floor = Money.of(charmed, cost.currency());
      if (price.compareTo(charmed) < 0) {
        price = charmed;
      }
    }
    Money retail = Money.of(price, cost.currency());
    Money compareAt = compareAtMultiplier == null ? null
        : Money.of(rounding.apply(price.multiply(compareAtMultiplier)), cost.currency());
    return new PriceQuote(retail, compareAt, floor);
  }

  /**
   * Whether {@code price} keeps this rule's minimum margin over {@code cost}: {@code (price − cost)
   * / price >= m}. Always true without a minimum margin.
   */
  public boolean meetsMargin(Money price, Money cost) {
    if (minimumMargin == null) {
      return true;
    }
    price.requireSameCurrency(cost);
    if (price.amount().signum() <= 0) {
      return false;
    }
    BigDecimal margin = price.amount().subtract(cost.amount()).divide(price.amount(), MathContext.DECIMAL64);
    return margin.compareTo(minimumMargin) >= 0;
  }

  private Optional<CostTier> tierFor(BigDecimal cost) {
    for (CostTier t : tiers) {
      if (t.contains(cost)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /** The tiers, ordered by lower bound. */
  public List<CostTier> tiers() {
    return tiers;
  }

  /** The fallback multiplier (default 1). */
  public BigDecimal multiplier() {
    return multiplier;
  }

  /** The fallback fixed add (default 0). */
  public BigDecimal fixedAdd() {
    return fixedAdd;
  }

  /** The rounding (default {@link CharmRounding#CENTS_99}). */
  public CharmRounding rounding() {
    return rounding;
  }

  /** The minimum margin as a fraction in {@code [0, 1)}, if any. */
  public Optional<BigDecimal> minimumMargin() {
    return Optional.ofNullable(minimumMargin);
  }

  /** The compare-at multiplier, if any. */
  public Optional<BigDecimal> compareAtMultiplier() {
    return Optional.ofNullable(compareAtMultiplier);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof PricingRule)) {
      return false;
    }
    PricingRule r = (PricingRule) o;
    return tiers.equals(r.tiers) && multiplier.compareTo(r.multiplier) == 0
        && fixedAdd.compareTo(r.fixedAdd) == 0 && rounding == r.rounding
        && Objects.equals(minimumMargin, r.minimumMargin)
        && Objects.equals(compareAtMultiplier, r.compareAtMultiplier);
  }

  @Override
  public int hashCode() {
    return Objects.hash(tiers, multiplier.stripTrailingZeros(), fixedAdd.stripTrailingZeros(), rounding);
  }

  @Override
  public String toString() {
    return "PricingRule{tiers=" + tiers + ", multiplier=" + multiplier + ", fixedAdd=" + fixedAdd
        + ", rounding=" + rounding + ", minimumMargin=" + minimumMargin
        + ", compareAtMultiplier=" + compareAtMultiplier + "}";
  }

  /** Builds a {@link PricingRule}. Not thread-safe. @since 0.1.0 */
  public static final class Builder {
    private final List<CostTier> tiers = new ArrayList<>();
    private BigDecimal multiplier = BigDecimal.ONE;
    private BigDecimal fixedAdd = BigDecimal.ZERO;
    private CharmRounding rounding = CharmRounding.CENTS_99;
    private @Nullable BigDecimal minimumMargin;
    private @Nullable BigDecimal compareAtMultiplier;

    private Builder() {}

    /** Adds a cost tier. Tiers must not overlap (checked by {@link #build()}). */
    public Builder tier(CostTier tier) {
      tiers.add(Objects.requireNonNull(tier, "tier"));
      return this;
    }

    /** The fallback multiplier, above 0 (default 1). @throws InvalidInputException if not above 0 */
    public Builder multiplier(String factor) {
      BigDecimal m = decimal("multiplier", factor);
      if (m.signum() <= 0) {
        throw new InvalidInputException("multiplier", factor, "must be > 0");
      }
      this.multiplier = m;
      return this;
    }

    /** The fallback fixed add, at least 0 (default 0). @throws InvalidInputException if negative */
    public Builder fixedAdd(String amount) {
      BigDecimal a = decimal("fixedAdd", amount);
      if (a.signum() < 0) {
        throw new InvalidInputException("fixedAdd", amount, "must be >= 0");
      }
      this.fixedAdd = a;
      return this;
    }

    /** The price ending (default .99). */
    public Builder rounding(CharmRounding charm) {
      this.rounding = Objects.requireNonNull(charm, "rounding");
      return this;
    }

    /**
     * The minimum margin as a fraction, e.g. {@code "0.25"} for 25 %.
     *
     * @throws InvalidInputException unless {@code 0 <= m < 1}
     */
    public Builder minimumMargin(String fraction) {
      BigDecimal m = decimal("minimumMargin", fraction);
      if (m.signum() < 0 || m.compareTo(BigDecimal.ONE) >= 0) {
        throw new InvalidInputException("minimumMargin", fraction, "must be in [0, 1)");
      }
      this.minimumMargin = m;
      return this;
    }

    /** The compare-at multiplier, at least 1, e.g. {@code "1.3"}. @throws InvalidInputException if below 1 */
    public Builder compareAtMultiplier(String factor) {
      BigDecimal k = decimal("compareAtMultiplier", factor);
      if (k.compareTo(BigDecimal.ONE) < 0) {
        throw new InvalidInputException("compareAtMultiplier", factor, "must be >= 1");
      }
      this.compareAtMultiplier = k;
      return this;
    }

    /** The rule. @throws InvalidInputException if two tiers overlap */
    public PricingRule build() {
      tiers.sort(Comparator.comparing(CostTier::min));
      for (int i = 1; i < tiers.size(); i++) {
        CostTier prev = tiers.get(i - 1);
        BigDecimal prevMax = prev.max();
        if (prevMax == null || prevMax.compareTo(tiers.get(i).min()) > 0) {
          throw new InvalidInputException("tiers", tiers.get(i).min(), "overlaps tier starting at " + prev.min());
        }
      }
      return new PricingRule(this);
    }

    private static BigDecimal decimal(String field, String value) {
      Objects.requireNonNull(value, field);
      try {
        return new BigDecimal(value.trim());
      } catch (NumberFormatException e) {
        throw new InvalidInputException(field, value, "is not a decimal number");
      }
    }
  }
}
