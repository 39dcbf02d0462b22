package dev.dropsync.fulfillment.spi;

import dev.dropsync.inventory.TenantId;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What to quote: one supplier's items to one destination.
 *
 * @param tenant the store
 * @param supplierId the supplier's key
 * @param country destination ISO 3166-1 alpha-2 code
 * @param zip destination postal code, if any
 * @param items what ships
 * @param currency the currency wanted (options in another currency are ignored by the engine)
 * @since 0.1.0
 */
public record FreightQuoteRequest(
    TenantId tenant, String supplierId, String country, @Nullable String zip, List<FreightItem> items, Currency currency) {
  /** Copies items. */
  public FreightQuoteRequest {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(supplierId, "supplierId");
    Objects.requireNonNull(country, "country");
    Objects.requireNonNull(currency, "currency");
    items = List.copyOf(items);
  }
}
