package dev.dropsync.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.dropsync.automation.Automation;
import dev.dropsync.automation.EncryptedSecretStore;
import dev.dropsync.automation.Secret;
import dev.dropsync.automation.SecretKeyRing;
import dev.dropsync.automation.TenantAutomation;
import dev.dropsync.automation.TenantOnboarding;
import dev.dropsync.automation.WebhookAck;
import dev.dropsync.automation.WebhookLog;
import dev.dropsync.automation.spi.InMemoryCiphertextStore;
import dev.dropsync.automation.spi.InMemoryStockAlertStore;
import dev.dropsync.automation.spi.InMemoryWebhookLogStore;
import dev.dropsync.cj.supplier.CjSupplier;
import dev.dropsync.cj.testkit.WebhookDelivery;
import dev.dropsync.fulfillment.FulfillmentEngine;
import dev.dropsync.fulfillment.spi.InMemoryOrderStore;
import dev.dropsync.fulfillment.spi.RecordingNotifier;
import dev.dropsync.inventory.InventoryEngine;
import dev.dropsync.inventory.Plan;
import dev.dropsync.inventory.Product;
import dev.dropsync.inventory.Tenant;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.memory.InMemoryInventoryStore;
import dev.dropsync.scheduler.InMemoryTaskStore;
import dev.dropsync.scheduler.Scheduler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Example 4, a webhook endpoint: the JDK's built-in {@link HttpServer} serving automation's {@link
 * dev.dropsync.automation.CjWebhookEndpoint} at one URL per tenant, {@code
 * POST /webhooks/cj/{tenant}}. The endpoint verifies CJ's {@code sign} header against the tenant's
 * openId, logs and queues the message and answers at once; the scheduler applies it (a STOCK
 * message re-reads the product from CJ). Runs against the embedded CJ simulator, whose signed
 * deliveries are posted to the server over HTTP ({@code java -jar dropsync-examples.jar webhooks}).
 *
 * <p>Register {@code https://your.host/webhooks/cj/<tenant>} with CJ ({@code
 * cj.webhooks().set(...)}; CJ only calls HTTPS URLs, so put the server behind your TLS proxy).
 *
 * @since 0.1.0
 */
public final class WebhookServerExample {
  /** The path prefix; the tenant id follows it. */
  public static final String PATH = "/webhooks/cj/";
  /** Bodies larger than this are answered 413 by the endpoint without being read further (1 MiB). */
  public static final int MAX_BODY_BYTES = 1 << 20;

  private WebhookServerExample() {}

  /**
   * A running webhook server: the JDK {@link HttpServer} and the threads that answer. Close it to
   * stop both.
   *
   * @since 0.1.0
   */
  public static final class Server implements AutoCloseable {
    private final HttpServer http;
    private final ExecutorService threads;

    private Server(HttpServer http, ExecutorService threads) {
      this.http = http;
      this.threads = threads;
    }

    /**
     * The URL CJ should call for {@code tenant}.
     *
     * @param tenant the tenant
     * @return {@code http://host:port/webhooks/cj/<tenant>}
     * @since 0.1.0
     */
    public URI uri(TenantId tenant) {
      InetSocketAddress a = http.getAddress();
      return URI.create("http://" + a.getHostString() + ":" + a.getPort() + PATH + tenant.value());
    }

    /**
     * The address the server listens on (with the port picked, if 0 was asked for).
     *
     * @return the address
     * @since 0.1.0
     */
    public InetSocketAddress address() {
      return http.getAddress();
    }

    /** Stops accepting requests at once and releases the answering threads. */
    @Override
    public void close() {
      http.stop(0);
      threads.shutdownNow();
    }
  }

