package dev.dropsync.cj;

import dev.dropsync.cj.internal.Endpoint;
import dev.dropsync.cj.internal.HttpCore;
import dev.dropsync.cj.internal.Mappers;
import dev.dropsync.cj.internal.Query;
import dev.dropsync.cj.model.FreightQuote;
import dev.dropsync.cj.model.FreightRequest;
import dev.dropsync.cj.model.TrackInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Freight quotes and tracking. Obtain from {@link CjClient#logistics()}. Thread-safe.
 *
 * @since 0.1.0
 */
public final class LogisticsService {
  static final Endpoint FREIGHT = Endpoint.post("/logistic/freightCalculate", true);
  static final Endpoint TRACK = Endpoint.get("/logistic/trackInfo");

  private final HttpCore core;

  LogisticsService(HttpCore core) {
    this.core = core;
  }

  /**
   * {@code POST /logistic/freightCalculate} (10 points): shipping options for variants and a route.
   * Read-only, so retried on busy/5xx/timeouts.
   *
   * @param request route and items
   * @return quotes; {@link FreightQuote#logisticName()} is what createOrder expects
   * @since 0.1.0
   */
  public List<FreightQuote> freightCalculate(FreightRequest request) {
    return HttpCore.await(freightCalculateAsync(request, RequestOptions.none()), FREIGHT.name());
  }

  /**
   * Async {@link #freightCalculate(FreightRequest)}.
   *
   * @param request route and items
   * @param options per-call options
   * @return quotes
   * @since 0.1.0
   */
  public CompletableFuture<List<FreightQuote>> freightCalculateAsync(FreightRequest request, RequestOptions options) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("startCountryCode", request.startCountryCode());
    body.put("endCountryCode", request.endCountryCode());
    if (request.zip() != null) {
      body.put("zip", request.zip());
    }
    List<Object> products = new ArrayList<>();
    for (FreightRequest.Item i : request.items()) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("vid", i.vid());
      p.put("quantity", i.quantity());
      products.add(p);
    }
    body.put("products", products);
    return core.call(FREIGHT, Map.of(), body, options, Mappers::freight);
  }

  /**
   * {@code GET /logistic/trackInfo} (0 points) for one or more tracking numbers (repeated keys).
   *
   * @param trackNumbers tracking numbers (at least one)
   * @return tracking per number CJ knows
   * @throws CjInvalidRequestException when the list is empty or a number is blank
   * @since 0.1.0
   */
  public List<TrackInfo> trackInfo(List<String> trackNumbers) {
    return HttpCore.await(trackInfoAsync(trackNumbers, RequestOptions.none()), TRACK.name());
  }

  /**
   * Async {@link #trackInfo(List)}.
   *
   * @param trackNumbers tracking numbers
   * @param options per-call options
   * @return tracking
   * @since 0.1.0
   */
  public CompletableFuture<List<TrackInfo>> trackInfoAsync(List<String> trackNumbers, RequestOptions options) {
    if (trackNumbers.isEmpty()) {
      throw CjInvalidRequestException.of(TRACK.name(), "trackNumber", "[]", "at least one trackNumber is required");
    }
    for (String t : trackNumbers) {
      ProductService.require("trackNumber", t, TRACK);
    }
    return core.call(TRACK, Query.of().addAll("trackNumber", trackNumbers).build(), null, options, Mappers::tracks);
  }
}
