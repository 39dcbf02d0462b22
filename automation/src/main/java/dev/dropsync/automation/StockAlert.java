package dev.dropsync.automation;

import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.ProductId;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.VariantId;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A low-stock or out-of-stock alert of one variant. An alert is <em>opened</em> once per downward
 * crossing by the {@code stock_alert} task, delivered to the {@link
 * dev.dropsync.automation.spi.AlertSink} (at least once: a sink may see the same {@link #alertId()}
 * again after a crash, and should dedupe on it), and <em>closed</em> when the stock rises back
 * above the level, which re-arms it.
 *
 * @param tenant the tenant
 * @param alertId unique id, stable across redeliveries
 * @param product the product
 * @param variant the variant
 * @param sku the variant's SKU
 * @param kind low or out of stock
 * @param available units available when it was opened
 * @param threshold the low-stock threshold in force when it was opened
 * @param openedAt when it was opened
 * @param deliveredAt when the sink accepted it, null until then
 * @param closedAt when it was closed (stock recovered), null while open
 * @since 0.1.0
 */
public record StockAlert(
    TenantId tenant,
    String alertId,
    ProductId product,
    VariantId variant,
    String sku,
    StockAlertKind kind,
    long available,
    long threshold,
    Instant openedAt,
    @Nullable Instant deliveredAt,
    @Nullable Instant closedAt) {

  /**
   * Validates the components.
   *
   * @throws InvalidInputException if the id is blank or a count is negative
   *
   * @param tenant see the record component
   * @param alertId see the record component
   * @param product see the record component
   * @param variant see the record component
   * @param sku see the record component
   * @param kind see the record component
   * @param available see the record component
   * @param threshold see the record component
   * @param openedAt see the record component
   * @param deliveredAt see the record component
   * @param closedAt see the record component
   */
  public StockAlert {
    Objects.requireNonNull(tenant, "tenant");
    if (alertId == null || alertId.isBlank()) {
      throw new InvalidInputException("alertId", alertId, "must not be blank");
    }
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(variant, "variant");
    Objects.requireNonNull(sku, "sku");
    Objects.requireNonNull(kind, "kind");
    if (threshold < 0) {
      throw new InvalidInputException("threshold", threshold, "must be >= 0");
    }
    Objects.requireNonNull(openedAt, "openedAt");
  }

  /**
   * Returns whether the alert is still open.
   *
   * @return true until closed
   * @since 0.1.0
   */
  public boolean open() {
    return closedAt == null;
  }

  /**
   * Returns whether the sink accepted it.
   *
   * @return true once delivered
   * @since 0.1.0
   */
  public boolean delivered() {
    return deliveredAt != null;
  }

  /**
   * Returns a delivered copy.
   *
   * @param at when delivered
   * @return the copy
   * @since 0.1.0
   */
  public StockAlert withDeliveredAt(Instant at) {
    return new StockAlert(tenant, alertId, product, variant, sku, kind, available, threshold, openedAt, at, closedAt);
  }

  /**
   * Returns a closed copy.
   *
   * @param at when closed
   * @return the copy
   * @since 0.1.0
   */
  public StockAlert withClosedAt(Instant at) {
    return new StockAlert(tenant, alertId, product, variant, sku, kind, available, threshold, openedAt, deliveredAt, at);
  }
}
