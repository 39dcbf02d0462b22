package dev.dropsync.inventory;

import java.util.Objects;

/**
 * Identifies a tenant: one store owner. Every stored entity belongs to exactly one tenant and every
 * store call is scoped by one.
 *
 * @param value the host's tenant id; not blank
 * @since 0.1.0
 */
public record TenantId(String value) {
  /** Validates the id. @throws InvalidInputException if {@code value} is blank */
  public TenantId {
    Objects.requireNonNull(value, "tenantId");
    if (value.isBlank()) {
      throw new InvalidInputException("tenantId", value, "must not be blank");
    }
  }

  /** Returns a tenant id for {@code value}. */
  public static TenantId of(String value) {
    return new TenantId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
