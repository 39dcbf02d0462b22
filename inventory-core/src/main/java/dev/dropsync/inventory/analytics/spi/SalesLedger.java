package dev.dropsync.inventory.analytics.spi;

import dev.dropsync.inventory.ProductId;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.analytics.Sale;
import dev.dropsync.inventory.analytics.SaleReturn;
import java.time.Instant;
import java.util.List;

/**
 * Stores sales and returns, the events analytics and forecasting are computed from. Every call is
 * scoped by a tenant; one tenant never sees another's events.
 *
 * <p>Contract (checked by the abstract {@code SalesLedgerContractTest} in the test-jar):
 *
 * <ul>
 *   <li>{@link #recordSale} is idempotent by {@code (tenant, orderRef, variant)}: recording an equal
 *       sale again returns {@code false} and stores nothing; recording a different sale under the
 *       same key throws {@link dev.dropsync.inventory.InvalidInputException} (field {@code
 *       orderRef}) and stores nothing.
 *   <li>{@link #recordReturn} needs a recorded sale with the same {@code (tenant, orderRef,
 *       variant)} and product (else {@link dev.dropsync.inventory.NotFoundException}); the returned
 *       quantity must not exceed the sold quantity; it is idempotent by the same key with the same
 *       rules as sales.
 *   <li>Queries return events with {@code from <= at < to}, ordered by {@code at}; {@code from >= to}
 *       throws {@link dev.dropsync.inventory.InvalidInputException}.
 *   <li>Each call is atomic; implementations are thread-safe.
 * </ul>
 *
 * @since 0.1.0
 */
public interface SalesLedger {

  /**
   * Records a sale.
   *
   * @return {@code true} if stored, {@code false} if an equal sale was already recorded
   * @throws dev.dropsync.inventory.InvalidInputException if a different sale has the same key
   */
  boolean recordSale(Sale sale);

  /**
   * Records a return of (part of) a recorded sale.
   *
   * @return {@code true} if stored, {@code false} if an equal return was already recorded
   * @throws dev.dropsync.inventory.NotFoundException if no sale matches {@code (tenant, orderRef,
   *     variant)} and product
   * @throws dev.dropsync.inventory.InvalidInputException if the quantity exceeds the sold quantity or
   *     a different return has the same key
   */
  boolean recordReturn(SaleReturn saleReturn);

  /**
   * The tenant's sales with {@code from <= at < to}, ordered by time.
   *
   * @throws dev.dropsync.inventory.InvalidInputException if {@code from >= to}
   */
  List<Sale> sales(TenantId tenant, Instant from, Instant to);

  /**
   * The tenant's sales of one product with {@code from <= at < to}, ordered by time.
   *
   * @throws dev.dropsync.inventory.InvalidInputException if {@code from >= to}
   */
  List<Sale> sales(TenantId tenant, ProductId product, Instant from, Instant to);

  /**
   * The tenant's returns with {@code from <= at < to}, ordered by time.
   *
   * @throws dev.dropsync.inventory.InvalidInputException if {@code from >= to}
   */
  List<SaleReturn> returns(TenantId tenant, Instant from, Instant to);

  /**
   * The tenant's returns of one product with {@code from <= at < to}, ordered by time.
   *
   * @throws dev.dropsync.inventory.InvalidInputException if {@code from >= to}
   */
  List<SaleReturn> returns(TenantId tenant, ProductId product, Instant from, Instant to);
}
