package dev.dropsync.cj.supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dropsync.cj.CjClient;
import dev.dropsync.cj.testkit.SimClock;
import dev.dropsync.inventory.TenantId;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * CJ answers the simulator never gives (a product without variants, a status nobody documented),
 * served verbatim by a mock server: the adapter fails with typed errors naming field and value.
 */
class UnusableCjDataTest {
  private static final String TOKEN = "{\"code\":200,\"result\":true,\"message\":\"Success\",\"requestId\":\"r0\",\"data\":"
      + "{\"openId\":37995,\"accessToken\":\"at-1\",\"accessTokenExpiryDate\":\"2026-12-09T09:16:33+08:00\","
      + "\"refreshToken\":\"rt-1\",\"refreshTokenExpiryDate\":\"2027-05-23T09:16:33+08:00\","
      + "\"createDate\":\"2026-11-24T09:16:33+08:00\"}}";

  private final MockWebServer server = new MockWebServer();
  private final SimClock clock = SimClock.at(SimSupport.START);
  private CjClient cj;

  @BeforeEach
  void start() throws IOException {
    server.start();
    cj = CjClient.builder().apiKey("CJ123456@api@0123456789abcdef0123456789abcdef")
        .baseUrl(server.url("/api2.0/v1").toString()).clock(clock).qps(100)
        .sleeper(d -> {
          clock.advance(d);
          return CompletableFuture.completedFuture(null);
        }).build();
    server.enqueue(json(TOKEN));
  }

  @AfterEach
  void stop() {
    cj.close();
    server.close();
  }

  private static MockResponse json(String body) {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
  }

  private static MockResponse ok(String data) {
    return json("{\"code\":200,\"result\":true,\"message\":\"Success\",\"requestId\":\"r1\",\"data\":" + data + "}");
  }

  @Test
  void aProductWithNoVariantsIsATypedErrorNamingTheField() {
    server.enqueue(ok("{\"pid\":\"P-EMPTY\",\"productNameEn\":\"Ghost\",\"variants\":[]}"));
    CjSupplierCatalog catalog = CjSupplier.builder().client(cj).build().catalog();
    assertThatThrownBy(() -> catalog.product("P-EMPTY")).isInstanceOfSatisfying(CjSupplierDataException.class, e -> {
      assertThat(e.field()).isEqualTo("variants");
      assertThat(e.value()).isEqualTo("[]");
      assertThat(e.getMessage()).contains("P-EMPTY");
    });
  }

  @Test
  void aProductWhoseVariantsHaveNoPriceIsATypedError() {
    server.enqueue(ok("{\"pid\":\"P-NOPRICE\",\"productNameEn\":\"Ghost\",\"variants\":[{\"vid\":\"V1\",\"variantSku\":\"S\"}]}"));
    CjSupplierCatalog catalog = CjSupplier.builder().client(cj).build().catalog();
    assertThatThrownBy(() -> catalog.product("P-NOPRICE")).isInstanceOf(CjSupplierDataException.class)
        .hasMessageContaining("without a price");
  }

  @Test
  void anUndocumentedOrderStatusIsATypedErrorCarryingTheRawValue() {
    server.enqueue(ok("{\"orderId\":\"1820000000000000001\",\"orderNum\":\"shop-9-1\",\"cjOrderId\":\"SD1\","
        + "\"orderStatus\":\"AWAITING_REVIEW\",\"createDate\":\"2026-11-25 08:00:00\"}"));
    CjSupplierOrders orders = CjSupplier.builder().client(cj).build().orders();
    assertThatThrownBy(() -> orders.status(TenantId.of("t"), "cj", "shop-9-1"))
        .isInstanceOfSatisfying(CjUnknownOrderStatusException.class, e -> {
          assertThat(e.rawStatus()).isEqualTo("AWAITING_REVIEW");
          assertThat(e.reference()).isEqualTo("shop-9-1");
        });
  }
}