  /**
   * Starts an HTTP server at {@code address} that hands every {@code POST /webhooks/cj/{tenant}} to
   * {@code automation.webhooks()} and copies its answer (status, content type, body) to the
   * response. Other paths answer 404, other methods 405.
   *
   * @param automation the automation whose endpoint answers
   * @param address where to listen, e.g. {@code new InetSocketAddress("0.0.0.0", 8080)}; port 0
   *     picks a free one
   * @return the started server; close it
   * @throws UncheckedIOException if the address cannot be bound
   * @since 0.1.0
   */
  public static Server serve(Automation automation, InetSocketAddress address) {
    HttpServer server;
    try {
      server = HttpServer.create(address, 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + address, e);
    }
    server.createContext(PATH, exchange -> {
      try (exchange) {
        handle(automation, exchange);
      }
    });
    ExecutorService threads = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "webhook-http");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(threads);
    server.start();
    return new Server(server, threads);
  }

  private static void handle(Automation automation, HttpExchange exchange) throws IOException {
    if (!"POST".equals(exchange.getRequestMethod())) {
      exchange.getResponseHeaders().set("Allow", "POST");
      send(exchange, 405, "text/plain; charset=utf-8", "POST only");
      return;
    }
    String tenant = exchange.getRequestURI().getPath().substring(PATH.length());
    if (tenant.isBlank() || tenant.contains("/")) {
      send(exchange, 404, "text/plain; charset=utf-8", "no such tenant endpoint");
      return;
    }
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readNBytes(MAX_BODY_BYTES + 1);  // the endpoint refuses anything over its limit
    }
    WebhookAck ack = automation.webhooks().receive(TenantId.of(tenant), body,
        exchange.getRequestHeaders().getFirst("sign"));
    send(exchange, ack.status(), ack.contentType(), ack.body());
  }

  private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
    byte[] out = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, out.length == 0 ? -1 : out.length);
    try (OutputStream os = exchange.getResponseBody()) {
      os.write(out);
    }
  }

  /**
   * What the run did, for checking.
   *
   * @param signedStatus HTTP status answered to CJ's signed STOCK message
   * @param forgedStatus HTTP status answered to the same body with a forged signature
   * @param duplicateStatus HTTP status answered to the signed message delivered again
   * @param unknownTenantStatus HTTP status answered at the URL of a tenant that does not exist
   * @param log the signed message's log entry once processed
   * @param onHandBefore the variant's stock before
   * @param onHandAfter the variant's stock after the message was applied
   * @param cjStock the stock at CJ
   * @since 0.1.0
   */
  public record Result(int signedStatus, int forgedStatus, int duplicateStatus, int unknownTenantStatus, WebhookLog log,
      long onHandBefore, long onHandAfter, long cjStock) {}

  /**
   * Runs the example against a fresh embedded simulator and prints what happens.
   *
   * @param args ignored
   * @since 0.1.0
   */
  public static void main(String[] args) {
    try (EmbeddedCj cj = EmbeddedCj.start(10, 6)) {
      run(cj, new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), System.out);
    }
  }

  /**
   * Serves the endpoint, posts a CJ-signed STOCK message and a forged copy to it over HTTP, and waits
   * for the scheduler to apply the genuine one.
   *
   * @param cj the CJ side
   * @param address where the server listens
   * @param out where to print
   * @return what happened
   * @since 0.1.0
   */
  public static Result run(EmbeddedCj cj, InetSocketAddress address, PrintStream out) {
    CjSupplier supplier = CjSupplier.builder().client(cj.client()).clock(cj.clock()).build();
    InventoryEngine inventory = InventoryEngine.builder().store(new InMemoryInventoryStore())
        .supplier(supplier.catalog()).clock(cj.clock()).build();
    FulfillmentEngine fulfillment = FulfillmentEngine.builder().orderStore(new InMemoryOrderStore())
        .stock(inventory).variants(inventory).freightQuotes(supplier.freightQuotes())
        .supplierOrders(supplier.orders()).notifier(new RecordingNotifier()).clock(cj.clock()).build();
    InMemoryWebhookLogStore webhookLogs = new InMemoryWebhookLogStore();
    Automation automation = Automation.builder()
        .inventory(inventory).fulfillment(fulfillment)
        .scheduler(Scheduler.builder().store(new InMemoryTaskStore()).clock(cj.clock()).workerCount(2)
            .pollInterval(Duration.ofMillis(100)))
        .secrets(EncryptedSecretStore.builder().keyRing(SecretKeyRing.of("example", SecretKeyRing.generateKey()))
            .storage(new InMemoryCiphertextStore()).build())
        .webhookLogs(webhookLogs)
        .stockAlerts(new InMemoryStockAlertStore())
        .alertSink(alert -> { })
        .clock(cj.clock())
        .build();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    try {
      // Webhooks are processed on PREMIUM; the tenant's CJ openId is the key CJ signs with.
      TenantId id = TenantId.of("shop-1");
      TenantAutomation shop = automation.onboard(TenantOnboarding.builder()
          .tenant(Tenant.of(id, Plan.PREMIUM, CjSupplier.USD))
          .cjOpenId(Secret.of(cj.sim().openId()))
          .build());
      String vid = cj.sim().catalog().inStockVariantIds().get(0);
      Product product = inventory.importProduct(id, cj.sim().catalog().productIdOf(vid)).requireProduct();
      long before = product.variantBySupplierId(vid).orElseThrow().onHand();

      automation.start();
      try (Server server = serve(automation, address)) {
        URI endpoint = server.uri(id);
        out.printf("Serving CJ webhooks for %s at %s%n", id, endpoint);

        // CJ's stock for the variant changes and CJ sends a signed STOCK message.
        cj.sim().catalog().setStock(vid, (int) before + 17);
        WebhookDelivery stock = cj.sim().webhooks().stock(vid);
        int signed = post(http, endpoint, stock.body(), stock.headers());
        out.printf("POST signed STOCK message %s -> %d%n", stock.messageId(), signed);
        int forged = post(http, endpoint, stock.body(), Map.of("sign", "Zm9yZ2Vk"));
        out.printf("POST the same body with a forged signature -> %d%n", forged);
        int duplicate = post(http, endpoint, stock.body(), stock.headers());
        out.printf("POST the signed message again (CJ retries) -> %d, no second effect%n", duplicate);
        int unknownTenant = post(http, server.uri(TenantId.of("no-such-shop")), stock.body(), stock.headers());
        out.printf("POST to another tenant's URL -> %d%n", unknownTenant);

        WebhookLog log = awaitProcessed(shop, stock.messageId(), Duration.ofSeconds(30));
        long after = inventory.product(id, product.id()).variantBySupplierId(vid).orElseThrow().onHand();
        out.printf("Message %s %s; variant %s on hand %d -> %d (CJ has %d)%n", log.logId(), log.outcome(), vid,
            before, after, cj.sim().catalog().stock(vid));
        return new Result(signed, forged, duplicate, unknownTenant, log, before, after, cj.sim().catalog().stock(vid));
      }
    } finally {
      automation.close();
    }
  }

  static int post(HttpClient http, URI uri, byte[] body, Map<String, String> headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach((k, v) -> {
      if (!k.equalsIgnoreCase("content-type") && !k.equalsIgnoreCase("content-length") && !k.equalsIgnoreCase("host")) {
        b.header(k, v);
      }
    });
    try {
      return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      throw new UncheckedIOException("POST " + uri + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while posting to " + uri, e);
    }
  }

  private static WebhookLog awaitProcessed(TenantAutomation shop, String messageId, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      WebhookLog l = shop.webhookLog(messageId);
      if (l.processed()) {
        return l;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("message " + messageId + " was not processed within " + timeout
            + " (" + l.outcome() + ")");
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
  }
}
