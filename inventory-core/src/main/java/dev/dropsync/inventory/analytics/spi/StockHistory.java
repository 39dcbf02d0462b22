package dev.dropsync.inventory.analytics.spi;

import dev.dropsync.inventory.ProductId;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.analytics.StockObservation;
import java.time.LocalDate;
import java.util.List;

/**
 * Daily closing stock per variant, fed by the inventory engine (one {@link StockObservation} per
 * variant and day, typically right after the day's last sync). Every call is scoped by a tenant.
 *
 * <p>Contract (checked by the abstract {@code StockHistoryContractTest} in the test-jar): {@link
 * #record} upserts by {@code (tenant, variant, date)}; queries return observations with {@code from
 * <= date < to} ordered by date then variant; {@code from >= to} throws {@link
 * dev.dropsync.inventory.InvalidInputException}; calls are atomic and thread-safe.
 *
 * @since 0.1.0
 */
public interface StockHistory {

  /** Stores {@code observation}, replacing any with the same tenant, variant and date. */
  void record(StockObservation observation);

  /**
   * The tenant's observations with {@code from <= date < to}.
   *
   * @throws dev.dropsync.inventory.InvalidInputException if {@code from >= to}
   */
  List<StockObservation> observations(TenantId tenant, LocalDate from, LocalDate to);

  /**
   * The observations of one product's variants with {@code from <= date < to}.
   *
   * @throws dev.dropsync.inventory.InvalidInputException if {@code from >= to}
   */
  List<StockObservation> observations(TenantId tenant, ProductId product, LocalDate from, LocalDate to);
}
