package dev.dropsync.fulfillment.spi;

import dev.dropsync.fulfillment.Address;
import dev.dropsync.fulfillment.CustomerContact;
import dev.dropsync.fulfillment.FreightOption;
import dev.dropsync.fulfillment.OrderId;
import dev.dropsync.fulfillment.ShipmentLine;
import dev.dropsync.inventory.TenantId;
import java.util.List;
import java.util.Objects;

/**
 * An order to place with a supplier. {@code reference} is the idempotency key: implementations
 * send it as the supplier's order number (CJ {@code orderNumber}) so {@link SupplierOrders#find}
 * can find it after an unknown outcome.
 *
 * @param tenant the store (selects the supplier account)
 * @param supplierId the supplier's key
 * @param reference {@code {orderId}-{group}}
 * @param orderId the customer order
 * @param lines what to order
 * @param freight the freight option chosen
 * @param shippingAddress where to ship
 * @param customer the end customer
 * @since 0.1.0
 */
public record SupplierOrderRequest(
    TenantId tenant,
    String supplierId,
    String reference,
    OrderId orderId,
    List<ShipmentLine> lines,
    FreightOption freight,
    Address shippingAddress,
    CustomerContact customer) {
  /** Copies the lines. */
  public SupplierOrderRequest {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(supplierId, "supplierId");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(freight, "freight");
    Objects.requireNonNull(shippingAddress, "shippingAddress");
    Objects.requireNonNull(customer, "customer");
    lines = List.copyOf(lines);
  }
}
