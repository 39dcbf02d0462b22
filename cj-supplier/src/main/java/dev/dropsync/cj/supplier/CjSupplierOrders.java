package dev.dropsync.cj.supplier;

import dev.dropsync.cj.CjClient;
import dev.dropsync.cj.CjException;
import dev.dropsync.cj.CjInvalidRequestException;
import dev.dropsync.cj.CjNotFoundException;
import dev.dropsync.cj.CjPaymentException;
import dev.dropsync.cj.model.CreateOrderRequest;
import dev.dropsync.cj.model.CreatedOrder;
import dev.dropsync.cj.model.Order;
import dev.dropsync.cj.model.OrderLine;
import dev.dropsync.cj.model.TrackInfo;
import dev.dropsync.cj.supplier.internal.CjErrors;
import dev.dropsync.fulfillment.Address;
import dev.dropsync.fulfillment.ShipmentLine;
import dev.dropsync.fulfillment.SupplierOrderStatus;
import dev.dropsync.fulfillment.Tracking;
import dev.dropsync.fulfillment.TrackingEvent;
import dev.dropsync.fulfillment.spi.CancellationAnswer;
import dev.dropsync.fulfillment.spi.PlacementResult;
import dev.dropsync.fulfillment.spi.SupplierOrderRequest;
import dev.dropsync.fulfillment.spi.SupplierOrderSnapshot;
import dev.dropsync.fulfillment.spi.SupplierOrders;
import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.NotFoundException;
import dev.dropsync.inventory.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * CJ as fulfillment-core's {@link SupplierOrders}: orders go out through {@code createOrderV2} with
 * the engine's idempotency key ({@link SupplierOrderRequest#reference()}) as CJ's {@code
 * orderNumber}, on the CJ account of the request's tenant ({@link CjSupplier.Builder#clients}). Obtain
 * it from {@link CjSupplier#orders()}. Immutable, thread-safe. Every call here costs 0 CJ points.
 *
 * <p><b>Placing exactly once.</b> {@link #place} never retries by itself. CJ accepts a duplicate
 * {@code orderNumber} as a second, chargeable order (cj-api.md §8), so the engine's protocol is what
 * keeps it single: it stores SUBMITTING before calling {@code place}, and after an unknown outcome it
 * calls {@link #find} (CJ's order detail looked up by order number) before it ever sends again.
 * cj-client adds its own guard under that: when a create's answer is lost (timeout, reset, 5xx,
 * busy) it looks the order number up and returns the order it finds; only when CJ positively does
 * not know it is the create resent, once, with the same order number — the same lookup-then-send
 * the engine would do next. If the lookup fails too, {@code place} throws and the outcome stays
 * unknown.
 *
 * <p>{@code place} answers:
 *
 * <ul>
 *   <li>{@link PlacementResult#created} with CJ's order code ({@code SD…}) when CJ created it (or the
 *       client's guard found it);
 *   <li>{@link PlacementResult#rejected} when the refusal is definite and will repeat: the client's
 *       own validation before sending (e.g. a missing province/phone, an order number over 50
 *       characters), CJ parameter and validation errors (1600300, 5027, 5030), logistics errors
 *       (1605000–1605002: re-quote), unknown or off-shelf variants (1602000–1602003), and payment
 *       refusals (1604000/1604001) when CJ holds no order for the reference afterwards;
 *   <li>an exception — outcome unknown — for everything else: transport errors, timeouts, 5xx,
 *       busy answers after the client's retries, authentication or quota problems, CJ's 1603000
 *       "create failed". A CJ "order exists" (1603003) is answered by looking the order up.
 * </ul>
 *
 * <p><b>Payment</b> follows {@link CjSupplier.Builder#payment}: {@link CjPayment#BALANCE} (default)
 * pays from the CJ wallet in the create call; {@link CjPayment#CREATE_ONLY} leaves the order for
 * someone to pay ({@link #payFromBalance} or CJ's dashboard).
 *
 * <p><b>Status</b> maps CJ's {@code orderStatus} with {@link CjOrderStatuses}; a shipped order also
 * reads {@code /logistic/trackInfo} (0 points) for the carrier and a delivery event. {@code asOf}
 * is this adapter's clock when CJ answered. <b>Cancel</b> deletes the order while CJ allows it
 * ({@code CREATED}, {@code IN_CART}); once confirmed or paid CJ's API cannot cancel, and the answer
 * is REFUSED with the reason.
 *
 * @since 0.1.0
 */
public final class CjSupplierOrders implements SupplierOrders {
  private final CjSupplier config;

  CjSupplierOrders(CjSupplier config) {
    this.config = config;
  }

  /**
   * Creates the order at CJ ({@code createOrderV2}, order number = {@code request.reference()},
   * {@code payType} from the configured {@link CjPayment}). Never retried here; see the class doc
   * for what is a rejection and what throws.
   *
   * @return created with CJ's order code, or rejected with CJ's reason
   * @throws InvalidInputException if the request is for another supplier or the tenant has no CJ account
   * @throws RuntimeException any other exception means the outcome is unknown
   * @since 0.1.0
   */
  @Override
  public PlacementResult place(SupplierOrderRequest request) {
    Objects.requireNonNull(request, "request");
    config.requireSupplier(request.supplierId());
    CjClient cj = config.client(request.tenant());
    CreateOrderRequest body;
    try {
      body = toCreateOrder(request);
    } catch (CjInvalidRequestException e) {
      return PlacementResult.rejected("refused before sending: " + e.getMessage());
    } catch (InvalidInputException e) {
      return PlacementResult.rejected("refused before sending: " + e.getMessage());
    }
    try {
      CreatedOrder created = cj.orders().createOrderV2(body);
      String id = created.orderId();
      return PlacementResult.created(id == null || id.isBlank() ? request.reference() : id);
    } catch (CjInvalidRequestException e) {
      if (CjErrors.isDefiniteOrderRejection(e)) {
        return PlacementResult.rejected("CJ rejected the order: " + e.getMessage());
      }
      throw e;
    } catch (CjNotFoundException e) {
      if (CjErrors.isProductCode(e)) {
        return PlacementResult.rejected("CJ rejected the order (variant unknown or off the shelf): " + e.getMessage());
      }
      throw e;
    } catch (CjPaymentException e) {
      Optional<Order> existing = lookupAfter(cj, request.reference(), e);
      if (existing.isPresent()) {
        return PlacementResult.created(idOf(existing.get(), request.reference()));
      }
      return PlacementResult.rejected("CJ refused the payment: " + e.getMessage());
    } catch (CjException e) {
      if (CjErrors.code(e) == 1603003) {
        Optional<Order> existing = lookupAfter(cj, request.reference(), e);
        if (existing.isPresent()) {
          return PlacementResult.created(idOf(existing.get(), request.reference()));
        }
      }
      throw e;
    }
  }

  private static Optional<Order> lookupAfter(CjClient cj, String reference, CjException original) {
    try {
      return cj.orders().findByOrderNumber(reference);
    } catch (RuntimeException lookup) {
      original.addSuppressed(lookup);
      throw original;
    }
  }

  /**
   * The CJ order with our {@code reference} as its order number: CJ's order detail by order number,
   * then the CREATED and UNPAID order lists matched on {@code orderNum} (cj-api.md §8: detail takes
   * the order number, lists call it {@code orderNum} and cannot filter by it). 0 points.
   *
   * @return the snapshot, or empty when CJ positively does not know the reference
   * @throws CjUnknownOrderStatusException if CJ reports a status this adapter cannot map
   * @throws dev.dropsync.cj.CjException if the lookup failed (the answer is unknown, not empty)
   * @since 0.1.0
   */
  @Override
  public Optional<SupplierOrderSnapshot> find(TenantId tenant, String supplierId, String reference) {
    config.requireSupplier(supplierId);
    requireReference(reference);
    CjClient cj = config.client(tenant);
    Optional<Order> o = cj.orders().findByOrderNumber(reference);
    return o.map(order -> snapshot(cj, reference, order));
  }

  /**
   * The current state of a placed order, for polling ({@link
   * dev.dropsync.fulfillment.FulfillmentEngine#pollSupplierOrder}). 0 points.
   *
   * @throws NotFoundException naming the reference if CJ has no such order
   * @throws CjUnknownOrderStatusException if CJ reports a status this adapter cannot map
   * @since 0.1.0
   */
  @Override
  public SupplierOrderSnapshot status(TenantId tenant, String supplierId, String reference) {
    return find(tenant, supplierId, reference).orElseThrow(() -> new NotFoundException("reference", reference));
  }

  /**
   * Asks CJ to cancel. CJ can delete an order only before it is confirmed and paid ({@code CREATED},
   * {@code IN_CART}): then the order is deleted ({@code deleteOrder}) and the answer is ACCEPTED. An
   * order that is already {@code CANCELLED} answers ACCEPTED (idempotent). A confirmed, paid, shipped
   * or delivered order answers REFUSED with the reason: CJ's API has no cancellation after that
   * (refunds go through CJ's dispute process in its dashboard); if CJ cancels it later, the next
   * poll reports CANCELLED. 0 points.
   *
   * @throws NotFoundException naming the reference if CJ has no such order
   * @throws dev.dropsync.cj.CjException if CJ could not be asked (the engine answers PENDING and
   *     a later cancel asks again)
   * @since 0.1.0
   */
  @Override
  public CancellationAnswer cancel(TenantId tenant, String supplierId, String reference) {
    config.requireSupplier(supplierId);
    requireReference(reference);
    CjClient cj = config.client(tenant);
    Order o = cj.orders().findByOrderNumber(reference).orElseThrow(() -> new NotFoundException("reference", reference));
    String raw = upper(o.orderStatus());
    String id = idOf(o, reference);
    return switch (raw) {
      case "CANCELLED" -> CancellationAnswer.accepted("already cancelled at CJ (" + id + ")");
      case "CREATED", "IN_CART" -> delete(cj, reference, o, id, raw);
      default -> {
        SupplierOrderStatus mapped = CjOrderStatuses.toSupplierStatus(o.orderStatus(), o.subStatus(), reference);
        yield mapped == SupplierOrderStatus.CANCELLED ? CancellationAnswer.accepted("already cancelled at CJ (" + id + ")")
            : refusal(id, o);
      }
    };
  }

  private static CancellationAnswer delete(CjClient cj, String reference, Order o, String id, String raw) {
    try {
      cj.orders().deleteOrder(id);
      return CancellationAnswer.accepted("deleted at CJ before payment (" + id + " was " + raw + ")");
    } catch (CjException e) {
      Order now = cj.orders().findByOrderNumber(reference).orElse(o);
      String after = upper(now.orderStatus());
      if (after.equals("CANCELLED")) {
        return CancellationAnswer.accepted("cancelled at CJ (" + id + ")");
      }
      if (after.equals("CREATED") || after.equals("IN_CART")) {
        throw e;
      }
      return refusal(id, now);
    }
  }

  private static CancellationAnswer refusal(String id, Order o) {
    String status = String.valueOf(o.orderStatus());
    return CancellationAnswer.refused("CJ order " + id + " is " + status + ": CJ's API deletes orders only before "
        + "they are confirmed and paid (CREATED, IN_CART) and cannot cancel after that; ask CJ through its dashboard "
        + "(dispute/refund) — a later CANCELLED status is picked up by polling");
  }

  /**
   * Pays an order that is waiting for payment at CJ from the tenant's CJ wallet: a {@code CREATED}
   * order (placed with {@link CjPayment#CREATE_ONLY}) is confirmed first ({@code confirmOrder}), an
   * {@code UNPAID} one (e.g. placed with {@link CjPayment#BALANCE} while the balance was short) is
   * paid ({@code payBalance}). An order already paid is returned as it is. Neither CJ call is
   * retried after an unknown outcome (cj-client's rule for non-idempotent calls); call this again
   * to continue, it re-reads the order first. 0 points.
   *
   * @param tenant the tenant whose CJ account holds the order
   * @param reference our reference (CJ order number)
   * @return the order's state afterwards
   * @throws NotFoundException naming the reference if CJ has no such order
   * @throws dev.dropsync.cj.CjPaymentException if CJ refuses the payment (balance insufficient or
   *     payment restricted)
   * @throws InvalidInputException if the order is cancelled
   * @since 0.1.0
   */
  public SupplierOrderSnapshot payFromBalance(TenantId tenant, String reference) {
    requireReference(reference);
    CjClient cj = config.client(tenant);
    Order o = cj.orders().findByOrderNumber(reference).orElseThrow(() -> new NotFoundException("reference", reference));
    String raw = upper(o.orderStatus());
    String id = idOf(o, reference);
    if (raw.equals("CANCELLED")) {
      throw new InvalidInputException("reference", reference, "must not be a cancelled CJ order (" + id + ")");
    }
    if (raw.equals("CREATED") || raw.equals("IN_CART")) {
      cj.orders().confirmOrder(id);
      raw = "UNPAID";
    }
    if (raw.equals("UNPAID")) {
      cj.payments().payBalance(id);
    }
    return status(tenant, CjSupplier.SUPPLIER_ID, reference);
  }

  private SupplierOrderSnapshot snapshot(CjClient cj, String reference, Order o) {
    SupplierOrderStatus status = CjOrderStatuses.toSupplierStatus(o.orderStatus(), o.subStatus(), reference);
    String trackNumber = o.trackNumber();
    String carrier = o.logisticName();
    String url = o.trackingUrl();
    List<TrackingEvent> events = new ArrayList<>();
    if (config.trackingDetails() && status.isShipped() && trackNumber != null && !trackNumber.isBlank()) {
      try {
        for (TrackInfo t : cj.logistics().trackInfo(List.of(trackNumber))) {
          if (!trackNumber.equals(t.trackingNumber())) {
            continue;
          }
          if (t.logisticName() != null) {
            carrier = t.logisticName();
          }
          Instant delivered = t.deliveryTime();
          if (delivered != null) {
            events.add(new TrackingEvent(delivered, describe(t), t.trackingTo()));
          }
        }
      } catch (CjException e) {
        // tracking details are best effort: the status itself is known; the next poll reads them again
      }
    }
    return new SupplierOrderSnapshot(reference, idOf(o, reference), status, new Tracking(trackNumber, carrier, url),
        events, config.clock().instant());
  }

  private static String describe(TrackInfo t) {
    String status = t.trackingStatus();
    StringBuilder b = new StringBuilder(status == null || status.isBlank() ? "Delivered" : status);
    if (t.lastMileCarrier() != null) {
      b.append(" (last mile ").append(t.lastMileCarrier());
      if (t.lastTrackNumber() != null) {
        b.append(' ').append(t.lastTrackNumber());
      }
      b.append(')');
    }
    return b.toString();
  }

  private static String idOf(Order o, String reference) {
    String sd = o.cjOrderId();
    if (sd != null && !sd.isBlank()) {
      return sd;
    }
    return o.orderId().isBlank() ? reference : o.orderId();
  }

  private static String upper(@Nullable String s) {
    return s == null ? "" : s.trim().toUpperCase(Locale.ROOT);
  }

  private static void requireReference(@Nullable String reference) {
    if (reference == null || reference.isBlank()) {
      throw new InvalidInputException("reference", reference, "must not be blank");
    }
  }

  private CreateOrderRequest toCreateOrder(SupplierOrderRequest r) {
    Address a = r.shippingAddress();
    CreateOrderRequest.Builder b = CreateOrderRequest.builder()
        .orderNumber(r.reference())
        .shippingCountryCode(a.country())
        .shippingCountry(countryName(a.country()))
        .shippingProvince(a.province() != null ? a.province() : a.city())
        .shippingCity(a.city())
        .shippingAddress(a.line1())
        .shippingAddress2(a.line2())
        .shippingZip(a.zip())
        .shippingCustomerName(a.name())
        .shippingPhone(a.phone())
        .email(r.customer().email())
        .fromCountryCode(config.shipFrom())
        .logisticName(r.freight().carrier())
        .platform(config.platform())
        .payType(config.payment().payType())
        .sandbox(config.sandbox());
    if (r.lines().isEmpty()) {
      throw new InvalidInputException("lines", "[]", "must hold at least one line (reference \"" + r.reference() + "\")");
    }
    for (int i = 0; i < r.lines().size(); i++) {
      ShipmentLine l = r.lines().get(i);
      if (l.quantity() < 1 || l.quantity() > Integer.MAX_VALUE) {
        throw new InvalidInputException("lines[" + i + "].quantity", l.quantity(), "must be in 1.." + Integer.MAX_VALUE);
      }
      b.addLine(new OrderLine(l.supplierVariantId(), null, (int) l.quantity(), l.variant().value()));
    }
    return b.build();
  }

  private static String countryName(String code) {
    String name = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
    return name.isBlank() ? code : name;
  }

  @Override
  public String toString() {
    return "CjSupplierOrders{payment=" + config.payment() + ", shipFrom=" + config.shipFrom() + "}";
  }
}
