package dev.dropsync.fulfillment.testing;

import dev.dropsync.inventory.InsufficientStockException;
import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.NotFoundException;
import dev.dropsync.inventory.ProductId;
import dev.dropsync.inventory.Reservation;
import dev.dropsync.inventory.ReservationConflictException;
import dev.dropsync.inventory.ReservationLine;
import dev.dropsync.inventory.ReservationStatus;
import dev.dropsync.inventory.StockReservations;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.VariantId;
import dev.dropsync.inventory.VariantLookup;
import dev.dropsync.inventory.VariantRef;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The ONE test implementation of inventory-core's {@link StockReservations} and {@link
 * VariantLookup} used by every fulfilment test and the benchmark. It follows the contract in
 * inventory-core (idempotent by orderRef, all-or-nothing, committed at most once) with one lock.
 * When the real in-memory inventory engine lands, swap it in here only.
 * {@link #failNextCommits} scripts commit failures for crash-injection tests.
 */
public final class TestInventory implements StockReservations, VariantLookup {
  private record Key(TenantId tenant, VariantId variant) {}

  private record RefKey(TenantId tenant, String ref) {}

  private final Clock clock;
  private final Map<Key, VariantRef> variants = new HashMap<>();
  private final Map<Key, long[]> stock = new HashMap<>(); // [onHand, reserved]
  private final Map<RefKey, Reservation> reservations = new HashMap<>();
  private final AtomicInteger effectiveCommits = new AtomicInteger();
  private int failCommits;

  public TestInventory(Clock clock) {
    this.clock = clock;
  }

  /** Adds a variant of {@code supplierId} with cost and retail price and {@code onHand} units. */
  public synchronized VariantRef addVariant(TenantId tenant, String variant, String supplierId, Money cost,
      Money retail, long onHand) {
    VariantId v = VariantId.of(variant);
    VariantRef ref = new VariantRef(tenant, ProductId.of("p-" + variant), v, supplierId, "sp-" + variant,
        "sv-" + variant, "SKU-" + variant, cost, retail);
    variants.put(new Key(tenant, v), ref);
    stock.put(new Key(tenant, v), new long[] {onHand, 0});
    return ref;
  }

  public synchronized void setOnHand(TenantId tenant, String variant, long onHand) {
    cell(tenant, VariantId.of(variant))[0] = onHand;
  }

  public synchronized long onHand(TenantId tenant, String variant) {
    return cell(tenant, VariantId.of(variant))[0];
  }

  public synchronized long reserved(TenantId tenant, String variant) {
    return cell(tenant, VariantId.of(variant))[1];
  }

  /** Commits that actually consumed stock (not the idempotent no-ops). */
  public int effectiveCommits() {
    return effectiveCommits.get();
  }

  public synchronized void failNextCommits(int n) {
    failCommits = n;
  }

  @Override
  public synchronized Optional<VariantRef> findVariant(TenantId tenant, VariantId variant) {
    return Optional.ofNullable(variants.get(new Key(tenant, variant)));
  }

  @Override
  public synchronized Reservation reserve(TenantId tenant, String orderRef, List<ReservationLine> lines) {
    if (orderRef.isBlank()) {
      throw new InvalidInputException("orderRef", orderRef, "must not be blank");
    }
    if (lines.isEmpty()) {
      throw new InvalidInputException("lines", "[]", "must not be empty");
    }
    Reservation existing = reservations.get(new RefKey(tenant, orderRef));
    if (existing != null) {
      if (!Set.copyOf(existing.lines()).equals(Set.copyOf(lines))) {
        throw new ReservationConflictException(orderRef, "exists with different lines");
      }
      return existing;
    }
    Set<VariantId> seen = new HashSet<>();
    for (ReservationLine l : lines) {
      if (!seen.add(l.variant())) {
        throw new InvalidInputException("variant", l.variant().value(), "must not repeat");
      }
      long[] s = stock.get(new Key(tenant, l.variant()));
      if (s == null) {
        throw new NotFoundException("variantId", l.variant().value());
      }
      if (s[0] - s[1] < l.quantity()) {
        throw new InsufficientStockException(l.variant(), l.quantity(), Math.max(0, s[0] - s[1]));
      }
    }
    for (ReservationLine l : lines) {
      cell(tenant, l.variant())[1] += l.quantity();
    }
    Reservation r = new Reservation(tenant, orderRef, lines, ReservationStatus.ACTIVE, clock.instant(), clock.instant());
    reservations.put(new RefKey(tenant, orderRef), r);
    return r;
  }

  @Override
  public synchronized void release(TenantId tenant, String orderRef) {
    Reservation r = reservations.get(new RefKey(tenant, orderRef));
    if (r == null || r.status() == ReservationStatus.RELEASED) {
      return;
    }
    if (r.status() == ReservationStatus.COMMITTED) {
      throw new ReservationConflictException(orderRef, "was already committed");
    }
    for (ReservationLine l : r.lines()) {
      cell(tenant, l.variant())[1] -= l.quantity();
    }
    reservations.put(new RefKey(tenant, orderRef), withStatus(r, ReservationStatus.RELEASED));
  }

  @Override
  public synchronized void commit(TenantId tenant, String orderRef) {
    if (failCommits > 0) {
      failCommits--;
      throw new IllegalStateException("inventory store unavailable (scripted)");
    }
    Reservation r = reservations.get(new RefKey(tenant, orderRef));
    if (r == null) {
      throw new NotFoundException("orderRef", orderRef);
    }
    if (r.status() == ReservationStatus.COMMITTED) {
      return;
    }
    if (r.status() == ReservationStatus.RELEASED) {
      throw new ReservationConflictException(orderRef, "was released");
    }
    for (ReservationLine l : r.lines()) {
      long[] s = cell(tenant, l.variant());
      s[0] -= l.quantity();
      s[1] -= l.quantity();
    }
    reservations.put(new RefKey(tenant, orderRef), withStatus(r, ReservationStatus.COMMITTED));
    effectiveCommits.incrementAndGet();
  }

  @Override
  public synchronized Optional<Reservation> findReservation(TenantId tenant, String orderRef) {
    return Optional.ofNullable(reservations.get(new RefKey(tenant, orderRef)));
  }

  @Override
  public synchronized long available(TenantId tenant, VariantId variant) {
    long[] s = stock.get(new Key(tenant, variant));
    if (s == null) {
      throw new NotFoundException("variantId", variant.value());
    }
    return Math.max(0, s[0] - s[1]);
  }

  private long[] cell(TenantId tenant, VariantId variant) {
    long[] s = stock.get(new Key(tenant, variant));
    if (s == null) {
      throw new NotFoundException("variantId", variant.value());
    }
    return s;
  }

  private Reservation withStatus(Reservation r, ReservationStatus status) {
    return new Reservation(r.tenant(), r.orderRef(), r.lines(), status, r.createdAt(), clock.instant());
  }
}
