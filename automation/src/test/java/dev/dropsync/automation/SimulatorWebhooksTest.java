package dev.dropsync.automation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropsync.automation.testing.AutomationFixture;
import dev.dropsync.automation.testing.SimCatalogSupplier;
import dev.dropsync.cj.CjClient;
import dev.dropsync.cj.model.CreateOrderRequest;
import dev.dropsync.cj.model.OrderLine;
import dev.dropsync.cj.testkit.CjSimulator;
import dev.dropsync.cj.testkit.SimClock;
import dev.dropsync.cj.testkit.SimOrder;
import dev.dropsync.cj.testkit.WebhookDelivery;
import dev.dropsync.fulfillment.OrderId;
import dev.dropsync.fulfillment.OrderRequest;
import dev.dropsync.fulfillment.OrderStatus;
import dev.dropsync.fulfillment.SupplierOrder;
import dev.dropsync.fulfillment.SupplierOrderStatus;
import dev.dropsync.inventory.ImportResult;
import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.Plan;
import dev.dropsync.inventory.Product;
import dev.dropsync.inventory.Tenant;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.Variant;
import dev.dropsync.inventory.testing.InventoryFixture;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * End to end with the CJ simulator: its catalogue is the supplier, and the webhook deliveries are the
 * simulator's own, signed exactly as CJ signs them with the account's openId, for every topic.
 */
class SimulatorWebhooksTest {
  private final SimClock simClock;
  private final CjSimulator sim;
  private final AutomationFixture fx;
  private final TenantId shop = TenantId.of("shop-1");
  private final TenantAutomation t;
  private final String vid;
  private final String pid;
  private final Product product;

