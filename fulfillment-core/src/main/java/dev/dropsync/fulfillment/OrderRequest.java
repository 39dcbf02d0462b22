package dev.dropsync.fulfillment;

import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.VariantId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A customer order to create with {@link FulfillmentEngine#createOrder}. Built by {@link
 * #builder()}; {@code build()} checks everything that can be checked without the engine (the
 * engine also checks that every variant exists for the tenant).
 *
 * @param tenant the store owner
 * @param orderId the store's order id, unique per tenant
 * @param currency the currency every price is in
 * @param lines at least one line, one per variant
 * @param shippingCharge what the customer paid for shipping (zero by default), in {@code currency}
 * @param shippingAddress where to ship
 * @param customer who to notify
 * @since 0.1.0
 */
public record OrderRequest(
    TenantId tenant,
    OrderId orderId,
    Currency currency,
    List<OrderLine> lines,
    Money shippingCharge,
    Address shippingAddress,
    CustomerContact customer) {

  /**
   * Validates.
   *
   * @throws InvalidInputException on no lines or a repeated variant
   * @throws dev.dropsync.inventory.CurrencyMismatchException if a price is not in {@code currency}
   */
  public OrderRequest {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(shippingAddress, "shippingAddress");
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(shippingCharge, "shippingCharge");
    lines = List.copyOf(lines);
    if (lines.isEmpty()) {
      throw new InvalidInputException("lines", "[]", "must contain at least one line");
    }
    Money zero = Money.zero(currency);
    Set<VariantId> seen = new HashSet<>();
    for (int i = 0; i < lines.size(); i++) {
      OrderLine line = lines.get(i);
      zero.requireSameCurrency(line.unitPrice());
      if (!seen.add(line.variant())) {
        throw new InvalidInputException("lines[" + i + "].variant", line.variant().value(), "must not repeat a variant");
      }
    }
    zero.requireSameCurrency(shippingCharge);
    if (shippingCharge.isNegative()) {
      throw new InvalidInputException("shippingCharge", shippingCharge, "must not be negative");
    }
  }

  /** A new builder. Not thread-safe. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds an {@link OrderRequest}.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private @Nullable TenantId tenant;
    private @Nullable OrderId orderId;
    private @Nullable Currency currency;
    private final List<OrderLine> lines = new ArrayList<>();
    private @Nullable Money shippingCharge;
    private @Nullable Address address;
    private @Nullable CustomerContact customer;

    private Builder() {}

    /** The tenant (required). */
    public Builder tenant(TenantId tenant) {
      this.tenant = tenant;
      return this;
    }

    /** The store's order id (required). */
    public Builder orderId(OrderId orderId) {
      this.orderId = orderId;
      return this;
    }

    /** The order currency (required). */
    public Builder currency(Currency currency) {
      this.currency = currency;
      return this;
    }

    /** The order currency by ISO 4217 code. @throws InvalidInputException on an unknown code */
    public Builder currency(String code) {
      this.currency = Money.of("0", code).currency();
      return this;
    }

    /** Adds a line. */
    public Builder line(OrderLine line) {
      lines.add(Objects.requireNonNull(line, "line"));
      return this;
    }

    /** Adds a line. @throws InvalidInputException on quantity below 1 or a negative price */
    public Builder line(VariantId variant, long quantity, Money unitPrice) {
      return line(new OrderLine(variant, quantity, unitPrice));
    }

    /** What the customer paid for shipping; default zero. */
    public Builder shippingCharge(Money shippingCharge) {
      this.shippingCharge = shippingCharge;
      return this;
    }

    /** The shipping address (required). */
    public Builder shippingAddress(Address address) {
      this.address = address;
      return this;
    }

    /** The customer contact (required). */
    public Builder customer(CustomerContact customer) {
      this.customer = customer;
      return this;
    }

    /** The validated request. @throws InvalidInputException naming the missing or bad field */
    public OrderRequest build() {
      TenantId t = require("tenant", tenant);
      OrderId id = require("orderId", orderId);
      Currency c = require("currency", currency);
      return new OrderRequest(t, id, c, lines,
          shippingCharge == null ? Money.zero(c) : shippingCharge,
          require("shippingAddress", address), require("customer", customer));
    }

    private static <T> T require(String field, @Nullable T value) {
      if (value == null) {
        throw new InvalidInputException(field, null, "is required");
      }
      return value;
    }
  }
}
