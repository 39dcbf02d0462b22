package dev.dropsync.fulfillment;

import dev.dropsync.fulfillment.internal.Kpis;
import dev.dropsync.fulfillment.internal.OrderEdit;
import dev.dropsync.fulfillment.internal.SupplierOrderEdit;
import dev.dropsync.fulfillment.spi.CancellationAnswer;
import dev.dropsync.fulfillment.spi.FreightItem;
import dev.dropsync.fulfillment.spi.FreightQuoteRequest;
import dev.dropsync.fulfillment.spi.FreightQuotes;
import dev.dropsync.fulfillment.spi.InMemoryMetricsStore;
import dev.dropsync.fulfillment.spi.MetricsStore;
import dev.dropsync.fulfillment.spi.Notifier;
import dev.dropsync.fulfillment.spi.OrderStore;
import dev.dropsync.fulfillment.spi.PlacementResult;
import dev.dropsync.fulfillment.spi.SupplierOrderRequest;
import dev.dropsync.fulfillment.spi.SupplierOrderSnapshot;
import dev.dropsync.fulfillment.spi.SupplierOrders;
import dev.dropsync.inventory.CurrencyMismatchException;
import dev.dropsync.inventory.InsufficientStockException;
import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.InventoryException;
import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.NotFoundException;
import dev.dropsync.inventory.Reservation;
import dev.dropsync.inventory.ReservationConflictException;
import dev.dropsync.inventory.ReservationLine;
import dev.dropsync.inventory.ReservationStatus;
import dev.dropsync.inventory.StockReservations;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.VariantLookup;
import dev.dropsync.inventory.VariantRef;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The order fulfilment engine. Create one with {@link #builder()} and share it: it is immutable and
 * thread-safe, keeps no state of its own (everything lives in the {@link OrderStore}), and every
 * change is a compare-and-set on a stored version, so any number of threads or processes may call
 * it for the same order.
 *
 * <p>{@link #processOrder} runs the pipeline (reserve stock → quote freight → place one supplier
 * order per supplier → commit the reservation → notify the customer → record commission). Every
 * step is idempotent and the pipeline resumes where it stopped after a crash or an SPI failure:
 * supplier orders are stored OPEN with the reference {@code {orderId}-{group}}, moved to
 * SUBMITTING before the supplier is called, and after an unknown outcome the reference is looked up
 * at the supplier before anything is sent again, so a retry never places a second supplier order.
 * A SUBMITTING attempt that may still be running elsewhere is left alone until {@link
 * Builder#submissionLease} has passed.
 *
 * <p>Bad input fails with inventory-core's {@link InvalidInputException} / {@link
 * NotFoundException} naming the field and value, before anything is stored, reserved or placed.
 *
 * @since 0.1.0
 */
public final class FulfillmentEngine {
  private static final String SYSTEM = "system";
  private static final String SUPPLIER = "supplier";
  private static final int MAX_LOOPS = 32;

  private final OrderStore store;
  private final StockReservations stock;
  private final VariantLookup variants;
  private final FreightQuotes freight;
  private final SupplierOrders suppliers;
  private final Notifier notifier;
  private final MetricsStore metricsStore;
  private final Clock clock;
  private final ShippingPolicy shippingPolicy;
  private final StockPolicy stockPolicy;
  private final CommissionPolicies commissions;
  private final Duration submissionLease;
  private final int maxSubmitAttempts;
  private final int maxNotifyAttempts;
  private final Duration shipSla;

  private FulfillmentEngine(Builder b) {
    this.store = require(b.store, "orderStore");
    this.stock = require(b.stock, "stock");
    this.variants = require(b.variants, "variants");
    this.freight = require(b.freight, "freightQuotes");
    this.suppliers = require(b.suppliers, "supplierOrders");
    this.notifier = require(b.notifier, "notifier");
    this.metricsStore = b.metricsStore == null ? new InMemoryMetricsStore() : b.metricsStore;
    this.clock = b.clock;
    this.shippingPolicy = b.shippingPolicy;
    this.stockPolicy = b.stockPolicy;
    this.commissions = b.commissions;
    this.submissionLease = b.submissionLease;
    this.maxSubmitAttempts = b.maxSubmitAttempts;
    this.maxNotifyAttempts = b.maxNotifyAttempts;
    this.shipSla = b.shipSla;
  }

  private static <T> T require(@Nullable T value, String field) {
    if (value == null) {
      throw new InvalidInputException(field, null, "is required");
    }
    return value;
  }

  /** A new builder. Not thread-safe. */
  public static Builder builder() {
    return new Builder();
  }

  // ------------------------------------------------------------------ orders

  /**
   * Validates and stores a new PENDING order. Idempotent: creating the same order id again with the
   * same content returns the stored order.
   *
   * @throws InvalidInputException on bad input, or if the id exists with different content
   * @throws NotFoundException naming {@code lines[i].variant} if a variant is unknown for the tenant
   * @throws CurrencyMismatchException if the tenant's commission basis is PROFIT and a variant's cost
   *     is in another currency
   */
  public Order createOrder(OrderRequest request) {
    Objects.requireNonNull(request, "request");
    TenantId tenant = request.tenant();
    boolean profit = commissions.policyFor(tenant).basis() == CommissionBasis.PROFIT;
    for (int i = 0; i < request.lines().size(); i++) {
      OrderLine line = request.lines().get(i);
      Optional<VariantRef> ref = variants.findVariant(tenant, line.variant());
      if (ref.isEmpty()) {
        throw new NotFoundException("lines[" + i + "].variant", line.variant().value());
      }
      if (profit && !ref.get().cost().currency().equals(request.currency())) {
        throw new CurrencyMismatchException(request.currency(), ref.get().cost().currency());
      }
    }
    Instant now = clock.instant();
    Order order = new Order(tenant, request.orderId(), request.lines(), request.currency(),
        request.shippingCharge(), request.shippingAddress(), request.customer(), OrderStatus.PENDING, null,
        FulfillmentStatus.UNFULFILLED, null, List.of(), false, false, null, List.of(),
        List.of(new StatusChange<>(null, OrderStatus.PENDING, now, SYSTEM, "created")), now, now, null, null, 1);
    if (store.insertOrder(order)) {
      return order;
    }
    Order existing = getOrder(tenant, request.orderId());
    if (existing.lines().equals(order.lines()) && existing.currency().equals(order.currency())
        && existing.shippingCharge().equals(order.shippingCharge())
        && existing.shippingAddress().equals(order.shippingAddress())
        && existing.customer().equals(order.customer())) {
      return existing;
    }
    throw new InvalidInputException("orderId", request.orderId().value(), "already exists with different content");
  }

  /** The order, if the tenant has it. */
  public Optional<Order> findOrder(TenantId tenant, OrderId id) {
    return store.findOrder(tenant, id);
  }

  /** The order. @throws NotFoundException naming {@code orderId} if the tenant has no such order */
  public Order getOrder(TenantId tenant, OrderId id) {
    return store.findOrder(tenant, id).orElseThrow(() -> new NotFoundException("orderId", id.value()));
  }

  /** The supplier orders of an order, by group. @throws NotFoundException if the order is unknown */
  public List<SupplierOrder> supplierOrders(TenantId tenant, OrderId id) {
    getOrder(tenant, id);
    return store.supplierOrdersOf(tenant, id);
  }

  /**
   * The tenant's orders created in {@code [from, to)}, oldest first (ties by id). Used by sweeps
   * that resume unfinished orders and poll open supplier orders.
   *
   * @throws InvalidInputException if {@code to} is before {@code from}
   */
  public List<Order> listOrders(TenantId tenant, Instant from, Instant to) {
    Objects.requireNonNull(tenant, "tenant");
    if (to.isBefore(from)) {
      throw new InvalidInputException("to", to, "must not be before from (" + from + ")");
    }
    List<Order> out = new ArrayList<>(store.listOrders(tenant, from, to));
    out.sort(java.util.Comparator.comparing(Order::createdAt).thenComparing(o -> o.id().value()));
    return out;
  }

  /** The supplier order with our {@code reference}, if the tenant has it. */
  public Optional<SupplierOrder> findSupplierOrder(TenantId tenant, String reference) {
    return store.findSupplierOrder(tenant, Objects.requireNonNull(reference, "reference"));
  }

  /**
   * The tenant's supplier orders at {@code supplierId} that the supplier knows as {@code externalId}
   * (its own order id or the tracking number), ordered by reference: routes supplier webhooks that
   * do not carry our reference (CJ LOGISTIC messages). See {@link OrderStore#findSupplierOrdersByExternalId}.
   */
  public List<SupplierOrder> findSupplierOrdersByExternalId(TenantId tenant, String supplierId, String externalId) {
    return store.findSupplierOrdersByExternalId(tenant, Objects.requireNonNull(supplierId, "supplierId"),
        Objects.requireNonNull(externalId, "externalId"));
  }

  /** The order's communication log, oldest first. @throws NotFoundException if the order is unknown */
  public List<CommunicationRecord> communications(TenantId tenant, OrderId id) {
    getOrder(tenant, id);
    return store.communications(tenant, id);
  }

  // ------------------------------------------------------------------ pipeline

  /**
   * Runs (or resumes) the fulfilment pipeline of a PENDING, CONFIRMED, PROCESSING or auto-retryable
   * ON_HOLD order (OUT_OF_STOCK, NO_SHIPPING_OPTION); other statuses are returned unchanged. Safe to
   * call any number of times, concurrently, and after any failure: exactly one supplier order per
   * group is placed, the reservation is committed once, the confirmation is sent at most once and
   * the commission is recorded once. Call it once payment is captured.
   *
   * @return the order as it stands afterwards (PROCESSING once everything is placed, ON_HOLD if
   *     stock, freight or a supplier refused)
   * @throws NotFoundException naming {@code orderId} if the tenant has no such order
   * @throws StepFailedException if an SPI failed; call again to resume
   */
  public Order processOrder(TenantId tenant, OrderId id) {
    Order o = getOrder(tenant, id);
    for (int i = 0; i < MAX_LOOPS; i++) {
      switch (o.status()) {
        case PENDING -> {
          o = reserveStep(o);
          if (o.status() == OrderStatus.ON_HOLD) {
            return o;
          }
        }
        case ON_HOLD -> {
          if (o.cancellationRequested()) {
            return o;
          }
          if (o.holdReason() == HoldReason.OUT_OF_STOCK) {
            Order n = reserveStep(o);
            if (n.status() == OrderStatus.ON_HOLD) {
              return n;
            }
            o = n;
          } else if (o.holdReason() == HoldReason.NO_SHIPPING_OPTION && o.allocated() != null) {
            Optional<List<ShipmentGroup>> plan = plan(o);
            if (plan.isEmpty()) {
              return o;
            }
            o = updateOrder(o, cur -> {
              if (cur.status() != OrderStatus.ON_HOLD || cur.holdReason() != HoldReason.NO_SHIPPING_OPTION) {
                return null;
              }
              OrderEdit e = new OrderEdit(cur);
              e.shipments = plan.get();
              e.move(OrderStatus.CONFIRMED, clock.instant(), SYSTEM, "freight option found");
              return e.build(clock.instant());
            });
          } else {
            return o;
          }
        }
        case CONFIRMED -> {
          if (o.cancellationRequested()) {
            return o;
          }
          if (o.shipments().isEmpty()) {
            Optional<List<ShipmentGroup>> plan = plan(o);
            o = updateOrder(o, cur -> {
              if (cur.status() != OrderStatus.CONFIRMED || !cur.shipments().isEmpty()) {
                return null;
              }
              OrderEdit e = new OrderEdit(cur);
              if (plan.isPresent()) {
                // store the plan and start placing in one write
                e.shipments = plan.get();
                e.move(OrderStatus.PROCESSING, clock.instant(), SYSTEM, "placing supplier orders");
              } else {
                e.move(OrderStatus.ON_HOLD, clock.instant(), SYSTEM, "no freight option satisfies the shipping policy");
                e.holdReason = HoldReason.NO_SHIPPING_OPTION;
              }
              return e.build(clock.instant());
            });
            if (o.status() == OrderStatus.ON_HOLD) {
              return o;
            }
          } else {
            o = updateOrder(o, cur -> {
              if (cur.status() != OrderStatus.CONFIRMED || cur.cancellationRequested()) {
                return null;
              }
              OrderEdit e = new OrderEdit(cur);
              e.move(OrderStatus.PROCESSING, clock.instant(), SYSTEM, "placing supplier orders");
              return e.build(clock.instant());
            });
          }
        }
        case PROCESSING -> {
          return placeAndFinish(o);
        }
        case SHIPPED, DELIVERED -> {
          return placeAndFinish(o);
        }
        default -> {
          return o;
        }
      }
    }
    return o;
  }

  private Order reserveStep(Order o) {
    TenantId t = o.tenant();
    String ref = o.id().value();
    List<ReservationLine> lines;
    try {
      Optional<Reservation> existing = stock.findReservation(t, ref);
      if (existing.isPresent() && existing.get().status() != ReservationStatus.RELEASED) {
        lines = existing.get().lines();
      } else if (existing.isPresent()) {
        return hold(o, HoldReason.OUT_OF_STOCK, "reservation was released");
      } else {
        List<ReservationLine> wanted = new ArrayList<>();
        for (OrderLine l : o.lines()) {
          wanted.add(new ReservationLine(l.variant(), l.quantity()));
        }
        lines = reserve(o, wanted);
        if (lines == null) {
          return hold(o, HoldReason.OUT_OF_STOCK, "not enough stock");
        }
      }
    } catch (InvalidInputException | NotFoundException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new StepFailedException(o.id(), PipelineStep.RESERVE, e);
    }
    List<ReservationLine> reserved = lines;
    return updateOrder(o, cur -> {
      if (cur.status() != OrderStatus.PENDING
          && !(cur.status() == OrderStatus.ON_HOLD && cur.holdReason() == HoldReason.OUT_OF_STOCK)) {
        return null;
      }
      if (cur.cancellationRequested()) {
        return null;
      }
      OrderEdit e = new OrderEdit(cur);
      e.allocated = reserved;
      long got = reserved.stream().mapToLong(ReservationLine::quantity).sum();
      long ordered = cur.lines().stream().mapToLong(OrderLine::quantity).sum();
      e.move(OrderStatus.CONFIRMED, clock.instant(), SYSTEM,
          got == ordered ? "stock reserved" : "stock reserved for " + got + " of " + ordered + " units");
      return e.build(clock.instant());
    });
  }

  private @Nullable List<ReservationLine> reserve(Order o, List<ReservationLine> wanted) {
    TenantId t = o.tenant();
    String ref = o.id().value();
    try {
      return stock.reserve(t, ref, wanted).lines();
    } catch (ReservationConflictException c) {
      return stock.findReservation(t, ref).map(Reservation::lines).orElse(null);
    } catch (InsufficientStockException e) {
      if (stockPolicy == StockPolicy.HOLD) {
        return null;
      }
    }
    for (int attempt = 0; attempt < 5; attempt++) {
      List<ReservationLine> partial = new ArrayList<>();
      for (ReservationLine l : wanted) {
        long q = Math.min(l.quantity(), stock.available(t, l.variant()));
        if (q > 0) {
          partial.add(new ReservationLine(l.variant(), q));
        }
      }
      if (partial.isEmpty()) {
        return null;
      }
      try {
        return stock.reserve(t, ref, partial).lines();
      } catch (ReservationConflictException c) {
        return stock.findReservation(t, ref).map(Reservation::lines).orElse(null);
      } catch (InsufficientStockException e) {
        // stock moved under us; measure again
      }
    }
    return null;
  }

  private Order hold(Order o, HoldReason reason, String detail) {
    return updateOrder(o, cur -> {
      if (cur.status() == OrderStatus.ON_HOLD || !OrderLifecycle.isAllowed(cur.status(), OrderStatus.ON_HOLD)) {
        return null;
      }
      OrderEdit e = new OrderEdit(cur);
      e.move(OrderStatus.ON_HOLD, clock.instant(), SYSTEM, detail);
      e.holdReason = reason;
      return e.build(clock.instant());
    });
  }

  private Optional<List<ShipmentGroup>> plan(Order o) {
    List<ReservationLine> allocated = o.allocated();
    if (allocated == null) {
      return Optional.empty();
    }
    Map<String, List<ShipmentLine>> bySupplier = new TreeMap<>();
    for (ReservationLine r : allocated) {
      VariantRef vr = variants.findVariant(o.tenant(), r.variant())
          .orElseThrow(() -> new NotFoundException("variantId", r.variant().value()));
      bySupplier.computeIfAbsent(vr.supplierId(), k -> new ArrayList<>())
          .add(new ShipmentLine(r.variant(), vr.supplierVariantId(), vr.sku(), r.quantity(), vr.cost()));
    }
    List<ShipmentGroup> groups = new ArrayList<>();
    int g = 1;
    for (Map.Entry<String, List<ShipmentLine>> e : bySupplier.entrySet()) {
      List<FreightItem> items = new ArrayList<>();
      for (ShipmentLine l : e.getValue()) {
        items.add(new FreightItem(l.supplierVariantId(), l.quantity()));
      }
      List<FreightOption> options;
      try {
        options = freight.quote(new FreightQuoteRequest(o.tenant(), e.getKey(), o.shippingAddress().country(),
            o.shippingAddress().zip(), items, o.currency()));
      } catch (RuntimeException ex) {
        throw new StepFailedException(o.id(), PipelineStep.QUOTE, ex);
      }
      List<FreightOption> sameCurrency = options.stream().filter(f -> f.price().currency().equals(o.currency())).toList();
      Optional<FreightOption> chosen = shippingPolicy.choose(sameCurrency);
      if (chosen.isEmpty()) {
        return Optional.empty();
      }
      groups.add(new ShipmentGroup(g, e.getKey(), ShipmentGroup.referenceOf(o.id(), g), e.getValue(), chosen.get()));
      g++;
    }
    return Optional.of(groups);
  }

  private Order placeAndFinish(Order o) {
    if (o.cancellationRequested()) {
      return reconcile(o.tenant(), o.id());
    }
    boolean allPlaced = true;
    boolean rejected = false;
    boolean exhausted = false;
    String rejection = "";
    StepFailedException failure = null;
    for (ShipmentGroup group : o.shipments()) {
      try {
        SupplierOrder so = placeGroup(o, group);
        switch (so.status()) {
          case REJECTED -> {
            rejected = true;
            rejection = so.reference() + ": " + so.lastError();
          }
          case SUBMITTING -> {
            allPlaced = false;
            if (!so.attemptInFlight() && so.attempts() >= maxSubmitAttempts) {
              exhausted = true;
            }
          }
          case OPEN -> allPlaced = false;
          default -> { }
        }
      } catch (StepFailedException e) {
        allPlaced = false;
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    Order cur = getOrder(o.tenant(), o.id());
    if (cur.cancellationRequested()) {
      return reconcile(o.tenant(), o.id());
    }
    if (rejected) {
      String detail = "supplier rejected " + rejection;
      return holdFrom(cur, HoldReason.SUPPLIER_REJECTED, detail);
    }
    if (exhausted) {
      Order failed = updateOrder(cur, c -> {
        if (c.status() != OrderStatus.PROCESSING) {
          return null;
        }
        OrderEdit e = new OrderEdit(c);
        e.move(OrderStatus.FAILED, clock.instant(), SYSTEM, "supplier order placement retries spent");
        return e.build(clock.instant());
      });
      if (failed.status() == OrderStatus.FAILED) {
        notifyOnce(failed, NotificationType.FAILED, "failed", null, "we could not place your order");
      }
      return failed;
    }
    if (failure != null) {
      throw failure;
    }
    if (!allPlaced || cur.status() != OrderStatus.PROCESSING && cur.status() != OrderStatus.SHIPPED
        && cur.status() != OrderStatus.DELIVERED) {
      return cur;
    }
    return finish(cur);
  }

  private Order holdFrom(Order o, HoldReason reason, String detail) {
    return updateOrder(o, c -> {
      if (c.status() != OrderStatus.PROCESSING) {
        return null;
      }
      OrderEdit e = new OrderEdit(c);
      e.move(OrderStatus.ON_HOLD, clock.instant(), SUPPLIER, detail);
      e.holdReason = reason;
      return e.build(clock.instant());
    });
  }

  private SupplierOrder placeGroup(Order o, ShipmentGroup group) {
    TenantId t = o.tenant();
    try {
      store.insertSupplierOrder(SupplierOrder.open(t, o.id(), group, clock.instant()));
    } catch (RuntimeException e) {
      throw new StepFailedException(o.id(), PipelineStep.PLACE, e);
    }
    for (int i = 0; i < MAX_LOOPS; i++) {
      SupplierOrder so = loadSo(t, group.reference());
      Instant now = clock.instant();
      switch (so.status()) {
        case OPEN -> {
          SupplierOrder claimed = claim(so, now);
          if (claimed != null) {
            return submit(o, claimed, false);
          }
        }
        case SUBMITTING -> {
          Instant started = so.attemptStartedAt();
          if (so.attemptInFlight() && started != null && now.isBefore(started.plus(submissionLease))) {
            return so; // another caller is sending it right now
          }
          if (so.attempts() >= maxSubmitAttempts) {
            return finalLookup(o, so);
          }
          SupplierOrder claimed = claim(so, now);
          if (claimed != null) {
            return submit(o, claimed, true);
          }
        }
        default -> {
          return so;
        }
      }
    }
    return loadSo(t, group.reference());
  }

  private SupplierOrder loadSo(TenantId t, String reference) {
    return store.findSupplierOrder(t, reference).orElseThrow(() -> new NotFoundException("reference", reference));
  }

  private @Nullable SupplierOrder claim(SupplierOrder so, Instant now) {
    SupplierOrderEdit e = new SupplierOrderEdit(so);
    if (so.status() == SupplierOrderStatus.OPEN) {
      e.move(SupplierOrderStatus.SUBMITTING, now, SYSTEM, "sending to supplier");
    } else {
      e.history.add(new StatusChange<>(SupplierOrderStatus.SUBMITTING, SupplierOrderStatus.SUBMITTING, now, SYSTEM,
          "outcome unknown; looking up the reference before sending again"));
    }
    e.attempts = so.attempts() + 1;
    e.attemptInFlight = true;
    e.attemptStartedAt = now;
    SupplierOrder next = e.build(now);
    return store.replaceSupplierOrder(next, so.version()) ? next : null;
  }

  private SupplierOrder submit(Order o, SupplierOrder so, boolean lookupFirst) {
    try {
      if (lookupFirst) {
        Optional<SupplierOrderSnapshot> found = suppliers.find(o.tenant(), so.supplierId(), so.reference());
        if (found.isPresent()) {
          return adopt(so, found.get());
        }
      }
      if (getOrder(o.tenant(), o.id()).cancellationRequested()) {
        return finishAttempt(so, SupplierOrderStatus.CANCELLED, null, "withdrawn before sending: order cancelled");
      }
      PlacementResult result = suppliers.place(new SupplierOrderRequest(o.tenant(), so.supplierId(), so.reference(),
          o.id(), so.lines(), so.freight(), o.shippingAddress(), o.customer()));
      String supplierOrderId = result.supplierOrderId();
      if (supplierOrderId != null) {
        return finishAttempt(so, SupplierOrderStatus.SUBMITTED, supplierOrderId, "created at supplier");
      }
      return finishAttempt(so, SupplierOrderStatus.REJECTED, null, "rejected: " + result.rejectionReason());
    } catch (RuntimeException e) {
      try {
        SupplierOrderEdit edit = new SupplierOrderEdit(so);
        edit.attemptInFlight = false;
        edit.lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
        store.replaceSupplierOrder(edit.build(clock.instant()), so.version());
      } catch (RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw new StepFailedException(o.id(), PipelineStep.PLACE, e);
    }
  }

  private SupplierOrder finalLookup(Order o, SupplierOrder so) {
    Optional<SupplierOrderSnapshot> found;
    try {
      found = suppliers.find(o.tenant(), so.supplierId(), so.reference());
    } catch (RuntimeException e) {
      throw new StepFailedException(o.id(), PipelineStep.PLACE, e);
    }
    return found.isPresent() ? adopt(so, found.get()) : so;
  }

  private SupplierOrder adopt(SupplierOrder so, SupplierOrderSnapshot found) {
    SupplierOrder adopted = finishAttempt(so, SupplierOrderStatus.SUBMITTED, found.supplierOrderId(),
        "found at supplier by reference; adopted");
    if (adopted.status() == SupplierOrderStatus.SUBMITTED && found.status() != SupplierOrderStatus.SUBMITTED) {
      applySupplierUpdate(so.tenant(), toUpdate(found));
      return loadSo(so.tenant(), so.reference());
    }
    return adopted;
  }

  private SupplierOrder finishAttempt(SupplierOrder so, SupplierOrderStatus to, @Nullable String supplierOrderId, String why) {
    Instant now = clock.instant();
    SupplierOrder cur = so;
    for (int i = 0; i < MAX_LOOPS; i++) {
      if (cur.status() != SupplierOrderStatus.SUBMITTING) {
        return cur; // someone else resolved it
      }
      SupplierOrderEdit e = new SupplierOrderEdit(cur);
      e.move(to, now, SYSTEM, why);
      e.attemptInFlight = false;
      if (supplierOrderId != null) {
        e.supplierOrderId = supplierOrderId;
      }
      if (to == SupplierOrderStatus.REJECTED) {
        e.lastError = why;
      }
      SupplierOrder next = e.build(now);
      if (store.replaceSupplierOrder(next, cur.version())) {
        return next;
      }
      cur = loadSo(so.tenant(), so.reference());
    }
    return cur;
  }

  private Order finish(Order o) {
    TenantId t = o.tenant();
    if (!o.reservationCommitted()) {
      try {
        stock.commit(t, o.id().value());
      } catch (RuntimeException e) {
        throw new StepFailedException(o.id(), PipelineStep.COMMIT, e);
      }
    }
    notifyOnce(o, NotificationType.CONFIRMED, "confirmed", null, "your order is confirmed");
    CommissionSplit split = o.commission();
    if (split == null) {
      split = recordSale(o);
    }
    ensureRefundEntries(o, split);
    CommissionSplit recorded = split;
    return updateOrder(o, cur -> {
      if (cur.reservationCommitted() && cur.commission() != null) {
        return null;
      }
      OrderEdit e = new OrderEdit(cur);
      e.reservationCommitted = true;
      if (e.commission == null) {
        e.commission = recorded;
      }
      return e.build(clock.instant());
    });
  }

  private CommissionSplit recordSale(Order o) {
    String entryId = o.id().value() + ":sale";
    try {
      Optional<EarningEntry> existing = store.findEarning(o.tenant(), entryId);
      if (existing.isPresent()) {
        return existing.get().split();
      }
      CommissionPolicy policy = commissions.policyFor(o.tenant());
      CommissionSplit split = policy.split(base(o, policy.basis()));
      if (!store.appendEarning(new EarningEntry(o.tenant(), entryId, o.id(), EarningEntry.Kind.SALE, split, clock.instant()))) {
        return store.findEarning(o.tenant(), entryId).map(EarningEntry::split).orElse(split);
      }
      return split;
    } catch (InventoryException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new StepFailedException(o.id(), PipelineStep.COMMISSION, e);
    }
  }

  private Money base(Order o, CommissionBasis basis) {
    Money goods = o.allocatedGoodsTotal();
    Money total = goods.plus(o.shippingCharge());
    return switch (basis) {
      case GOODS -> goods;
      case ORDER_TOTAL -> total;
      case PROFIT -> {
        Money profit = total;
        for (ShipmentGroup g : o.shipments()) {
          for (ShipmentLine l : g.lines()) {
            profit = profit.minus(l.unitCost().times(l.quantity()));
          }
          profit = profit.minus(g.freight().price());
        }
        yield profit.isNegative() ? Money.zero(o.currency()) : profit;
      }
    };
  }

  /** Reversal entries: cumulative refunded share of the charged total maps to the same share of the base. */
  private void ensureRefundEntries(Order o, CommissionSplit sale) {
    Money charged = o.chargedTotal();
    Money before = Money.zero(o.currency());
    for (Refund r : o.refunds()) {
      Money after = before.plus(r.amount());
      String entryId = o.id().value() + ":refund:" + r.refundId();
      if (store.findEarning(o.tenant(), entryId).isEmpty()) {
        Money baseBefore = refundedBase(sale.base(), before, charged);
        Money baseAfter = refundedBase(sale.base(), after, charged);
        Money clientDelta = baseAfter.times(sale.clientRate()).minus(baseBefore.times(sale.clientRate()));
        Money baseDelta = baseAfter.minus(baseBefore);
        CommissionSplit reversal = new CommissionSplit(baseDelta, clientDelta, baseDelta.minus(clientDelta),
            sale.clientRate()).negated();
        store.appendEarning(new EarningEntry(o.tenant(), entryId, o.id(), EarningEntry.Kind.REFUND, reversal, r.at()));
      }
      before = after;
    }
  }

  private static Money refundedBase(Money base, Money refunded, Money charged) {
    if (charged.isZero()) {
      return Money.zero(base.currency());
    }
    if (refunded.compareTo(charged) >= 0) {
      return base;
    }
    BigDecimal v = base.amount().multiply(refunded.amount())
        .divide(charged.amount(), base.amount().scale(), RoundingMode.HALF_EVEN);
    return Money.of(v, base.currency());
  }

  // ------------------------------------------------------------------ refunds, holds, cancel

  /**
   * Records a refund paid to the customer and reverses its share of the commission: the refunded
   * fraction of the charged total is taken off the commission base and split by the same rule
   * (cumulatively, so refunding everything reverses the sale exactly). Idempotent by {@code
   * refundId}.
   *
   * @throws NotFoundException if the order is unknown
   * @throws InvalidInputException if the amount is not positive, refunds would exceed the charged
   *     total, or {@code refundId} was recorded with another amount
   * @throws CurrencyMismatchException if {@code amount} is not in the order currency
   */
  public Order recordRefund(TenantId tenant, OrderId id, String refundId, Money amount, String reason) {
    Refund refund = new Refund(refundId, amount, Objects.requireNonNull(reason, "reason"), clock.instant());
    Order o = getOrder(tenant, id);
    Money.zero(o.currency()).requireSameCurrency(amount);
    Order updated = updateOrder(o, cur -> {
      for (Refund r : cur.refunds()) {
        if (r.refundId().equals(refundId)) {
          if (r.amount().compareTo(amount) != 0) {
            throw new InvalidInputException("refundId", refundId, "was already recorded with amount " + r.amount());
          }
          return null;
        }
      }
      Money after = cur.refundedTotal().plus(amount);
      if (after.compareTo(cur.chargedTotal()) > 0) {
        throw new InvalidInputException("amount", amount,
            "must not exceed the refundable " + cur.chargedTotal().minus(cur.refundedTotal()));
      }
      OrderEdit e = new OrderEdit(cur);
      e.refunds.add(refund);
      return e.build(clock.instant());
    });
    CommissionSplit sale = updated.commission();
    if (sale != null) {
      ensureRefundEntries(updated, sale);
    }
    return updated;
  }

  /**
   * Puts an order ON_HOLD (reason MANUAL).
   *
   * @throws IllegalTransitionException if its status cannot move to ON_HOLD
   * @throws NotFoundException if the order is unknown
   */
  public Order hold(TenantId tenant, OrderId id, String actor, String reason) {
    return updateOrder(getOrder(tenant, id), cur -> {
      if (cur.status() == OrderStatus.ON_HOLD) {
        return null;
      }
      OrderEdit e = new OrderEdit(cur);
      e.move(OrderStatus.ON_HOLD, clock.instant(), actor, reason);
      e.holdReason = HoldReason.MANUAL;
      return e.build(clock.instant());
    });
  }

  /**
   * Releases an ON_HOLD order or retries a FAILED one (an operator's decision), then runs {@link
   * #processOrder}. A FAILED order's unresolved supplier orders get a fresh attempt budget; they are
   * still looked up by reference before being sent again.
   *
   * @throws IllegalTransitionException if the order is neither ON_HOLD nor FAILED
   * @throws NotFoundException if the order is unknown
   * @throws StepFailedException if an SPI failed while processing; call {@code processOrder} again
   */
  public Order resume(TenantId tenant, OrderId id, String actor, String reason) {
    Order o = getOrder(tenant, id);
    if (o.status() != OrderStatus.ON_HOLD && o.status() != OrderStatus.FAILED) {
      throw new IllegalTransitionException(id, o.status(), OrderStatus.CONFIRMED);
    }
    if (o.status() == OrderStatus.FAILED) {
      for (SupplierOrder so : store.supplierOrdersOf(tenant, id)) {
        if (so.status() == SupplierOrderStatus.SUBMITTING && !so.attemptInFlight()) {
          SupplierOrderEdit e = new SupplierOrderEdit(so);
          e.attempts = 0;
          store.replaceSupplierOrder(e.build(clock.instant()), so.version());
        }
      }
    }
    boolean placed = !store.supplierOrdersOf(tenant, id).isEmpty();
    updateOrder(o, cur -> {
      if (cur.status() != OrderStatus.ON_HOLD && cur.status() != OrderStatus.FAILED) {
        return null;
      }
      OrderEdit e = new OrderEdit(cur);
      if (cur.allocated() == null) {
        e.holdReason = HoldReason.OUT_OF_STOCK; // processOrder retries the reservation
      } else if (cur.status() == OrderStatus.FAILED) {
        e.move(OrderStatus.CONFIRMED, clock.instant(), actor, reason);
      } else {
        e.move(placed ? OrderStatus.PROCESSING : OrderStatus.CONFIRMED, clock.instant(), actor, reason);
      }
      return e.build(clock.instant());
    });
    return processOrder(tenant, id);
  }

  /**
   * Cancels an order. Before any supplier order was sent: withdraws them, releases the reservation
   * and marks the order CANCELLED. After placement: asks each supplier to cancel ({@link
   * SupplierOrders#cancel}) and records the answers; the order becomes CANCELLED only once every
   * supplier order is cancelled (a PENDING answer is resolved by a later supplier update; a refusal
   * lets the order continue). A recorded commission is reversed by a full refund. Idempotent.
   *
   * @throws IllegalTransitionException if the order already SHIPPED or was DELIVERED
   * @throws NotFoundException if the order is unknown
   */
  public CancellationResult cancel(TenantId tenant, OrderId id, String actor, String reason) {
    Order o = getOrder(tenant, id);
    if (o.status() == OrderStatus.CANCELLED) {
      return new CancellationResult(o, Map.of(), true);
    }
    o = updateOrder(o, cur -> {
      if (cur.status() == OrderStatus.CANCELLED || cur.cancellationRequested()) {
        return null;
      }
      OrderLifecycle.check(cur.id(), cur.status(), OrderStatus.CANCELLED);
      OrderEdit e = new OrderEdit(cur);
      e.cancellationRequested = true;
      return e.build(clock.instant());
    });
    Map<String, CancellationAnswer> answers = new LinkedHashMap<>();
    for (SupplierOrder so : store.supplierOrdersOf(tenant, id)) {
      answers.put(so.reference(), cancelSupplierOrder(so));
    }
    Order after = reconcile(tenant, id, actor, reason);
    return new CancellationResult(after, answers, after.status() == OrderStatus.CANCELLED);
  }

  private CancellationAnswer cancelSupplierOrder(SupplierOrder start) {
    SupplierOrder so = start;
    TenantId t = so.tenant();
    for (int i = 0; i < MAX_LOOPS; i++) {
      Instant now = clock.instant();
      switch (so.status()) {
        case OPEN -> {
          if (moveSo(so, SupplierOrderStatus.CANCELLED, "withdrawn before sending: order cancelled", null)) {
            return CancellationAnswer.accepted("withdrawn before it was sent");
          }
        }
        case SUBMITTING -> {
          Instant started = so.attemptStartedAt();
          if (so.attemptInFlight() && started != null && now.isBefore(started.plus(submissionLease))) {
            return CancellationAnswer.pending("submission in flight; cancel again later");
          }
          Optional<SupplierOrderSnapshot> found;
          try {
            found = suppliers.find(t, so.supplierId(), so.reference());
          } catch (RuntimeException e) {
            return CancellationAnswer.pending("lookup failed: " + e.getMessage());
          }
          if (found.isPresent()) {
            adopt(so, found.get());
          } else if (moveSo(so, SupplierOrderStatus.CANCELLED, "never reached the supplier; withdrawn", null)) {
            return CancellationAnswer.accepted("never reached the supplier");
          }
        }
        case SUBMITTED, ACCEPTED, IN_PROGRESS, CANCELLATION_REQUESTED -> {
          if (so.status() != SupplierOrderStatus.CANCELLATION_REQUESTED) {
            if (!moveSo(so, SupplierOrderStatus.CANCELLATION_REQUESTED, "cancellation requested", so.status())) {
              so = loadSo(t, so.reference());
              continue;
            }
            so = loadSo(t, so.reference());
          }
          CancellationAnswer answer;
          try {
            answer = suppliers.cancel(t, so.supplierId(), so.reference());
          } catch (RuntimeException e) {
            return CancellationAnswer.pending("supplier unavailable: " + e.getMessage());
          }
          SupplierOrderStatus prev = so.previousStatus();
          switch (answer.outcome()) {
            case ACCEPTED -> moveSo(so, SupplierOrderStatus.CANCELLED, "cancelled by supplier: " + answer.detail(), null);
            case REFUSED -> moveSo(so, prev == null ? SupplierOrderStatus.SUBMITTED : prev,
                "cancellation refused: " + answer.detail(), null);
            case PENDING -> { }
          }
          return answer;
        }
        case CANCELLED -> {
          return CancellationAnswer.accepted("already cancelled");
        }
        case REJECTED -> {
          return CancellationAnswer.accepted("never placed (rejected by supplier)");
        }
        default -> {
          return CancellationAnswer.refused("supplier order is " + so.status());
        }
      }
      so = loadSo(t, so.reference());
    }
    return CancellationAnswer.pending("concurrent changes; cancel again");
  }

  private boolean moveSo(SupplierOrder so, SupplierOrderStatus to, String why, @Nullable SupplierOrderStatus previous) {
    Instant now = clock.instant();
    SupplierOrderEdit e = new SupplierOrderEdit(so);
    e.move(to, now, SYSTEM, why);
    e.previousStatus = previous;
    e.attemptInFlight = false;
    return store.replaceSupplierOrder(e.build(now), so.version());
  }

  // ------------------------------------------------------------------ supplier updates

  /**
   * Applies a status/tracking update from polling or a webhook. Idempotent and ordered: an update
   * whose {@code messageId} was seen, or whose {@code asOf} is not newer than the last applied one,
   * is ignored; a status that is not reachable forward from the current one (e.g. SHIPPED after
   * DELIVERED) is never applied. Derives the order's SHIPPED/DELIVERED status and fulfilment status
   * and sends SHIPPED / DELIVERED notifications once.
   *
   * @throws NotFoundException naming {@code reference} if the tenant has no such supplier order
   */
  public UpdateOutcome applySupplierUpdate(TenantId tenant, SupplierUpdate update) {
    Objects.requireNonNull(update, "update");
    for (int i = 0; i < MAX_LOOPS; i++) {
      SupplierOrder so = loadSo(tenant, update.reference());
      String messageId = update.messageId();
      if (messageId != null && so.lastMessageIds().contains(messageId)) {
        return UpdateOutcome.DUPLICATE;
      }
      Instant last = so.lastUpdateAt();
      if (last != null && !update.asOf().isAfter(last)) {
        return update.asOf().equals(last) ? UpdateOutcome.DUPLICATE : UpdateOutcome.STALE;
      }
      SupplierOrderStatus cur = so.status();
      SupplierOrderStatus target = update.status();
      SupplierOrderStatus next = cur;
      boolean backwards = false;
      if (target != cur) {
        if (cur == SupplierOrderStatus.OPEN || cur == SupplierOrderStatus.SUBMITTING) {
          next = target; // the supplier has it: adopt
        } else if (cur == SupplierOrderStatus.CANCELLATION_REQUESTED) {
          SupplierOrderStatus prev = so.previousStatus();
          if (target == SupplierOrderStatus.CANCELLED || target == prev
              || prev != null && SupplierOrderLifecycle.isReachable(prev, target)) {
            next = target;
          } else {
            backwards = true;
          }
        } else if (SupplierOrderLifecycle.isReachable(cur, target)) {
          next = target;
        } else {
          backwards = true;
        }
      }
      Tracking tracking = so.tracking().mergedWith(update.tracking());
      List<TrackingEvent> events = mergeEvents(so.events(), update.events());
      String supplierOrderId = so.supplierOrderId() != null ? so.supplierOrderId() : update.supplierOrderId();
      boolean changed = next != cur || !tracking.equals(so.tracking()) || events.size() != so.events().size()
          || !Objects.equals(supplierOrderId, so.supplierOrderId());
      if (!changed) {
        return backwards ? UpdateOutcome.STALE : UpdateOutcome.DUPLICATE;
      }
      Instant now = clock.instant();
      SupplierOrderEdit e = new SupplierOrderEdit(so);
      if (next != cur) {
        e.history.add(new StatusChange<>(cur, next, now, SUPPLIER, update.source() + " update as of " + update.asOf()));
        e.status = next;
        e.attemptInFlight = false;
        if (next != SupplierOrderStatus.CANCELLATION_REQUESTED) {
          e.previousStatus = null;
        }
      }
      e.tracking = tracking;
      e.events = new ArrayList<>(events);
      e.supplierOrderId = supplierOrderId;
      e.lastUpdateAt = update.asOf();
      if (messageId != null) {
        e.lastMessageIds.add(messageId);
        while (e.lastMessageIds.size() > 32) {
          e.lastMessageIds.remove(0);
        }
      }
      SupplierOrder stored = e.build(now);
      if (!store.replaceSupplierOrder(stored, so.version())) {
        continue;
      }
      Order order = getOrder(tenant, so.orderId());
      if (!cur.isShipped() && next.isShipped()) {
        notifyOnce(order, NotificationType.SHIPPED, "shipped:" + so.reference(), stored.tracking(),
            "parcel " + so.group() + " of " + order.shipments().size() + " shipped");
      }
      reconcile(tenant, so.orderId());
      return UpdateOutcome.APPLIED;
    }
    return UpdateOutcome.STALE;
  }

  /**
   * Polls the supplier for one supplier order ({@link SupplierOrders#status}) and applies the answer
   * as an update.
   *
   * @throws NotFoundException if the reference is unknown here or at the supplier
   */
  public UpdateOutcome pollSupplierOrder(TenantId tenant, String reference) {
    SupplierOrder so = loadSo(tenant, reference);
    return applySupplierUpdate(tenant, toUpdate(suppliers.status(tenant, so.supplierId(), reference)));
  }

  private static SupplierUpdate toUpdate(SupplierOrderSnapshot s) {
    return new SupplierUpdate(s.reference(), s.status(), s.supplierOrderId(), s.tracking(), s.events(), s.asOf(),
        SupplierUpdate.Source.POLL, null);
  }

  private static List<TrackingEvent> mergeEvents(List<TrackingEvent> old, List<TrackingEvent> add) {
    if (add.isEmpty()) {
      return old;
    }
    java.util.LinkedHashSet<TrackingEvent> all = new java.util.LinkedHashSet<>(old);
    all.addAll(add);
    List<TrackingEvent> out = new ArrayList<>(all);
    out.sort(java.util.Comparator.comparing(TrackingEvent::at));
    return out;
  }

  /** Re-derives order status and fulfilment status from the supplier orders; finalises cancellation. */
  private Order reconcile(TenantId tenant, OrderId id) {
    return reconcile(tenant, id, SYSTEM, "every supplier order cancelled or never placed");
  }

  private Order reconcile(TenantId tenant, OrderId id, String actor, String reason) {
    Order before = getOrder(tenant, id);
    Order after = updateOrder(before, cur -> {
      List<SupplierOrder> sos = store.supplierOrdersOf(tenant, id);
      Instant now = clock.instant();
      OrderEdit e = new OrderEdit(cur);
      e.fulfillmentStatus = fulfilment(cur, sos);
      boolean allWithdrawn = sos.stream().allMatch(s -> s.status() == SupplierOrderStatus.CANCELLED
          || s.status() == SupplierOrderStatus.REJECTED);
      if (cur.cancellationRequested() && cur.status() != OrderStatus.CANCELLED) {
        if (allWithdrawn) {
          e.move(OrderStatus.CANCELLED, now, actor, reason);
          e.cancellationRequested = false;
        } else if (sos.stream().noneMatch(s -> s.status() == SupplierOrderStatus.CANCELLATION_REQUESTED
            || s.status() == SupplierOrderStatus.SUBMITTING || s.status() == SupplierOrderStatus.OPEN)) {
          e.cancellationRequested = false; // refused (at least partly): fulfilment continues
        }
      }
      List<SupplierOrder> active = sos.stream().filter(s -> s.status() != SupplierOrderStatus.CANCELLED
          && s.status() != SupplierOrderStatus.REJECTED).toList();
      boolean allPlacedActive = !active.isEmpty() && sos.size() == cur.shipments().size()
          && active.stream().allMatch(s -> s.status().isPlaced());
      if (e.status == OrderStatus.PROCESSING && !e.cancellationRequested) {
        if (sos.stream().anyMatch(s -> s.status() == SupplierOrderStatus.REJECTED)) {
          e.move(OrderStatus.ON_HOLD, now, SUPPLIER, "a supplier rejected its order");
          e.holdReason = HoldReason.SUPPLIER_REJECTED;
        } else if (active.stream().anyMatch(s -> s.status() == SupplierOrderStatus.INCOMPLETE)) {
          e.move(OrderStatus.ON_HOLD, now, SUPPLIER, "a supplier reported its order incomplete");
          e.holdReason = HoldReason.SUPPLIER_INCOMPLETE;
        } else if (allPlacedActive && active.stream().allMatch(s -> s.status().isShipped())) {
          e.move(OrderStatus.SHIPPED, now, SUPPLIER, "every supplier order shipped");
          e.shippedAt = now;
        }
      }
      if (e.status == OrderStatus.SHIPPED && !active.isEmpty()
          && active.stream().allMatch(s -> s.status() == SupplierOrderStatus.DELIVERED)) {
        e.move(OrderStatus.DELIVERED, now, SUPPLIER, "every supplier order delivered");
        e.deliveredAt = now;
      }
      Order next = e.build(now);
      return e.changed() ? next : null;
    });
    if (before.status() != after.status() || after.status() == OrderStatus.CANCELLED) {
      if (after.status() == OrderStatus.DELIVERED) {
        notifyOnce(after, NotificationType.DELIVERED, "delivered", null, "your order was delivered");
      } else if (after.status() == OrderStatus.CANCELLED) {
        after = finishCancellation(after);
      }
    }
    return after;
  }

  private Order finishCancellation(Order o) {
    TenantId t = o.tenant();
    Optional<Reservation> r = stock.findReservation(t, o.id().value());
    if (r.isPresent() && r.get().status() == ReservationStatus.ACTIVE) {
      stock.release(t, o.id().value());
    }
    Order out = o;
    if (o.commission() != null && o.refundedTotal().compareTo(o.chargedTotal()) < 0) {
      out = recordRefund(t, o.id(), "cancellation", o.chargedTotal().minus(o.refundedTotal()), "order cancelled");
    }
    notifyOnce(out, NotificationType.CANCELLED, "cancelled", null, "your order was cancelled");
    return out;
  }

  private static FulfillmentStatus fulfilment(Order o, List<SupplierOrder> sos) {
    List<SupplierOrder> active = sos.stream().filter(s -> s.status() != SupplierOrderStatus.CANCELLED
        && s.status() != SupplierOrderStatus.REJECTED).toList();
    if (active.isEmpty()) {
      return FulfillmentStatus.UNFULFILLED;
    }
    boolean partial = o.unallocatedUnits() > 0 || active.size() < o.shipments().size();
    long shipped = active.stream().filter(s -> s.status().isShipped()).count();
    long delivered = active.stream().filter(s -> s.status() == SupplierOrderStatus.DELIVERED).count();
    if (delivered == active.size() && !partial) {
      return FulfillmentStatus.DELIVERED;
    }
    if (delivered > 0) {
      return FulfillmentStatus.PARTIALLY_DELIVERED;
    }
    if (shipped == active.size() && !partial) {
      return FulfillmentStatus.SHIPPED;
    }
    return shipped > 0 ? FulfillmentStatus.PARTIALLY_SHIPPED : FulfillmentStatus.UNFULFILLED;
  }

  // ------------------------------------------------------------------ notifications

  /**
   * Sends DELAYED once to every order created since {@code createdSince} that is not shipped,
   * cancelled or failed and is older than the ship SLA ({@link Builder#shipSla}).
   *
   * @return how many orders were notified now
   */
  public int notifyDelayedOrders(TenantId tenant, Instant createdSince) {
    Instant now = clock.instant();
    int n = 0;
    for (Order o : store.listOrders(tenant, createdSince, now)) {
      boolean open = switch (o.status()) {
        case PENDING, CONFIRMED, PROCESSING, ON_HOLD -> true;
        default -> false;
      };
      if (open && o.createdAt().plus(shipSla).isBefore(now)
          && notifyOnce(o, NotificationType.DELAYED, "delayed", null, "your order is taking longer than expected")) {
        n++;
      }
    }
    return n;
  }

  /** Claims the log entry, then sends; returns true if the notifier accepted it now. */
  private boolean notifyOnce(Order o, NotificationType type, String key, @Nullable Tracking tracking, String detail) {
    Instant now = clock.instant();
    CommunicationRecord claim = new CommunicationRecord(o.tenant(), o.id(), key, type,
        CommunicationRecord.Status.SENDING, 1, null, now, now, 1);
    try {
      if (!store.insertCommunication(claim)) {
        CommunicationRecord existing = store.findCommunication(o.tenant(), o.id(), key).orElse(null);
        if (existing == null || existing.status() != CommunicationRecord.Status.FAILED
            || existing.attempts() >= maxNotifyAttempts) {
          return false;
        }
        claim = new CommunicationRecord(o.tenant(), o.id(), key, type, CommunicationRecord.Status.SENDING,
            existing.attempts() + 1, existing.lastError(), existing.createdAt(), now, existing.version() + 1);
        if (!store.replaceCommunication(claim, existing.version())) {
          return false;
        }
      }
    } catch (RuntimeException e) {
      throw new StepFailedException(o.id(), PipelineStep.NOTIFY, e);
    }
    CommunicationRecord.Status status;
    String error = null;
    try {
      notifier.send(new Notification(o.tenant(), o.id(), type, key, o.customer(), tracking, detail));
      status = CommunicationRecord.Status.SENT;
    } catch (RuntimeException e) {
      status = CommunicationRecord.Status.FAILED;
      error = e.getClass().getSimpleName() + ": " + e.getMessage();
    }
    try {
      store.replaceCommunication(new CommunicationRecord(o.tenant(), o.id(), key, type, status, claim.attempts(),
          error, claim.createdAt(), clock.instant(), claim.version() + 1), claim.version());
    } catch (RuntimeException e) {
      throw new StepFailedException(o.id(), PipelineStep.NOTIFY, e);
    }
    return status == CommunicationRecord.Status.SENT;
  }

  // ------------------------------------------------------------------ money and KPIs

  /** Ledger totals per currency of rows recorded in {@code [from, to)} (per-order rows summed). */
  public Map<Currency, EarningsTotals> earnings(TenantId tenant, Instant from, Instant to) {
    return Kpis.totals(store.earnings(tenant, from, to));
  }

  /**
   * Ledger totals per calendar day (in {@code zone}) and currency, for days {@code from <= day < to};
   * days without rows are absent. Each total sums per-order rows, so client + platform = base.
   *
   * @throws InvalidInputException if {@code to} is before {@code from}
   */
  public Map<LocalDate, Map<Currency, EarningsTotals>> earningsByDay(TenantId tenant, LocalDate from, LocalDate to,
      ZoneId zone) {
    if (to.isBefore(from)) {
      throw new InvalidInputException("to", to, "must not be before from (" + from + ")");
    }
    Map<LocalDate, List<EarningEntry>> byDay = new TreeMap<>();
    for (EarningEntry e : store.earnings(tenant, from.atStartOfDay(zone).toInstant(), to.atStartOfDay(zone).toInstant())) {
      byDay.computeIfAbsent(e.at().atZone(zone).toLocalDate(), d -> new ArrayList<>()).add(e);
    }
    Map<LocalDate, Map<Currency, EarningsTotals>> out = new TreeMap<>();
    byDay.forEach((day, entries) -> out.put(day, Kpis.totals(entries)));
    return out;
  }

  /** The tenant's ledger rows recorded in {@code [from, to)}, oldest first. */
  public List<EarningEntry> earningEntries(TenantId tenant, Instant from, Instant to) {
    return store.earnings(tenant, from, to);
  }

  /**
   * KPIs of orders created in {@code [from, to)}; see {@link FulfillmentKpis}. The on-time SLA is
   * {@link Builder#shipSla}.
   *
   * @throws InvalidInputException if {@code to} is before {@code from}
   */
  public FulfillmentKpis kpis(TenantId tenant, Instant from, Instant to) {
    if (to.isBefore(from)) {
      throw new InvalidInputException("to", to, "must not be before from (" + from + ")");
    }
    return Kpis.compute(tenant, from, to, store.listOrders(tenant, from, to), store.earnings(tenant, from, to), shipSla);
  }

  /** Computes the KPIs of {@code day} in {@code zone}, saves them in the {@link MetricsStore} and returns them. */
  public FulfillmentMetrics snapshotDay(TenantId tenant, LocalDate day, ZoneId zone) {
    Instant from = day.atStartOfDay(zone).toInstant();
    Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
    FulfillmentMetrics m = new FulfillmentMetrics(tenant, day, zone, kpis(tenant, from, to));
    metricsStore.save(m);
    return m;
  }

  /** The metrics store snapshots are saved in. */
  public MetricsStore metricsStore() {
    return metricsStore;
  }

  // ------------------------------------------------------------------ plumbing

  private Order updateOrder(Order start, Function<Order, @Nullable Order> change) {
    Order cur = start;
    for (int i = 0; i < 10_000; i++) {
      Order next = change.apply(cur);
      if (next == null) {
        return cur;
      }
      if (store.replaceOrder(next, cur.version())) {
        return next;
      }
      cur = getOrder(start.tenant(), start.id());
    }
    throw new FulfillmentException("order \"" + start.id() + "\" changed concurrently too often");
  }

  /**
   * Builds a {@link FulfillmentEngine}. Required: order store, stock, variants, freight quotes,
   * supplier orders, notifier. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private @Nullable OrderStore store;
    private @Nullable StockReservations stock;
    private @Nullable VariantLookup variants;
    private @Nullable FreightQuotes freight;
    private @Nullable SupplierOrders suppliers;
    private @Nullable Notifier notifier;
    private @Nullable MetricsStore metricsStore;
    private Clock clock = Clock.systemUTC();
    private ShippingPolicy shippingPolicy = ShippingPolicy.cheapest();
    private StockPolicy stockPolicy = StockPolicy.HOLD;
    private CommissionPolicies commissions = CommissionPolicies.defaults();
    private Duration submissionLease = Duration.ofMinutes(2);
    private int maxSubmitAttempts = 5;
    private int maxNotifyAttempts = 3;
    private Duration shipSla = Duration.ofDays(5);

    private Builder() {}

    /** Where orders, supplier orders, the ledger and the communication log live (required). */
    public Builder orderStore(OrderStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /** The inventory engine's reservations (required). */
    public Builder stock(StockReservations stock) {
      this.stock = Objects.requireNonNull(stock, "stock");
      return this;
    }

    /** The inventory engine's variant lookup (required). */
    public Builder variants(VariantLookup variants) {
      this.variants = Objects.requireNonNull(variants, "variants");
      return this;
    }

    /** The freight quote service (required). */
    public Builder freightQuotes(FreightQuotes freight) {
      this.freight = Objects.requireNonNull(freight, "freight");
      return this;
    }

    /** The supplier order service (required). */
    public Builder supplierOrders(SupplierOrders suppliers) {
      this.suppliers = Objects.requireNonNull(suppliers, "suppliers");
      return this;
    }

    /** The customer notifier (required). */
    public Builder notifier(Notifier notifier) {
      this.notifier = Objects.requireNonNull(notifier, "notifier");
      return this;
    }

    /** Where daily metrics snapshots go; default a new {@link InMemoryMetricsStore}. */
    public Builder metricsStore(MetricsStore metricsStore) {
      this.metricsStore = Objects.requireNonNull(metricsStore, "metricsStore");
      return this;
    }

    /** The time source; default {@link Clock#systemUTC()}. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How freight is chosen; default {@link ShippingPolicy#cheapest()}. */
    public Builder shippingPolicy(ShippingPolicy policy) {
      this.shippingPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** What to do when stock is short; default {@link StockPolicy#HOLD}. */
    public Builder stockPolicy(StockPolicy policy) {
      this.stockPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** Commission rules; default 30 % client / 70 % platform of the order total. */
    public Builder commissionPolicies(CommissionPolicies policies) {
      this.commissions = Objects.requireNonNull(policies, "policies");
      return this;
    }

    /**
     * How long a SUBMITTING attempt is presumed to be still running elsewhere before another caller
     * may look it up and resend; default 2 minutes. Must exceed the supplier call's timeout.
     *
     * @throws InvalidInputException if not positive
     */
    public Builder submissionLease(Duration lease) {
      if (lease.isNegative() || lease.isZero()) {
        throw new InvalidInputException("submissionLease", lease, "must be positive");
      }
      this.submissionLease = lease;
      return this;
    }

    /** Send attempts per supplier order before the order is FAILED; default 5. @throws InvalidInputException if below 1 */
    public Builder maxSubmitAttempts(int attempts) {
      if (attempts < 1) {
        throw new InvalidInputException("maxSubmitAttempts", attempts, "must be >= 1");
      }
      this.maxSubmitAttempts = attempts;
      return this;
    }

    /** Send attempts per notification; default 3. @throws InvalidInputException if below 1 */
    public Builder maxNotifyAttempts(int attempts) {
      if (attempts < 1) {
        throw new InvalidInputException("maxNotifyAttempts", attempts, "must be >= 1");
      }
      this.maxNotifyAttempts = attempts;
      return this;
    }

    /** Time from order creation to shipment counted as on time (KPIs, DELAYED); default 5 days. @throws InvalidInputException if not positive */
    public Builder shipSla(Duration sla) {
      if (sla.isNegative() || sla.isZero()) {
        throw new InvalidInputException("shipSla", sla, "must be positive");
      }
      this.shipSla = sla;
      return this;
    }

    /** The engine. @throws InvalidInputException naming a missing required SPI */
    public FulfillmentEngine build() {
      return new FulfillmentEngine(this);
    }
  }
}
