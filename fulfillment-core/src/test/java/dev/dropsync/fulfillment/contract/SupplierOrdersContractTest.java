package dev.dropsync.fulfillment.contract;

import dev.dropsync.fulfillment.spi.CancellationAnswer;
import dev.dropsync.fulfillment.spi.PlacementResult;
import dev.dropsync.fulfillment.spi.SupplierOrderRequest;
import dev.dropsync.fulfillment.spi.SupplierOrders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropsync.fulfillment.SupplierOrderStatus;
import dev.dropsync.inventory.TenantId;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link SupplierOrders} must meet (a CJ adapter runs it against a sandbox or a
 * mock server). Implement {@link #newSupplierOrders()} and {@link #request(String)}, a valid request
 * with the given unique reference.
 */
public abstract class SupplierOrdersContractTest {
  /** A supplier with no orders for the test tenant. */
  protected abstract SupplierOrders newSupplierOrders();

  /** A request the supplier will accept, with {@code reference}. */
  protected abstract SupplierOrderRequest request(String reference);

  @Test
  void placedOrderIsFoundByItsReference() {
    SupplierOrders s = newSupplierOrders();
    SupplierOrderRequest r = request("ct-1");
    PlacementResult result = s.place(r);
    assertThat(result.isCreated()).isTrue();
    assertThat(s.find(r.tenant(), r.supplierId(), "ct-1")).hasValueSatisfying(snap -> {
      assertThat(snap.reference()).isEqualTo("ct-1");
      assertThat(snap.supplierOrderId()).isEqualTo(result.supplierOrderId());
      assertThat(snap.status().isPlaced()).isTrue();
    });
    assertThat(s.status(r.tenant(), r.supplierId(), "ct-1").supplierOrderId()).isEqualTo(result.supplierOrderId());
  }

  @Test
  void unknownReferenceIsNotFound() {
    SupplierOrders s = newSupplierOrders();
    SupplierOrderRequest r = request("ct-2");
    assertThat(s.find(r.tenant(), r.supplierId(), "ct-never-placed")).isEmpty();
  }

  @Test
  void referencesAreScopedByTenant() {
    SupplierOrders s = newSupplierOrders();
    SupplierOrderRequest r = request("ct-3");
    s.place(r);
    TenantId other = TenantId.of(r.tenant().value() + "-other");
    assertThat(s.find(other, r.supplierId(), "ct-3")).isEmpty();
  }

  @Test
  void cancellingAnUnshippedOrderIsAnsweredAndRepeatable() {
    SupplierOrders s = newSupplierOrders();
    SupplierOrderRequest r = request("ct-4");
    s.place(r);
    CancellationAnswer first = s.cancel(r.tenant(), r.supplierId(), "ct-4");
    assertThat(first.outcome()).isIn(CancellationAnswer.Outcome.ACCEPTED, CancellationAnswer.Outcome.PENDING);
    if (first.outcome() == CancellationAnswer.Outcome.ACCEPTED) {
      assertThat(s.find(r.tenant(), r.supplierId(), "ct-4").orElseThrow().status()).isEqualTo(SupplierOrderStatus.CANCELLED);
      assertThat(s.cancel(r.tenant(), r.supplierId(), "ct-4").outcome()).isEqualTo(CancellationAnswer.Outcome.ACCEPTED);
    }
  }
}
