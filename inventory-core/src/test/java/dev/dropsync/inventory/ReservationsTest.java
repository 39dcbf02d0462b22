package dev.dropsync.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dropsync.inventory.spi.SupplierVariant;
import dev.dropsync.inventory.testing.InventoryFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReservationsTest {
  private final InventoryFixture fx = InventoryFixture.create();
  private final StockReservations reservations = fx.engine().reservations();
  private final TenantId shop = fx.tenant("shop", Plan.PREMIUM);
  private final Product mug = fx.product(shop, "MUG", List.of("Home"),
      new SupplierVariant("MUG-R", "MUG-R", Money.of("2.00", "USD"), 5),
      new SupplierVariant("MUG-B", "MUG-B", Money.of("2.00", "USD"), 2));
  private final VariantId red = mug.variants().get(0).id();
  private final VariantId blue = mug.variants().get(1).id();

  @Test
  void reserveHoldsStockAndIsIdempotentByOrderRef() {
    Reservation r = reservations.reserve(shop, "o1", List.of(new ReservationLine(red, 2), new ReservationLine(blue, 1)));
    assertThat(r.status()).isEqualTo(ReservationStatus.ACTIVE);
    assertThat(reservations.available(shop, red)).isEqualTo(3);
    assertThat(reservations.available(shop, blue)).isEqualTo(1);
    fx.clock().advance(java.time.Duration.ofMinutes(1));
    Reservation again = reservations.reserve(shop, "o1", List.of(new ReservationLine(blue, 1), new ReservationLine(red, 2)));
    assertThat(again).isEqualTo(r);
    assertThat(reservations.available(shop, red)).isEqualTo(3);
    assertThat(reservations.findReservation(shop, "o1")).contains(r);
  }

  @Test
  void reserveBeyondAvailableIsRefusedAndNothingIsHeld() {
    assertThatThrownBy(() -> reservations.reserve(shop, "o1", List.of(new ReservationLine(red, 1), new ReservationLine(blue, 3))))
        .isInstanceOfSatisfying(InsufficientStockException.class, e -> {
          assertThat(e.variant()).isEqualTo(blue);
          assertThat(e.requested()).isEqualTo(3);
          assertThat(e.available()).isEqualTo(2);
        });
    assertThat(reservations.available(shop, red)).isEqualTo(5);
    assertThat(reservations.findReservation(shop, "o1")).isEmpty();
  }

  @Test
  void sameOrderRefWithOtherLinesConflicts() {
    reservations.reserve(shop, "o1", List.of(new ReservationLine(red, 2)));
    assertThatThrownBy(() -> reservations.reserve(shop, "o1", List.of(new ReservationLine(red, 1))))
        .isInstanceOf(ReservationConflictException.class).hasMessageContaining("o1");
    assertThat(reservations.available(shop, red)).isEqualTo(3);
  }

  @Test
  void commitConsumesOnHandAndReservedTogetherExactlyOnce() {
    reservations.reserve(shop, "o1", List.of(new ReservationLine(red, 2)));
    reservations.commit(shop, "o1");
    reservations.commit(shop, "o1");
    Variant v = fx.engine().product(shop, mug.id()).variant(red).orElseThrow();
    assertThat(v.onHand()).isEqualTo(3);
    assertThat(v.reserved()).isZero();
    assertThat(fx.engine().ledger(shop, red)).extracting(LedgerEntry::reason)
        .containsExactly(LedgerReason.SUPPLIER_SYNC, LedgerReason.RESERVATION, LedgerReason.COMMIT);
    assertThat(reservations.findReservation(shop, "o1").orElseThrow().status()).isEqualTo(ReservationStatus.COMMITTED);
    assertThatThrownBy(() -> reservations.release(shop, "o1")).isInstanceOf(ReservationConflictException.class);
  }

  @Test
  void releaseGivesEverythingBackAndIsIdempotent() {
    reservations.reserve(shop, "o1", List.of(new ReservationLine(red, 2), new ReservationLine(blue, 2)));
    reservations.release(shop, "o1");
    reservations.release(shop, "o1");
    reservations.release(shop, "never-reserved");
    assertThat(reservations.available(shop, red)).isEqualTo(5);
    assertThat(reservations.available(shop, blue)).isEqualTo(2);
    assertThatThrownBy(() -> reservations.commit(shop, "o1")).isInstanceOf(ReservationConflictException.class);
    assertThatThrownBy(() -> reservations.commit(shop, "never")).isInstanceOf(NotFoundException.class)
        .hasMessageContaining("never");
  }

  @Test
  void lastUnitsReservedSwitchTheProductOffAndReleaseSwitchesItBackOn() {
    reservations.reserve(shop, "o1", List.of(new ReservationLine(red, 5), new ReservationLine(blue, 2)));
    assertThat(fx.engine().product(shop, mug.id()).status()).isEqualTo(ProductStatus.INACTIVE_OUT_OF_STOCK);
    reservations.release(shop, "o1");
    assertThat(fx.engine().product(shop, mug.id()).status()).isEqualTo(ProductStatus.ACTIVE);
  }

  @Test
  void variantLookupGivesWhatFulfilmentNeeds() {
    VariantRef ref = fx.engine().findVariant(shop, blue).orElseThrow();
    assertThat(ref.product()).isEqualTo(mug.id());
    assertThat(ref.supplierId()).isEqualTo("cj");
    assertThat(ref.supplierProductId()).isEqualTo("MUG");
    assertThat(ref.supplierVariantId()).isEqualTo("MUG-B");
    assertThat(ref.sku()).isEqualTo("MUG-B");
    assertThat(ref.cost()).isEqualTo(Money.of("2.00", "USD"));
    assertThat(fx.engine().findVariant(shop, VariantId.of("nope"))).isEmpty();
    assertThat(fx.engine().findVariant(TenantId.of("other"), blue)).isEmpty();
  }

  @Test
  void anotherTenantCannotTouchTheseVariants() {
    TenantId other = fx.tenant("other", Plan.PREMIUM);
    assertThatThrownBy(() -> reservations.reserve(other, "o1", List.of(new ReservationLine(red, 1))))
        .isInstanceOf(NotFoundException.class).hasMessageContaining(red.value());
    assertThatThrownBy(() -> reservations.available(other, red)).isInstanceOf(NotFoundException.class);
    reservations.reserve(shop, "o1", List.of(new ReservationLine(red, 1)));
    assertThat(reservations.findReservation(other, "o1")).isEmpty();
    reservations.release(other, "o1");
    assertThat(reservations.available(shop, red)).isEqualTo(4);
  }

  @Test
  void expiredReservationsAreReleasedByTheClock() {
    reservations.reserve(shop, "old", List.of(new ReservationLine(red, 2)));
    fx.clock().advance(java.time.Duration.ofMinutes(40));
    reservations.reserve(shop, "new", List.of(new ReservationLine(red, 1)));
    reservations.reserve(shop, "paid", List.of(new ReservationLine(blue, 1)));
    fx.clock().advance(java.time.Duration.ofMinutes(25));
    reservations.commit(shop, "paid");
    assertThat(fx.engine().releaseExpired(shop, java.time.Duration.ofHours(1))).containsExactly("old");
    assertThat(reservations.findReservation(shop, "old").orElseThrow().status()).isEqualTo(ReservationStatus.RELEASED);
    assertThat(reservations.findReservation(shop, "new").orElseThrow().status()).isEqualTo(ReservationStatus.ACTIVE);
    assertThat(reservations.available(shop, red)).isEqualTo(4);
    assertThat(fx.engine().releaseExpired(shop, java.time.Duration.ofHours(1))).isEmpty();
    assertThatThrownBy(() -> fx.engine().releaseExpired(shop, java.time.Duration.ZERO))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("maxAge");
  }
}
