package dev.dropsync.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link StockReservations} must have (the engine's, or a fake that another
 * module's tests use). Extend it, return the implementation from {@link #reservations()} and seed
 * variants with {@link #seedVariant}.
 */
public abstract class StockReservationsContractTest {
  protected static final TenantId TENANT = TenantId.of("contract-tenant");

  private StockReservations reservations;

  /** A fresh implementation; {@link #TENANT} must be usable with it. Called once per test. */
  protected abstract StockReservations newReservations();

  /** Creates a variant of {@link #TENANT} with {@code onHand} units and nothing reserved. */
  protected abstract VariantId seedVariant(String name, long onHand);

  protected StockReservations reservations() {
    return reservations;
  }

  @BeforeEach
  void createReservations() {
    reservations = newReservations();
  }

  @Test
  void reserveHoldsAndRepeatsIdempotently() {
    VariantId v = seedVariant("a", 5);
    Reservation r = reservations.reserve(TENANT, "o1", List.of(new ReservationLine(v, 2)));
    assertThat(r.status()).isEqualTo(ReservationStatus.ACTIVE);
    assertThat(r.orderRef()).isEqualTo("o1");
    assertThat(reservations.available(TENANT, v)).isEqualTo(3);
    assertThat(reservations.reserve(TENANT, "o1", List.of(new ReservationLine(v, 2)))).isEqualTo(r);
    assertThat(reservations.available(TENANT, v)).isEqualTo(3);
    assertThat(reservations.findReservation(TENANT, "o1")).contains(r);
  }

  @Test
  void differentLinesForTheSameRefConflict() {
    VariantId v = seedVariant("a", 5);
    reservations.reserve(TENANT, "o1", List.of(new ReservationLine(v, 2)));
    assertThatThrownBy(() -> reservations.reserve(TENANT, "o1", List.of(new ReservationLine(v, 3))))
        .isInstanceOf(ReservationConflictException.class);
    assertThat(reservations.available(TENANT, v)).isEqualTo(3);
  }

  @Test
  void beyondAvailableReservesNothing() {
    VariantId a = seedVariant("a", 5);
    VariantId b = seedVariant("b", 1);
    assertThatThrownBy(() -> reservations.reserve(TENANT, "o1", List.of(new ReservationLine(a, 1), new ReservationLine(b, 2))))
        .isInstanceOf(InsufficientStockException.class);
    assertThat(reservations.available(TENANT, a)).isEqualTo(5);
    assertThat(reservations.available(TENANT, b)).isEqualTo(1);
    assertThat(reservations.findReservation(TENANT, "o1")).isEmpty();
  }

  @Test
  void commitIsOnceAndBlocksRelease() {
    VariantId v = seedVariant("a", 5);
    reservations.reserve(TENANT, "o1", List.of(new ReservationLine(v, 2)));
    reservations.commit(TENANT, "o1");
    reservations.commit(TENANT, "o1");
    assertThat(reservations.available(TENANT, v)).isEqualTo(3);
    assertThat(reservations.findReservation(TENANT, "o1").orElseThrow().status()).isEqualTo(ReservationStatus.COMMITTED);
    assertThatThrownBy(() -> reservations.release(TENANT, "o1")).isInstanceOf(ReservationConflictException.class);
  }

  @Test
  void releaseIsIdempotentAndBlocksCommit() {
    VariantId v = seedVariant("a", 5);
    reservations.reserve(TENANT, "o1", List.of(new ReservationLine(v, 2)));
    reservations.release(TENANT, "o1");
    reservations.release(TENANT, "o1");
    reservations.release(TENANT, "unknown");
    assertThat(reservations.available(TENANT, v)).isEqualTo(5);
    assertThatThrownBy(() -> reservations.commit(TENANT, "o1")).isInstanceOf(ReservationConflictException.class);
    assertThatThrownBy(() -> reservations.commit(TENANT, "unknown")).isInstanceOf(NotFoundException.class);
  }

  @Test
  void unknownVariantAndBadInputAreTyped() {
    VariantId v = seedVariant("a", 5);
    assertThatThrownBy(() -> reservations.reserve(TENANT, "o1", List.of(new ReservationLine(VariantId.of("ghost"), 1))))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> reservations.available(TENANT, VariantId.of("ghost"))).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> reservations.reserve(TENANT, " ", List.of(new ReservationLine(v, 1))))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> reservations.reserve(TENANT, "o1", List.of())).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> reservations.reserve(TENANT, "o1", List.of(new ReservationLine(v, 1), new ReservationLine(v, 1))))
        .isInstanceOf(InvalidInputException.class);
    assertThat(reservations.available(TENANT, v)).isEqualTo(5);
  }

  @Test
  void concurrentReservationsNeverOversell() throws Exception {
    VariantId v = seedVariant("hot", 10);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Boolean>> fs = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        String ref = "o" + i;
        fs.add(pool.submit(() -> {
          go.await();
          try {
            reservations.reserve(TENANT, ref, List.of(new ReservationLine(v, 1)));
            return true;
          } catch (InsufficientStockException e) {
            return false;
          }
        }));
      }
      go.countDown();
      int won = 0;
      for (Future<Boolean> f : fs) {
        if (f.get(30, TimeUnit.SECONDS)) {
          won++;
        }
      }
      assertThat(won).isEqualTo(10);
      assertThat(reservations.available(TENANT, v)).isZero();
    } finally {
      pool.shutdownNow();
    }
  }
}
