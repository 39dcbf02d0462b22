package dev.dropsync.fulfillment.spi;

import dev.dropsync.fulfillment.SupplierOrderStatus;
import dev.dropsync.fulfillment.Tracking;
import dev.dropsync.fulfillment.TrackingEvent;
import dev.dropsync.inventory.NotFoundException;
import dev.dropsync.inventory.TenantId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A fake supplier that behaves like a real one, for host tests: it creates one order per {@link
 * #place} call (placing the same reference twice really creates a duplicate, which {@link
 * #placements} counts, so tests can prove exactly-once), finds orders by reference, reports status,
 * and answers cancellations (accepted before shipping, refused after). Failures are scripted:
 * {@link #failNextPlacesBeforeCreate}, {@link #failNextPlacesAfterCreate} (the ambiguous case: the
 * order exists but the caller sees an error), {@link #rejectNextPlaces}, {@link #failNextFinds},
 * {@link #failNextCancels}, {@link #answerCancellationsPending}. Move orders along with {@link
 * #advance}. Thread-safe (synchronised); {@code asOf} comes from the injected clock.
 *
 * @since 0.1.0
 */
public final class InMemorySupplierOrders implements SupplierOrders {
  private record Key(TenantId tenant, String supplierId, String reference) {}

  private static final class Stored {
    final String supplierOrderId;
    final SupplierOrderRequest request;
    SupplierOrderStatus status = SupplierOrderStatus.SUBMITTED;
    Tracking tracking = Tracking.NONE;
    final List<TrackingEvent> events = new ArrayList<>();
    java.time.Instant asOf;

    Stored(String supplierOrderId, SupplierOrderRequest request, java.time.Instant asOf) {
      this.supplierOrderId = supplierOrderId;
      this.request = request;
      this.asOf = asOf;
    }
  }

  private final Clock clock;
  private final Map<Key, List<Stored>> orders = new HashMap<>();
  private final Set<String> knownSuppliers;
  private int sequence;
  private int failBeforeCreate;
  private int failAfterCreate;
  private int reject;
  private String rejectReason = "rejected";
  private int failFind;
  private int failCancel;
  private boolean cancellationsPending;
  private int placeCalls;
  private int findCalls;
  private int cancelCalls;

  /** A fake supplier accepting any supplier id, timestamps from {@code clock}. */
  public InMemorySupplierOrders(Clock clock) {
    this(clock, Set.of());
  }

  /** A fake that rejects requests for suppliers outside {@code supplierIds} (empty = any). */
  public InMemorySupplierOrders(Clock clock, Set<String> supplierIds) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.knownSuppliers = Set.copyOf(supplierIds);
  }

  @Override
  public synchronized PlacementResult place(SupplierOrderRequest request) {
    placeCalls++;
    if (failBeforeCreate > 0) {
      failBeforeCreate--;
      throw new SimulatedFailureException("supplier unavailable before creating " + request.reference());
    }
    if (reject > 0) {
      reject--;
      return PlacementResult.rejected(rejectReason);
    }
    if (!knownSuppliers.isEmpty() && !knownSuppliers.contains(request.supplierId())) {
      return PlacementResult.rejected("unknown supplier " + request.supplierId());
    }
    if (request.lines().isEmpty()) {
      return PlacementResult.rejected("no lines");
    }
    String id = "SO" + (++sequence);
    orders.computeIfAbsent(new Key(request.tenant(), request.supplierId(), request.reference()), k -> new ArrayList<>())
        .add(new Stored(id, request, clock.instant()));
    if (failAfterCreate > 0) {
      failAfterCreate--;
      throw new SimulatedFailureException("read timeout after creating " + request.reference());
    }
    return PlacementResult.created(id);
  }

  @Override
  public synchronized Optional<SupplierOrderSnapshot> find(TenantId tenant, String supplierId, String reference) {
    findCalls++;
    if (failFind > 0) {
      failFind--;
      throw new SimulatedFailureException("supplier unavailable (find " + reference + ")");
    }
    Stored s = latest(tenant, supplierId, reference);
    return s == null ? Optional.empty() : Optional.of(snapshot(reference, s));
  }

  @Override
  public synchronized SupplierOrderSnapshot status(TenantId tenant, String supplierId, String reference) {
    Stored s = latest(tenant, supplierId, reference);
    if (s == null) {
      throw new NotFoundException("reference", reference);
    }
    return snapshot(reference, s);
  }

  @Override
  public synchronized CancellationAnswer cancel(TenantId tenant, String supplierId, String reference) {
    cancelCalls++;
    if (failCancel > 0) {
      failCancel--;
      throw new SimulatedFailureException("supplier unavailable (cancel " + reference + ")");
    }
    Stored s = latest(tenant, supplierId, reference);
    if (s == null) {
      return CancellationAnswer.refused("no such order " + reference);
    }
    if (s.status == SupplierOrderStatus.CANCELLED) {
      return CancellationAnswer.accepted("already cancelled");
    }
    if (s.status.isShipped() || s.status == SupplierOrderStatus.INCOMPLETE || s.status == SupplierOrderStatus.REJECTED) {
      return CancellationAnswer.refused("order is " + s.status);
    }
    if (cancellationsPending) {
      return CancellationAnswer.pending("cancellation under review");
    }
    s.status = SupplierOrderStatus.CANCELLED;
    s.asOf = clock.instant();
    return CancellationAnswer.accepted("cancelled");
  }

  /** The next {@code n} place calls throw before creating anything. */
  public synchronized InMemorySupplierOrders failNextPlacesBeforeCreate(int n) {
    failBeforeCreate = n;
    return this;
  }

  /** The next {@code n} place calls create the order and then throw (outcome unknown to the caller). */
  public synchronized InMemorySupplierOrders failNextPlacesAfterCreate(int n) {
    failAfterCreate = n;
    return this;
  }

  /** The next {@code n} place calls are rejected with {@code reason}. */
  public synchronized InMemorySupplierOrders rejectNextPlaces(int n, String reason) {
    reject = n;
    rejectReason = reason;
    return this;
  }

  /** The next {@code n} find calls throw. */
  public synchronized InMemorySupplierOrders failNextFinds(int n) {
    failFind = n;
    return this;
  }

  /** The next {@code n} cancel calls throw. */
  public synchronized InMemorySupplierOrders failNextCancels(int n) {
    failCancel = n;
    return this;
  }

  /** While true, cancellations of unshipped orders are answered PENDING. */
  public synchronized InMemorySupplierOrders answerCancellationsPending(boolean pending) {
    cancellationsPending = pending;
    return this;
  }

  /**
   * Moves the (latest) order with {@code reference} to {@code status} with optional tracking and
   * event, stamping {@code asOf} with the clock; returns the new snapshot (e.g. to feed a webhook).
   *
   * @throws NotFoundException if there is no such order
   */
  public synchronized SupplierOrderSnapshot advance(TenantId tenant, String supplierId, String reference,
      SupplierOrderStatus status, @Nullable Tracking tracking, @Nullable TrackingEvent event) {
    Stored s = latest(tenant, supplierId, reference);
    if (s == null) {
      throw new NotFoundException("reference", reference);
    }
    s.status = status;
    if (tracking != null) {
      s.tracking = s.tracking.mergedWith(tracking);
    }
    if (event != null) {
      s.events.add(event);
    }
    s.asOf = clock.instant();
    return snapshot(reference, s);
  }

  /** How many orders were created with {@code reference} (more than 1 means a duplicate). */
  public synchronized int placements(TenantId tenant, String supplierId, String reference) {
    List<Stored> l = orders.get(new Key(tenant, supplierId, reference));
    return l == null ? 0 : l.size();
  }

  /** How many orders were created in total. */
  public synchronized int totalPlacements() {
    return orders.values().stream().mapToInt(List::size).sum();
  }

  /** The request of the (latest) order with {@code reference}, if any. */
  public synchronized Optional<SupplierOrderRequest> request(TenantId tenant, String supplierId, String reference) {
    Stored s = latest(tenant, supplierId, reference);
    return s == null ? Optional.empty() : Optional.of(s.request);
  }

  /** Calls of {@link #place} so far (including failed ones). */
  public synchronized int placeCalls() {
    return placeCalls;
  }

  /** Calls of {@link #find} so far. */
  public synchronized int findCalls() {
    return findCalls;
  }

  /** Calls of {@link #cancel} so far. */
  public synchronized int cancelCalls() {
    return cancelCalls;
  }

  private @Nullable Stored latest(TenantId tenant, String supplierId, String reference) {
    List<Stored> l = orders.get(new Key(tenant, supplierId, reference));
    return l == null || l.isEmpty() ? null : l.get(l.size() - 1);
  }

  private static SupplierOrderSnapshot snapshot(String reference, Stored s) {
    return new SupplierOrderSnapshot(reference, s.supplierOrderId, s.status, s.tracking, s.events, s.asOf);
  }
}
