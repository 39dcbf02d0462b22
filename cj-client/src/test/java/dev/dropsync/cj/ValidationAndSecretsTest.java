package dev.dropsync.cj;

import static dev.dropsync.cj.TestSupport.API_KEY;
import static dev.dropsync.cj.TestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dropsync.cj.model.CreateOrderRequest;
import dev.dropsync.cj.model.FreightRequest;
import dev.dropsync.cj.model.OrderLine;
import dev.dropsync.cj.model.PriceRange;
import dev.dropsync.cj.testkit.SimClock;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class ValidationAndSecretsTest {
  @StartStop public final MockWebServer server = new MockWebServer();
  private final SimClock clock = SimClock.at(TestSupport.START);
  private final VirtualSleeper sleeper = new VirtualSleeper(clock);

  @Test
  void blankApiKeyIsRejectedWithoutEchoingIt() {
    assertThatThrownBy(() -> CjClient.builder().apiKey("   ").build())
        .isInstanceOfSatisfying(CjInvalidRequestException.class, e -> {
          assertThat(e.field()).isEqualTo("apiKey");
          assertThat(e.cjMessage()).isEqualTo("apiKey is blank");
        });
    assertThatThrownBy(() -> CjClient.builder().build()).hasMessageContaining("apiKey is blank");
  }

  @Test
  void malformedBaseUrlNamesTheValue() {
    assertThatThrownBy(() -> CjClient.builder().apiKey(API_KEY).baseUrl("ftp//nope").build())
        .isInstanceOfSatisfying(CjInvalidRequestException.class, e -> {
          assertThat(e.field()).isEqualTo("baseUrl");
          assertThat(e.value()).isEqualTo("ftp//nope");
          assertThat(e.getMessage()).contains("ftp//nope").doesNotContain(API_KEY);
        });
    assertThatThrownBy(() -> CjClient.builder().apiKey(API_KEY).qps(0).build()).hasMessageContaining("qps");
    assertThatThrownBy(() -> CjClient.builder().apiKey(API_KEY).maxRetries(-1).build()).hasMessageContaining("maxRetries");
  }

  @Test
  void negativeQuantityIsRejectedBeforeAnyRequest() {
    try (CjClient cj = TestSupport.client(server, clock, sleeper).build()) {
      assertThatThrownBy(() -> cj.orders().createOrderV2(WireTest.order().addLine(OrderLine.ofVid("V123", -2)).build()))
          .isInstanceOfSatisfying(CjInvalidRequestException.class, e -> {
            assertThat(e.field()).isEqualTo("products[1].quantity");
            assertThat(e.value()).isEqualTo("-2");
            assertThat(e.getMessage()).contains("quantity must be >= 1 but was -2 (line 2, vid \"V123\")");
            assertThat(e.attemptCount()).isZero();
          });
      assertThatThrownBy(() -> cj.logistics().freightCalculate(
          new FreightRequest("CN", "US", null, List.of(new FreightRequest.Item("V1", 0)))))
          .isInstanceOf(CjInvalidRequestException.class).hasMessageContaining("items[0].quantity");
    }
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void missingAddressFieldsAreNamed() {
    assertThatThrownBy(() -> WireTest.order().shippingAddress(" ").build())
        .isInstanceOfSatisfying(CjInvalidRequestException.class, e -> {
          assertThat(e.field()).isEqualTo("shippingAddress");
          assertThat(e.getMessage()).contains("shippingAddress is required but was \" \"");
        });
    assertThatThrownBy(() -> CreateOrderRequest.builder().orderNumber("x").build())
        .isInstanceOf(CjInvalidRequestException.class).hasMessageContaining("shippingCountryCode");
    assertThatThrownBy(() -> WireTest.order().shopLogisticsType(1).build()).hasMessageContaining("storageId");
    assertThatThrownBy(() -> WireTest.order().platform("Api").build()).hasMessageContaining("platform");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void secretsNeverAppearInToStringExceptionsOrListenerEvents() {
    List<String> events = new CopyOnWriteArrayList<>();
    server.enqueue(json("{\"code\":1600005,\"result\":false,\"message\":\"apiKey " + API_KEY + " with token "
        + TestSupport.TOKEN + " is wrong\",\"requestId\":\"r1\"}"));
    CjClient.Builder b = TestSupport.client(server, clock, sleeper).listener(new CjClientListener() {
      @Override
      public void onRequest(RequestEvent event) {
        events.add(event.toString());
      }

      @Override
      public void onResponse(ResponseEvent event) {
        events.add(event.toString());
      }
    });
    assertThat(b.toString()).doesNotContain(API_KEY);
    try (CjClient cj = b.build()) {
      assertThat(cj.toString()).doesNotContain(API_KEY).doesNotContain("0123456789abcdef");
      assertThatThrownBy(() -> cj.payments().getBalance())
          .isInstanceOf(CjAuthenticationException.class)
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain(API_KEY).doesNotContain(TestSupport.TOKEN).contains("[redacted]"));
    }
    assertThat(events).isNotEmpty().allSatisfy(s -> assertThat(s).doesNotContain(API_KEY).doesNotContain(TestSupport.TOKEN));
  }

  @Test
  void priceRangesParseEveryCjSpelling() {
    assertThat(PriceRange.parse("15.16 -- 15.17")).isEqualTo(new PriceRange(new BigDecimal("15.16"), new BigDecimal("15.17")));
    assertThat(PriceRange.parse("1.20-3.50")).isEqualTo(new PriceRange(new BigDecimal("1.20"), new BigDecimal("3.50")));
    assertThat(PriceRange.parse("7").isSingle()).isTrue();
    assertThatThrownBy(() -> PriceRange.parse("cheap")).isInstanceOf(CjInvalidRequestException.class).hasMessageContaining("cheap");
  }
}
