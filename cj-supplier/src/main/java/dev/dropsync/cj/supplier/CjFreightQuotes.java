package dev.dropsync.cj.supplier;

import dev.dropsync.cj.CjClient;
import dev.dropsync.cj.CjInvalidRequestException;
import dev.dropsync.cj.model.FreightQuote;
import dev.dropsync.cj.model.FreightRequest;
import dev.dropsync.cj.supplier.internal.CjErrors;
import dev.dropsync.fulfillment.FreightOption;
import dev.dropsync.fulfillment.spi.FreightItem;
import dev.dropsync.fulfillment.spi.FreightQuoteRequest;
import dev.dropsync.fulfillment.spi.FreightQuotes;
import dev.dropsync.inventory.CurrencyMismatchException;
import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.Money;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * CJ's freight calculation ({@code POST /logistic/freightCalculate}, 10 points a quote) as
 * fulfillment-core's {@link FreightQuotes}, on the CJ account of the request's tenant. Obtain it from
 * {@link CjSupplier#freightQuotes()}. Immutable, thread-safe.
 *
 * <p>Quotes go from the {@linkplain CjSupplier.Builder#shipFrom ship-from country} (the same
 * origin placed orders use) to the request's country and zip. Each CJ option becomes a {@link
 * FreightOption} whose carrier is CJ's exact {@code logisticName} (what createOrder needs), price the
 * total postage in USD and days CJ's {@code logisticAging} range; an option CJ sends without a day
 * range is left out (the shipping policies choose by days). A destination CJ cannot serve (CJ codes
 * 1605000–1605002) answers an empty list, which the engine turns into a NO_SHIPPING_OPTION hold.
 *
 * @since 0.1.0
 */
public final class CjFreightQuotes implements FreightQuotes {
  private final CjSupplier config;

  CjFreightQuotes(CjSupplier config) {
    this.config = config;
  }

  /**
   * Quotes {@code request} at CJ.
   *
   * @return CJ's options in CJ's order; empty if nothing ships there
   * @throws CurrencyMismatchException if the request wants a currency other than USD (CJ quotes
   *     and charges in USD only)
   * @throws InvalidInputException naming the field for another supplier id, no items, a quantity
   *     outside 1..2^31-1, or a tenant without a CJ account
   * @throws dev.dropsync.cj.CjException if CJ failed (after the client's retries), e.g. an unknown or
   *     off-shelf variant
   * @since 0.1.0
   */
  @Override
  public List<FreightOption> quote(FreightQuoteRequest request) {
    Objects.requireNonNull(request, "request");
    config.requireSupplier(request.supplierId());
    if (!request.currency().equals(CjSupplier.USD)) {
      throw new CurrencyMismatchException(CjSupplier.USD, request.currency());
    }
    if (request.items().isEmpty()) {
      throw new InvalidInputException("items", "[]", "must hold at least one item");
    }
    List<FreightRequest.Item> items = new ArrayList<>();
    for (int i = 0; i < request.items().size(); i++) {
      FreightItem it = request.items().get(i);
      if (it.quantity() < 1 || it.quantity() > Integer.MAX_VALUE) {
        throw new InvalidInputException("items[" + i + "].quantity", it.quantity(), "must be in 1.." + Integer.MAX_VALUE);
      }
      if (it.supplierVariantId().isBlank()) {
        throw new InvalidInputException("items[" + i + "].supplierVariantId", it.supplierVariantId(), "must not be blank");
      }
      items.add(new FreightRequest.Item(it.supplierVariantId(), (int) it.quantity()));
    }
    CjClient cj = config.client(request.tenant());
    List<FreightQuote> quotes;
    try {
      quotes = cj.logistics().freightCalculate(new FreightRequest(config.shipFrom(), request.country(), request.zip(), items));
    } catch (CjInvalidRequestException e) {
      if (CjErrors.isLogistics(e)) {
        return List.of();
      }
      throw e;
    }
    List<FreightOption> out = new ArrayList<>();
    for (FreightQuote q : quotes) {
      Integer min = q.minDays();
      Integer max = q.maxDays();
      if ((min == null && max == null) || q.logisticName().isBlank() || q.totalPostageFee().signum() < 0) {
        continue;
      }
      int lo = min != null ? min : Objects.requireNonNull(max);
      int hi = max != null ? max : lo;
      if (lo < 0 || hi < lo) {
        continue;
      }
      out.add(new FreightOption(q.logisticName(), Money.of(q.totalPostageFee(), CjSupplier.USD), lo, hi));
    }
    return List.copyOf(out);
  }

  @Override
  public String toString() {
    return "CjFreightQuotes{shipFrom=" + config.shipFrom() + "}";
  }
}
