package dev.dropsync.inventory;

import java.util.Objects;

/**
 * A subscription plan, identified by name. The built-in plans are {@link #FREE}, {@link #PRO} and
 * {@link #PREMIUM}; hosts can define their own and give their limits through a {@link
 * dev.dropsync.inventory.spi.PlanPolicy}. Immutable and thread-safe.
 *
 * @param name the plan's name, e.g. {@code "FREE"}; not blank
 * @since 0.1.0
 */
public record Plan(String name) {
  /** 10 active products under {@link dev.dropsync.inventory.spi.PlanPolicy#standard()}. */
  public static final Plan FREE = new Plan("FREE");

  /** 100 active products under {@link dev.dropsync.inventory.spi.PlanPolicy#standard()}. */
  public static final Plan PRO = new Plan("PRO");

  /** Unlimited active products under {@link dev.dropsync.inventory.spi.PlanPolicy#standard()}. */
  public static final Plan PREMIUM = new Plan("PREMIUM");

  /** Validates the name. @throws InvalidInputException if {@code name} is blank */
  public Plan {
    Objects.requireNonNull(name, "plan");
    if (name.isBlank()) {
      throw new InvalidInputException("plan", name, "must not be blank");
    }
  }

  /** The plan named {@code name}. @throws InvalidInputException if blank */
  public static Plan of(String name) {
    return new Plan(name);
  }

  @Override
  public String toString() {
    return name;
  }
}
