/**
 * The fulfilment engine: customer orders, their lifecycle (a transition table), supplier orders
 * placed exactly once, shipping choice, tracking, customer notifications, the 30/70 commission split
 * with its earnings ledger, and fulfilment KPIs.
 *
 * <p>Start with {@link dev.dropsync.fulfillment.FulfillmentEngine#builder()}. The engine reaches
 * storage, suppliers, freight and customers only through the SPIs in {@code
 * dev.dropsync.fulfillment.spi} (each with an in-memory implementation there), stock through
 * inventory-core's {@link dev.dropsync.inventory.StockReservations}, and takes time from an
 * injected {@link java.time.Clock}.
 *
 * <pre>{@code
 * FulfillmentEngine engine = FulfillmentEngine.builder()
 *     .orderStore(new InMemoryOrderStore())
 *     .stock(reservations).variants(variantLookup)
 *     .freightQuotes(freight).supplierOrders(suppliers).notifier(notifier)
 *     .clock(Clock.systemUTC())
 *     .build();
 * Order order = engine.createOrder(OrderRequest.builder()
 *     .tenant(tenant).orderId(OrderId.of("shop-1001")).currency("USD")
 *     .line(VariantId.of("v1"), 2, Money.of("19.99", "USD"))
 *     .shippingAddress(address).customer(contact).build());
 * engine.processOrder(tenant, order.id());   // reserve, quote, place, commit, notify, commission
 * }</pre>
 */
@NullMarked
package dev.dropsync.fulfillment;

import org.jspecify.annotations.NullMarked;