  SimulatorWebhooksTest() {
    simClock = SimClock.at(java.time.Instant.parse("2026-01-01T00:01:00Z")); // the fixture starts at 00:00
    sim = CjSimulator.builder().clock(simClock).qps(2).qpsEnforced(false).products(20).seed(11).build().start();
    SimCatalogSupplier supplier = new SimCatalogSupplier(sim);
    fx = new AutomationFixture(b -> b.supplier(supplier), s -> s, b -> {});
    t = fx.automation.onboard(TenantOnboarding.builder()
        .tenant(Tenant.of(shop, Plan.PREMIUM, InventoryFixture.USD))
        .cjApiKey(Secret.of(sim.apiKey())).cjOpenId(Secret.of(sim.openId())).build());
    vid = sim.catalog().inStockVariantIds().get(0);
    pid = sim.catalog().productIdOf(vid);
    ImportResult imported = fx.inventory.engine().importProduct(shop, pid);
    product = t.product(Objects.requireNonNull(imported.product()).id());
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  private Variant variant() {
    return t.product(product.id()).variants().stream().filter(v -> v.supplierVariantId().equals(vid)).findFirst().orElseThrow();
  }

  private WebhookAck deliver(WebhookDelivery d) {
    return t.receiveWebhook(d.body(), d.headers());
  }

  @Test
  void stockVariantAndProductMessagesFromTheSimulatorReReadTheCatalogue() {
    sim.catalog().setStock(vid, 2);
    WebhookDelivery stock = sim.webhooks().stock(vid);
    WebhookAck ack = deliver(stock);
    assertThat(ack.disposition()).isEqualTo(WebhookDisposition.ACCEPTED);
    assertThat(ack.messageId()).isEqualTo(stock.messageId());
    fx.runDue();
    assertThat(t.webhookLog(stock.messageId()).outcome()).isEqualTo(WebhookOutcome.APPLIED);
    assertThat(variant().onHand()).isEqualTo(sim.catalog().stock(vid));

    sim.catalog().setStock(vid, 9);
    WebhookDelivery variantMessage = sim.webhooks().variant(vid);
    deliver(variantMessage);
    fx.runDue();
    assertThat(t.webhookLog(variantMessage.messageId()).type()).isEqualTo("VARIANT");
    assertThat(variant().onHand()).isEqualTo(sim.catalog().stock(vid));

    BigDecimal newPrice = sim.catalog().price(vid).multiply(BigDecimal.valueOf(2));
    sim.catalog().setPrice(vid, newPrice);
    WebhookDelivery productMessage = sim.webhooks().product(pid);
    deliver(productMessage);
    fx.runDue();
    assertThat(t.webhookLog(productMessage.messageId()).outcome()).isEqualTo(WebhookOutcome.APPLIED);
    assertThat(variant().cost()).isEqualTo(Money.of(newPrice.toPlainString(), "USD"));

    assertThat(deliver(stock).disposition()).isEqualTo(WebhookDisposition.DUPLICATE);
    WebhookDelivery tampered = stock.withTamperedBody(stock.bodyText().replace(vid, vid + "0").getBytes(StandardCharsets.UTF_8));
    assertThat(deliver(tampered).status()).isEqualTo(401);
  }

  @Test
  void orderAndLogisticMessagesFromTheSimulatorMoveTheOrderForwardOnlyEvenWhenReversed() throws Exception {
    fx.fulfillment.createOrder(OrderRequest.builder().tenant(shop).orderId(OrderId.of("1001")).currency("USD")
        .line(variant().id(), 1, Money.of("19.99", "USD")).shippingCharge(Money.of("4.99", "USD"))
        .shippingAddress(dev.dropsync.fulfillment.Address.builder().name("Jane Doe").line1("1 Main St").city("New York")
            .province("NY").zip("10001").country("US").phone("+1 212 555 0100").build())
        .customer(dev.dropsync.fulfillment.CustomerContact.of("Jane Doe", "jane@example.com")).build());
    t.fulfill(OrderId.of("1001"));
    fx.runDue();
    SupplierOrder ours = t.supplierOrders(OrderId.of("1001")).get(0);
    assertThat(ours.status()).isEqualTo(SupplierOrderStatus.SUBMITTED);

    // the same order at CJ, placed with our reference as its order number and paid from balance
    String sd;
    try (CjClient cj = CjClient.builder().apiKey(sim.apiKey()).baseUrl(sim.baseUrl()).clock(simClock)
        .sleeper(d -> {
          simClock.advance(d);
          return CompletableFuture.completedFuture(null);
        }).qps(2).build()) {
      sd = Objects.requireNonNull(cj.orders().createOrderV2(CreateOrderRequest.builder().payType(2)
          .orderNumber(ours.reference()).shippingCountryCode("US").shippingCountry("United States")
          .shippingProvince("NY").shippingCity("New York").shippingAddress("1 Main St").shippingZip("10001")
          .shippingCustomerName("Jane Doe").shippingPhone("+1 212 555 0100").logisticName("CJPacket Ordinary")
          .addLine(OrderLine.ofVid(vid, 1)).build()).orderId());
    }
    WebhookDelivery paid = sim.webhooks().order(sd);
    simClock.advance(Duration.ofDays(3));
    fx.clock.set(simClock.instant()); // one timeline for CJ and us
    SimOrder shippedAtCj = sim.orders().byCjOrderId(sd).orElseThrow();
    assertThat(shippedAtCj.status()).isEqualTo("SHIPPED");
    WebhookDelivery shipped = sim.webhooks().order(sd);

    // CJ delivers unordered: the newer message first, the older one late
    assertThat(deliver(shipped).disposition()).isEqualTo(WebhookDisposition.ACCEPTED);
    fx.runDue();
    assertThat(deliver(paid).disposition()).isEqualTo(WebhookDisposition.ACCEPTED);
    fx.runDue();
    assertThat(t.webhookLog(shipped.messageId()).outcome()).isEqualTo(WebhookOutcome.APPLIED);
    assertThat(t.webhookLog(paid.messageId()).outcome()).isEqualTo(WebhookOutcome.IGNORED);
    SupplierOrder afterShipped = t.supplierOrders(OrderId.of("1001")).get(0);
    assertThat(afterShipped.status()).isEqualTo(SupplierOrderStatus.SHIPPED);
    assertThat(afterShipped.tracking().trackingNumber()).isEqualTo(shippedAtCj.trackNumber());
    assertThat(t.order(OrderId.of("1001")).status()).isEqualTo(OrderStatus.SHIPPED);
    assertThat(deliver(shipped).disposition()).isEqualTo(WebhookDisposition.DUPLICATE);

    // LOGISTIC names CJ's internal order id and the tracking number: found by tracking, then polled
    fx.clock.advance(Duration.ofDays(5));
    simClock.set(fx.clock.instant());
    fx.suppliers.advance(shop, "cj", ours.reference(), SupplierOrderStatus.DELIVERED, null, null);
    WebhookDelivery delivered = sim.webhooks().logistic(sd, 12);
    deliver(delivered);
    fx.runDue();
    assertThat(t.webhookLog(delivered.messageId()).outcome()).isEqualTo(WebhookOutcome.APPLIED);
    assertThat(t.order(OrderId.of("1001")).status()).isEqualTo(OrderStatus.DELIVERED);

    WebhookDelivery split = sim.webhooks().orderSplit(sd);
    assertThat(deliver(split).disposition()).isEqualTo(WebhookDisposition.ACCEPTED);
    fx.runDue();
    assertThat(t.webhookLog(split.messageId()).processed()).isTrue();
    assertThat(t.order(OrderId.of("1001")).status()).isEqualTo(OrderStatus.DELIVERED);
  }
}
