package dev.dropsync.inventory.analytics.internal;

import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

public final class Check {
  private Check() {}

  public static <T> T notNull(@org.jspecify.annotations.Nullable T value, String field) {
    if (value == null) {
      throw new InvalidInputException(field, null, "must not be null");
    }
    return value;
  }

  public static String notBlank(@org.jspecify.annotations.Nullable String value, String field) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(field, value, "must not be blank");
    }
    return value;
  }

  public static long positive(long value, String field) {
    if (value < 1) {
      throw new InvalidInputException(field, value, "must be >= 1");
    }
    return value;
  }

  public static long nonNegative(long value, String field) {
    if (value < 0) {
      throw new InvalidInputException(field, value, "must be >= 0");
    }
    return value;
  }

  public static int positive(int value, String field) {
    if (value < 1) {
      throw new InvalidInputException(field, value, "must be >= 1");
    }
    return value;
  }

  public static double finitePositive(double value, String field) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new InvalidInputException(field, value, "must be > 0 and finite");
    }
    return value;
  }

  public static double finiteNonNegative(double value, String field) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new InvalidInputException(field, value, "must be >= 0 and finite");
    }
    return value;
  }

  public static double openUnit(double value, String field) {
    if (!(value > 0 && value < 1)) {
      throw new InvalidInputException(field, value, "must be in (0, 1)");
    }
    return value;
  }

  public static double halfOpenUnit(double value, String field) {
    if (!(value > 0 && value <= 1)) {
      throw new InvalidInputException(field, value, "must be in (0, 1]");
    }
    return value;
  }

  public static Money nonNegative(@org.jspecify.annotations.Nullable Money value, String field) {
    notNull(value, field);
    Objects.requireNonNull(value);
    if (value.isNegative()) {
      throw new InvalidInputException(field, value, "must be >= 0");
    }
    return value;
  }

  public static void range(Instant from, Instant to) {
    notNull(from, "from");
    notNull(to, "to");
    if (!from.isBefore(to)) {
      throw new InvalidInputException("from", from, "must be before to (" + to + ")");
    }
  }

  public static void range(LocalDate from, LocalDate to) {
    notNull(from, "from");
    notNull(to, "to");
    if (!from.isBefore(to)) {
      throw new InvalidInputException("from", from, "must be before to (" + to + ")");
    }
  }
}
