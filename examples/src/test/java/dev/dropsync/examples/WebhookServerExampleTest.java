package dev.dropsync.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropsync.automation.WebhookOutcome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookServerExampleTest {
  @Test
  void aCjSignedStockMessageIsAcceptedOverHttpAndAppliedAndAForgedOneIsRefused() {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (EmbeddedCj cj = EmbeddedCj.start(10, 6)) {
      WebhookServerExample.Result r = WebhookServerExample.run(cj,
          new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), new PrintStream(printed, true, StandardCharsets.UTF_8));

      assertThat(r.signedStatus()).isEqualTo(200);
      assertThat(r.forgedStatus()).isEqualTo(401);
      assertThat(r.duplicateStatus()).isEqualTo(200);
      assertThat(r.unknownTenantStatus()).isEqualTo(404);
      assertThat(r.log().duplicates()).isEqualTo(1);
      assertThat(r.log().verified()).isTrue();
      assertThat(r.log().outcome()).isEqualTo(WebhookOutcome.APPLIED);
      assertThat(r.onHandAfter()).isEqualTo(r.cjStock()).isNotEqualTo(r.onHandBefore());
    }
    assertThat(printed.toString(StandardCharsets.UTF_8)).contains("-> 200").contains("-> 401");
  }

  @Test
  void theServerAnswersOnlyPostAtATenantPath() throws Exception {
    try (EmbeddedCj cj = EmbeddedCj.start(5, 6)) {
      dev.dropsync.automation.Automation automation = minimalAutomation(cj);
      try (WebhookServerExample.Server server = WebhookServerExample.serve(automation,
          new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
        HttpClient http = HttpClient.newHttpClient();
        URI tenantUrl = server.uri(dev.dropsync.inventory.TenantId.of("shop-1"));
        assertThat(http.send(HttpRequest.newBuilder(tenantUrl).GET().build(), HttpResponse.BodyHandlers.discarding())
            .statusCode()).isEqualTo(405);
        URI noTenant = URI.create(tenantUrl.toString().replace("/shop-1", "/"));
        assertThat(WebhookServerExample.post(http, noTenant, "{}".getBytes(StandardCharsets.UTF_8), Map.of()))
            .isEqualTo(404);
        URI nested = URI.create(tenantUrl + "/extra");
        assertThat(WebhookServerExample.post(http, nested, "{}".getBytes(StandardCharsets.UTF_8), Map.of()))
            .isEqualTo(404);
        assertThat(WebhookServerExample.post(http, tenantUrl, "{}".getBytes(StandardCharsets.UTF_8), Map.of()))
            .as("tenant not registered").isEqualTo(404);
      } finally {
        automation.close();
      }
    }
  }

  private static dev.dropsync.automation.Automation minimalAutomation(EmbeddedCj cj) {
    dev.dropsync.cj.supplier.CjSupplier supplier = dev.dropsync.cj.supplier.CjSupplier.builder().client(cj.client()).build();
    dev.dropsync.inventory.InventoryEngine inventory = dev.dropsync.inventory.InventoryEngine.builder()
        .store(new dev.dropsync.inventory.memory.InMemoryInventoryStore()).supplier(supplier.catalog()).build();
    dev.dropsync.fulfillment.FulfillmentEngine fulfillment = dev.dropsync.fulfillment.FulfillmentEngine.builder()
        .orderStore(new dev.dropsync.fulfillment.spi.InMemoryOrderStore()).stock(inventory).variants(inventory)
        .freightQuotes(supplier.freightQuotes()).supplierOrders(supplier.orders())
        .notifier(new dev.dropsync.fulfillment.spi.RecordingNotifier()).build();
    return dev.dropsync.automation.Automation.builder().inventory(inventory).fulfillment(fulfillment)
        .scheduler(dev.dropsync.scheduler.Scheduler.builder().store(new dev.dropsync.scheduler.InMemoryTaskStore()))
        .secrets(dev.dropsync.automation.EncryptedSecretStore.builder()
            .keyRing(dev.dropsync.automation.SecretKeyRing.of("t", dev.dropsync.automation.SecretKeyRing.generateKey()))
            .storage(new dev.dropsync.automation.spi.InMemoryCiphertextStore()).build())
        .webhookLogs(new dev.dropsync.automation.spi.InMemoryWebhookLogStore())
        .stockAlerts(new dev.dropsync.automation.spi.InMemoryStockAlertStore())
        .alertSink(a -> { })
        .build();
  }
}
