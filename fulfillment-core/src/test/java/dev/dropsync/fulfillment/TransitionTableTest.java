package dev.dropsync.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TransitionTableTest {
  private static final Map<OrderStatus, Set<OrderStatus>> EXPECTED_ORDER = Map.of(
      OrderStatus.PENDING, EnumSet.of(OrderStatus.CONFIRMED, OrderStatus.ON_HOLD, OrderStatus.CANCELLED),
      OrderStatus.CONFIRMED, EnumSet.of(OrderStatus.PROCESSING, OrderStatus.ON_HOLD, OrderStatus.CANCELLED),
      OrderStatus.PROCESSING, EnumSet.of(OrderStatus.SHIPPED, OrderStatus.ON_HOLD, OrderStatus.FAILED, OrderStatus.CANCELLED),
      OrderStatus.ON_HOLD, EnumSet.of(OrderStatus.CONFIRMED, OrderStatus.PROCESSING, OrderStatus.CANCELLED),
      OrderStatus.SHIPPED, EnumSet.of(OrderStatus.DELIVERED),
      OrderStatus.FAILED, EnumSet.of(OrderStatus.CONFIRMED, OrderStatus.CANCELLED),
      OrderStatus.DELIVERED, EnumSet.noneOf(OrderStatus.class),
      OrderStatus.CANCELLED, EnumSet.noneOf(OrderStatus.class));

  @Test
  void everyOrderFromToPairIsAllowedExactlyWhenTheTableSaysSo() {
    OrderId id = OrderId.of("o-1");
    int checked = 0;
    for (OrderStatus from : OrderStatus.values()) {
      for (OrderStatus to : OrderStatus.values()) {
        boolean expected = EXPECTED_ORDER.getOrDefault(from, Set.of()).contains(to);
        assertThat(OrderLifecycle.isAllowed(from, to)).as(from + " -> " + to).isEqualTo(expected);
        if (expected) {
          assertThatCode(() -> OrderLifecycle.check(id, from, to)).doesNotThrowAnyException();
        } else {
          assertThatThrownBy(() -> OrderLifecycle.check(id, from, to))
              .isInstanceOf(IllegalTransitionException.class)
              .hasMessageContaining("o-1").hasMessageContaining(from.name()).hasMessageContaining(to.name())
              .satisfies(e -> {
                assertThat(((IllegalTransitionException) e).from()).isEqualTo(from);
                assertThat(((IllegalTransitionException) e).to()).isEqualTo(to);
              });
        }
        checked++;
      }
    }
    assertThat(checked).isEqualTo(64);
  }

  @Test
  void terminalOrderStatusesHaveNoExits() {
    for (OrderStatus s : OrderStatus.values()) {
      assertThat(OrderLifecycle.allowed(s).isEmpty()).as(s.name()).isEqualTo(s.isTerminal());
    }
  }

  @Test
  void everySupplierOrderFromToPairMatchesTheTable() {
    Map<SupplierOrderStatus, Set<SupplierOrderStatus>> t = Map.ofEntries(
        Map.entry(SupplierOrderStatus.OPEN, EnumSet.of(SupplierOrderStatus.SUBMITTING, SupplierOrderStatus.CANCELLED)),
        Map.entry(SupplierOrderStatus.SUBMITTING, EnumSet.of(SupplierOrderStatus.SUBMITTED, SupplierOrderStatus.REJECTED, SupplierOrderStatus.CANCELLED)),
        Map.entry(SupplierOrderStatus.SUBMITTED, EnumSet.of(SupplierOrderStatus.ACCEPTED, SupplierOrderStatus.REJECTED, SupplierOrderStatus.CANCELLATION_REQUESTED)),
        Map.entry(SupplierOrderStatus.ACCEPTED, EnumSet.of(SupplierOrderStatus.IN_PROGRESS, SupplierOrderStatus.CANCELLATION_REQUESTED)),
        Map.entry(SupplierOrderStatus.IN_PROGRESS, EnumSet.of(SupplierOrderStatus.SHIPPED, SupplierOrderStatus.CANCELLATION_REQUESTED, SupplierOrderStatus.INCOMPLETE)),
        Map.entry(SupplierOrderStatus.SHIPPED, EnumSet.of(SupplierOrderStatus.DELIVERED, SupplierOrderStatus.INCOMPLETE)),
        Map.entry(SupplierOrderStatus.CANCELLATION_REQUESTED, EnumSet.of(SupplierOrderStatus.CANCELLED, SupplierOrderStatus.SUBMITTED, SupplierOrderStatus.ACCEPTED, SupplierOrderStatus.IN_PROGRESS)),
        Map.entry(SupplierOrderStatus.REJECTED, EnumSet.noneOf(SupplierOrderStatus.class)),
        Map.entry(SupplierOrderStatus.CANCELLED, EnumSet.noneOf(SupplierOrderStatus.class)),
        Map.entry(SupplierOrderStatus.DELIVERED, EnumSet.noneOf(SupplierOrderStatus.class)),
        Map.entry(SupplierOrderStatus.INCOMPLETE, EnumSet.noneOf(SupplierOrderStatus.class)));
    for (SupplierOrderStatus from : SupplierOrderStatus.values()) {
      for (SupplierOrderStatus to : SupplierOrderStatus.values()) {
        boolean expected = t.getOrDefault(from, Set.of()).contains(to);
        assertThat(SupplierOrderLifecycle.isAllowed(from, to)).as(from + " -> " + to).isEqualTo(expected);
        if (!expected) {
          assertThatThrownBy(() -> SupplierOrderLifecycle.check("r-1", from, to))
              .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("r-1");
        }
      }
    }
  }

  @Test
  void supplierUpdatesCanSkipForwardButNeverGoBack() {
    assertThat(SupplierOrderLifecycle.isReachable(SupplierOrderStatus.SUBMITTED, SupplierOrderStatus.SHIPPED)).isTrue();
    assertThat(SupplierOrderLifecycle.isReachable(SupplierOrderStatus.SUBMITTED, SupplierOrderStatus.DELIVERED)).isTrue();
    assertThat(SupplierOrderLifecycle.isReachable(SupplierOrderStatus.DELIVERED, SupplierOrderStatus.SHIPPED)).isFalse();
    assertThat(SupplierOrderLifecycle.isReachable(SupplierOrderStatus.SHIPPED, SupplierOrderStatus.IN_PROGRESS)).isFalse();
    assertThat(SupplierOrderLifecycle.isReachable(SupplierOrderStatus.IN_PROGRESS, SupplierOrderStatus.ACCEPTED)).isFalse();
    assertThat(SupplierOrderLifecycle.isReachable(SupplierOrderStatus.ACCEPTED, SupplierOrderStatus.CANCELLED)).isTrue();
  }
}
