package dev.dropsync.cj.sim;

import dev.dropsync.cj.CjClient;
import dev.dropsync.cj.model.CreateOrderRequest;
import dev.dropsync.cj.model.OrderLine;
import dev.dropsync.cj.spi.Sleeper;
import dev.dropsync.cj.testkit.CjSimulator;
import dev.dropsync.cj.testkit.SimClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Shared set-up: a simulator on a {@link SimClock} and a client whose waits move that clock. */
final class Sims {
  static final Instant START = Instant.parse("2026-11-25T08:00:00Z");

  private Sims() {}

  /** A client for the simulator's primary account on the shared clock, QPS 2 (as the simulator). */
  static CjClient.Builder client(CjSimulator sim, SimClock clock, Sleeper sleeper) {
    return CjClient.builder()
        .apiKey(sim.apiKey())
        .baseUrl(sim.baseUrl())
        .clock(clock)
        .sleeper(sleeper)
        .qps(2)
        .readTimeout(Duration.ofSeconds(10));
  }

  /** A valid US order for {@code vid}. */
  static CreateOrderRequest order(String orderNumber, String vid, int quantity) {
    return order(orderNumber, vid, quantity, 3);
  }

  /** A valid US order for {@code vid} with a V2 {@code payType} (2 pay from balance, 3 create only). */
  static CreateOrderRequest order(String orderNumber, String vid, int quantity, int payType) {
    return CreateOrderRequest.builder()
        .payType(payType)
        .orderNumber(orderNumber)
        .shippingCountryCode("US")
        .shippingCountry("United States")
        .shippingProvince("NY")
        .shippingCity("New York")
        .shippingAddress("1 Main St")
        .shippingZip("10001")
        .shippingCustomerName("Jane Doe")
        .shippingPhone("+1 212 555 0100")
        .logisticName("CJPacket Ordinary")
        .addLine(OrderLine.ofVid(vid, quantity))
        .build();
  }
}
