package dev.dropsync.fulfillment.spi;

import dev.dropsync.fulfillment.FreightOption;
import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.TenantId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One {@link SupplierOrders} and one {@link FreightQuotes} for a fulfilment engine that works with
 * several suppliers: every call goes to the implementation registered for its {@code supplierId}
 * (the engine groups an order's lines by the supplier of each variant, so each group reaches its own
 * supplier). An unknown supplier id is refused with {@link InvalidInputException} naming it.
 * Every call is delegated unchanged, so each supplier's guarantees (a {@code place} never retried,
 * {@code find} after an unknown outcome) hold through the router.
 *
 * <pre>{@code
 * FulfillmentEngine.builder()
 *     .supplierOrders(SupplierRouting.orders(Map.of("cj", cj.orders(), "local-wh", warehouse)))
 *     .freightQuotes(SupplierRouting.freight(Map.of("cj", cj.freightQuotes(), "local-wh", warehouse)))
 * }</pre>
 *
 * @since 0.1.0
 */
public final class SupplierRouting {
  private SupplierRouting() {}

  /**
   * Routes supplier orders by supplier id.
   *
   * @param bySupplier the implementation of each supplier id (copied)
   * @return the router; thread-safe if the implementations are
   * @since 0.1.0
   */
  public static SupplierOrders orders(Map<String, SupplierOrders> bySupplier) {
    Map<String, SupplierOrders> routes = Map.copyOf(bySupplier);
    return new SupplierOrders() {
      @Override
      public PlacementResult place(SupplierOrderRequest request) {
        return route(routes, request.supplierId()).place(request);
      }

      @Override
      public Optional<SupplierOrderSnapshot> find(TenantId tenant, String supplierId, String reference) {
        return route(routes, supplierId).find(tenant, supplierId, reference);
      }

      @Override
      public SupplierOrderSnapshot status(TenantId tenant, String supplierId, String reference) {
        return route(routes, supplierId).status(tenant, supplierId, reference);
      }

      @Override
      public CancellationAnswer cancel(TenantId tenant, String supplierId, String reference) {
        return route(routes, supplierId).cancel(tenant, supplierId, reference);
      }

      @Override
      public String toString() {
        return "SupplierRouting.orders" + routes.keySet();
      }
    };
  }

  /**
   * Routes freight quotes by supplier id.
   *
   * @param bySupplier the implementation of each supplier id (copied)
   * @return the router; thread-safe if the implementations are
   * @since 0.1.0
   */
  public static FreightQuotes freight(Map<String, FreightQuotes> bySupplier) {
    Map<String, FreightQuotes> routes = Map.copyOf(bySupplier);
    return new FreightQuotes() {
      @Override
      public List<FreightOption> quote(FreightQuoteRequest request) {
        return route(routes, request.supplierId()).quote(request);
      }

      @Override
      public String toString() {
        return "SupplierRouting.freight" + routes.keySet();
      }
    };
  }

  private static <T> T route(Map<String, T> routes, String supplierId) {
    T target = routes.get(supplierId);
    if (target == null) {
      throw new InvalidInputException("supplierId", supplierId, "must be one of " + routes.keySet());
    }
    return target;
  }
}
