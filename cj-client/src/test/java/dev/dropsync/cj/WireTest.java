package dev.dropsync.cj;

import static dev.dropsync.cj.TestSupport.fixture;
import static dev.dropsync.cj.TestSupport.json;
import static dev.dropsync.cj.TestSupport.ok;
import static dev.dropsync.cj.TestSupport.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dropsync.cj.model.CreateOrderRequest;
import dev.dropsync.cj.model.CreatedOrder;
import dev.dropsync.cj.model.FreightQuote;
import dev.dropsync.cj.model.FreightRequest;
import dev.dropsync.cj.model.Order;
import dev.dropsync.cj.model.OrderLine;
import dev.dropsync.cj.model.OrderListRequest;
import dev.dropsync.cj.model.Page;
import dev.dropsync.cj.model.PriceRange;
import dev.dropsync.cj.model.Product;
import dev.dropsync.cj.model.ProductDetail;
import dev.dropsync.cj.model.ProductInventory;
import dev.dropsync.cj.model.ProductListRequest;
import dev.dropsync.cj.model.ProductListV2Request;
import dev.dropsync.cj.model.StockLevel;
import dev.dropsync.cj.model.SubscribeResult;
import dev.dropsync.cj.model.TrackInfo;
import dev.dropsync.cj.model.Variant;
import dev.dropsync.cj.model.WebhookSettings;
import dev.dropsync.cj.testkit.SimClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WireTest {
  @StartStop public final MockWebServer server = new MockWebServer();
  private final SimClock clock = SimClock.at(TestSupport.START);
  private final VirtualSleeper sleeper = new VirtualSleeper(clock);
  private @org.jspecify.annotations.Nullable CjClient cj;

  private CjClient cj() {
    CjClient c = cj;
    if (c == null) {
      c = TestSupport.client(server, clock, sleeper).build();
      cj = c;
    }
    return c;
  }

  @AfterEach
  void close() {
    CjClient c = cj;
    if (c != null) {
      c.close();
    }
  }

  private static void assertGet(RecordedRequest r, String path) {
    assertThat(r.getMethod()).isEqualTo("GET");
    assertThat(r.getUrl().encodedPath()).isEqualTo("/api2.0/v1" + path);
    assertThat(r.getHeaders().get("CJ-Access-Token")).isEqualTo(TestSupport.TOKEN);
    assertThat(r.getHeaders().get("Content-Type")).startsWith("application/json");
  }

  private static void assertBody(RecordedRequest r, String method, String path, String json) {
    assertThat(r.getMethod()).isEqualTo(method);
    assertThat(r.getUrl().encodedPath()).isEqualTo("/api2.0/v1" + path);
    assertThat(r.getHeaders().get("CJ-Access-Token")).isEqualTo(TestSupport.TOKEN);
    assertThat(r.getBody().utf8()).isEqualTo(json);
  }

  @Test
  void productListSendsPagingAndDecodesQuirks() {
    server.enqueue(json(fixture("products/list-page1.json")));
    Page<Product> page = cj().products().list(new ProductListRequest(1, 2, "CAT-1", null, null, null, "US"));
    RecordedRequest r = take(server);
    assertGet(r, "/product/list");
    assertThat(r.getUrl().encodedQuery()).isEqualTo("pageNum=1&pageSize=2&categoryId=CAT-1&countryCode=US");
    assertThat(page.total()).isEqualTo(3);
    assertThat(page.pageNumber()).isEqualTo(1);
    Product hoodie = page.items().get(0);
    assertThat(hoodie.pid()).isEqualTo("04A22450-67F0-4617-A132-E7AE7F8963B0");
    assertThat(hoodie.names()).containsExactly("猫耳朵卫衣");
    assertThat(hoodie.sellPrice()).isEqualTo(PriceRange.of(new BigDecimal("15.16")));
    assertThat(hoodie.createdAt()).isEqualTo(Instant.ofEpochMilli(1790000000000L));
    assertThat(hoodie.freeShipping()).isFalse();
    Product bottle = page.items().get(1);
    assertThat(bottle.pid()).isEqualTo("1371342252697325568");
    assertThat(bottle.weightGrams()).isEqualByComparingTo("320.5");
    assertThat(bottle.sellPrice()).isEqualTo(new PriceRange(new BigDecimal("1.20"), new BigDecimal("3.50")));
    assertThat(bottle.freeShipping()).isTrue();
    assertThat(bottle.createdAt()).isEqualTo(Instant.ofEpochMilli(1790000000123L));
    assertThat(cj().remainingPoints()).hasValue(49880);
  }

  @Test
  void missingRequiredFieldNamesEndpointAndField() {
    server.enqueue(json(fixture("products/list-missing-pid.json")));
    assertThatThrownBy(() -> cj().products().list(ProductListRequest.firstPage()))
        .isInstanceOf(CjMalformedResponseException.class)
        .hasMessageContaining("GET /product/list")
        .hasMessageContaining("data.list[0].id");
  }

  @Test
  void listAllFetchesPagesLazilyAndTracksPageNumber() {
    server.enqueue(json(fixture("products/list-page1.json")));
    server.enqueue(json(fixture("products/list-page2.json")));
    PagedIterable<Product> all = cj().products().listAll(ProductListRequest.firstPage().withPageSize(2));
    assertThat(server.getRequestCount()).isZero();
    Iterator<Product> it = all.iterator();
    assertThat(it.next().pid()).isEqualTo("04A22450-67F0-4617-A132-E7AE7F8963B0");
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(it.next().pid()).isEqualTo("1371342252697325568");
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(all.nextPageNumber()).isEqualTo(2);
    assertThat(it.next().nameEn()).isEqualTo("Desk Lamp");
    assertThat(it.hasNext()).isFalse();
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(take(server).getUrl().queryParameter("pageNum")).isEqualTo("1");
    assertThat(take(server).getUrl().queryParameter("pageNum")).isEqualTo("2");
  }

  @Test
  void limitStopsFetchingPagesOnceEnoughItemsWereRead() {
    server.enqueue(json(fixture("products/list-page1.json")));
    List<Product> two = cj().products().listAll(ProductListRequest.firstPage().withPageSize(2)).limit(2).stream().toList();
    assertThat(two).hasSize(2);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void closeLeavesAnInjectedOkHttpClientOpen() throws Exception {
    okhttp3.OkHttpClient mine = new okhttp3.OkHttpClient();
    server.enqueue(json(fixture("payments/balance.json")));
    server.enqueue(json("{}"));
    try (CjClient c = TestSupport.client(server, clock, sleeper).okHttpClient(mine).build()) {
      c.payments().getBalance();
    }
    try (okhttp3.Response r = mine.newCall(new okhttp3.Request.Builder().url(server.url("/still-open")).build()).execute()) {
      assertThat(r.code()).isEqualTo(200);
    }
    assertThat(mine.dispatcher().executorService().isShutdown()).isFalse();
  }

  @Test
  void listAllRethrowsCjExceptionUnwrapped() {
    server.enqueue(TestSupport.error(1600300, "Param error"));
    assertThatThrownBy(() -> cj().products().listAll(ProductListRequest.firstPage()).stream().count())
        .isInstanceOf(CjInvalidRequestException.class)
        .extracting(e -> ((CjException) e).code()).isEqualTo(1600300);
  }

  @Test
  void productListV2MapsRenamedFieldsAndRanges() {
    server.enqueue(json(fixture("products/listV2.json")));
    Page<Product> page = cj().products().listV2(ProductListV2Request.keyword("hoodie"));
    RecordedRequest r = take(server);
    assertGet(r, "/product/listV2");
    assertThat(r.getUrl().encodedQuery()).isEqualTo("keyWord=hoodie&page=1&size=10");
    assertThat(page.total()).isEqualTo(6000);
    assertThat(page.items()).extracting(Product::pid).containsExactly("04A22450-67F0-4617-A132-E7AE7F8963B0", "1371342252697325568");
    assertThat(page.items().get(0).sellPrice()).isEqualTo(new PriceRange(new BigDecimal("15.16"), new BigDecimal("15.17")));
    assertThat(page.items().get(0).imageUrl()).isEqualTo("https://x/a.jpg");
  }

  @Test
  void productQueryByPidDecodesVariantsDatesAndJsonInStrings() {
    server.enqueue(json(fixture("products/query.json")));
    ProductDetail d = cj().products().getByPid("04A22450-67F0-4617-A132-E7AE7F8963B0");
    RecordedRequest r = take(server);
    assertGet(r, "/product/query");
    assertThat(r.getUrl().encodedQuery()).isEqualTo("pid=04A22450-67F0-4617-A132-E7AE7F8963B0&features=enable_inventory");
    assertThat(d.createdAt()).isEqualTo(Instant.parse("2019-12-23T17:06:37Z"));
    assertThat(d.suggestSellPrice()).isEqualTo(new PriceRange(new BigDecimal("19.99"), new BigDecimal("24.99")));
    assertThat(d.weightGrams()).isEqualByComparingTo("450");
    assertThat(d.names()).containsExactly("猫耳朵卫衣", "Cat hoodie");
    assertThat(d.categoryId()).isEqualTo("2252588B-72E1-4E7C-A0F8-5B4E1F7C9A10");
    assertThat(d.categoryName()).isEqualTo("Hoodies & Sweatshirts");
    Variant black = d.variants().get(0);
    assertThat(black.vid()).isEqualTo("1371342252697325568");
    assertThat(black.createdAt()).isEqualTo(Instant.parse("2019-12-31T11:14:12Z"));
    assertThat(black.keyParts()).containsExactly("Black-M");
    assertThat(black.inventories().get(0).cjInventory()).isEqualTo(1000);
    assertThat(black.inventories().get(0).verifiedWarehouse()).isTrue();
    Variant xs = d.variants().get(1);
    assertThat(xs.keyParts()).containsExactly("XS");
    assertThat(xs.createdAt()).isEqualTo(Instant.parse("2020-01-02T03:04:05Z"));
    assertThat(xs.sellPrice()).isEqualByComparingTo("15.17");
  }

  @Test
  void productQueryBySkuSendsSku() {
    server.enqueue(json(fixture("products/query.json")));
    cj().products().getBySku("CJWY1038577");
    RecordedRequest r = take(server);
    assertGet(r, "/product/query");
    assertThat(r.getUrl().encodedQuery()).isEqualTo("productSku=CJWY1038577&features=enable_inventory");
  }

  @Test
  void variantQueriesByPidAndVid() {
    server.enqueue(json(fixture("products/variant-query.json")));
    server.enqueue(json(fixture("products/variant-by-vid.json")));
    List<Variant> vs = cj().products().variantsByPid("04A22450-67F0-4617-A132-E7AE7F8963B0");
    Variant v = cj().products().variantByVid("1371342252697325568");
    RecordedRequest r1 = take(server);
    assertGet(r1, "/product/variant/query");
    assertThat(r1.getUrl().encodedQuery()).isEqualTo("pid=04A22450-67F0-4617-A132-E7AE7F8963B0");
    RecordedRequest r2 = take(server);
    assertGet(r2, "/product/variant/queryByVid");
    assertThat(r2.getUrl().encodedQuery()).isEqualTo("vid=1371342252697325568&features=enable_inventory");
    assertThat(vs).hasSize(2);
    assertThat(vs.get(1).keyParts()).containsExactly("Black", "L");
    assertThat(vs.get(1).createdAt()).isEqualTo(Instant.ofEpochMilli(1577790852000L));
    assertThat(v.inventories().get(0).totalInventory()).isEqualTo(12);
  }

  @Test
  void stockByVidSkuAndPid() {
    server.enqueue(json(fixture("stock/by-vid.json")));
    server.enqueue(json(fixture("stock/by-sku.json")));
    server.enqueue(json(fixture("stock/by-pid.json")));
    List<StockLevel> byVid = cj().stock().byVid("1371342252697325568");
    List<StockLevel> bySku = cj().stock().bySku("CJWY1038577");
    ProductInventory byPid = cj().stock().byPid("04A22450-67F0-4617-A132-E7AE7F8963B0");
    RecordedRequest r = take(server);
    assertGet(r, "/product/stock/queryByVid");
    assertThat(r.getUrl().encodedQuery()).isEqualTo("vid=1371342252697325568");
    r = take(server);
    assertGet(r, "/product/stock/queryBySku");
    assertThat(r.getUrl().encodedQuery()).isEqualTo("sku=CJWY1038577");
    r = take(server);
    assertGet(r, "/product/stock/getInventoryByPid");
    assertThat(r.getUrl().encodedQuery()).isEqualTo("pid=04A22450-67F0-4617-A132-E7AE7F8963B0");
    assertThat(byVid.get(0).areaId()).isEqualTo("2");
    assertThat(byVid.get(0).totalInventory()).isEqualTo(12);
    assertThat(bySku.get(0).areaId()).isEqualTo("1");
    assertThat(bySku.get(0).countryNameEn()).isEqualTo("China");
    assertThat(byPid.inventories().get(0).cjInventory()).isEqualTo(5000);
    assertThat(byPid.byVariant()).containsKey("1371342252697325568");
    assertThat(byPid.byVariant().getOrDefault("1371342252697325568", List.of()).get(0).factoryInventory()).isEqualTo(200);
  }

  @Test
  void freightCalculatePostsJsonAndDecodesStringPrices() {
    server.enqueue(json(fixture("logistics/freight.json")));
    List<FreightQuote> q = cj().logistics().freightCalculate(
        new FreightRequest("CN", "US", "10001", List.of(new FreightRequest.Item("1371342252697325568", 2))));
    assertBody(take(server), "POST", "/logistic/freightCalculate",
        "{\"startCountryCode\":\"CN\",\"endCountryCode\":\"US\",\"zip\":\"10001\",\"products\":[{\"vid\":\"1371342252697325568\",\"quantity\":2}]}");
    assertThat(q.get(0).minDays()).isEqualTo(7);
    assertThat(q.get(0).maxDays()).isEqualTo(12);
    assertThat(q.get(1).logisticPrice()).isEqualByComparingTo("6.30");
    assertThat(q.get(1).totalPostageFee()).isEqualByComparingTo("6.30");
  }

  @Test
  void trackInfoRepeatsKeysAndSendsToken() {
    server.enqueue(json(fixture("logistics/track.json")));
    List<TrackInfo> t = cj().logistics().trackInfo(List.of("CJPKL7160102171YQ", "CJPKL2"));
    RecordedRequest r = take(server);
    assertGet(r, "/logistic/trackInfo");
    assertThat(r.getUrl().encodedQuery()).isEqualTo("trackNumber=CJPKL7160102171YQ&trackNumber=CJPKL2");
    assertThat(t.get(0).deliveryDays()).isEqualTo(13);
    assertThat(t.get(0).deliveryTime()).isEqualTo(Instant.parse("2021-06-17T07:04:04Z"));
  }

  static CreateOrderRequest.Builder order() {
    return CreateOrderRequest.builder().orderNumber("shop-1001").shippingCountryCode("US").shippingCountry("United States")
        .shippingProvince("NY").shippingCity("New York").shippingAddress("1 Main St").shippingZip("10001")
        .shippingCustomerName("Jane Doe").logisticName("CJPacket Ordinary").sandbox(true)
        .addLine(new OrderLine("1371342252697325568", null, 2, "li-1"));
  }

  @Test
  void createOrderV2PostsExactBody() {
    server.enqueue(json(fixture("orders/create.json")));
    CreatedOrder o = cj().orders().createOrderV2(order().build());
    assertBody(take(server), "POST", "/shopping/order/createOrderV2",
        "{\"orderNumber\":\"shop-1001\",\"shippingCountryCode\":\"US\",\"shippingCountry\":\"United States\",\"shippingProvince\":\"NY\","
            + "\"shippingCity\":\"New York\",\"shippingAddress\":\"1 Main St\",\"shippingZip\":\"10001\",\"shippingCustomerName\":\"Jane Doe\","
            + "\"fromCountryCode\":\"CN\",\"logisticName\":\"CJPacket Ordinary\",\"platform\":\"shopify\",\"payType\":3,\"isSandbox\":1,"
            + "\"products\":[{\"vid\":\"1371342252697325568\",\"quantity\":2,\"storeLineItemId\":\"li-1\"}]}");
    assertThat(o.orderId()).isEqualTo("SD25080109282603297001");
    assertThat(o.total()).isEqualByComparingTo("35.03");
    assertThat(o.recovered()).isFalse();
  }

  @Test
  void createOrderV3OmitsPayTypeAndPassesPlatformToken() {
    server.enqueue(json(fixture("orders/create.json")));
    cj().orders().createOrderV3Async(order().build(), RequestOptions.builder().header("platformToken", "").build()).join();
    RecordedRequest r = take(server);
    assertThat(r.getUrl().encodedPath()).isEqualTo("/api2.0/v1/shopping/order/createOrderV3");
    assertThat(r.getBody().utf8()).doesNotContain("payType");
    assertThat(r.getHeaders().get("platformToken")).isEqualTo("");
  }

  @Test
  void orderListDetailDeleteConfirm() {
    server.enqueue(json(fixture("orders/list.json")));
    server.enqueue(json(fixture("orders/detail.json")));
    server.enqueue(ok("\"SD25080109282603297001\""));
    server.enqueue(ok("\"SD25080109282603297001\""));
    Page<Order> page = cj().orders().list(new OrderListRequest(1, 50, "CREATED", List.of("a", "b"), null));
    Order d = cj().orders().getOrderDetail("SD25080109282603297001");
    String deleted = cj().orders().deleteOrder("SD25080109282603297001");
    String confirmed = cj().orders().confirmOrder("SD25080109282603297001");
    RecordedRequest r = take(server);
    assertGet(r, "/shopping/order/list");
    assertThat(r.getUrl().encodedQuery()).isEqualTo("pageNum=1&pageSize=50&status=CREATED&orderIds=a&orderIds=b");
    r = take(server);
    assertGet(r, "/shopping/order/getOrderDetail");
    assertThat(r.getUrl().encodedQuery()).isEqualTo("orderId=SD25080109282603297001");
    r = take(server);
    assertThat(r.getMethod()).isEqualTo("DELETE");
    assertThat(r.getUrl().encodedPath()).isEqualTo("/api2.0/v1/shopping/order/deleteOrder");
    assertThat(r.getUrl().encodedQuery()).isEqualTo("orderId=SD25080109282603297001");
    assertBody(take(server), "PATCH", "/shopping/order/confirmOrder", "{\"orderId\":\"SD25080109282603297001\"}");
    assertThat(page.items().get(0).orderId()).isEqualTo("1820000000000000001");
    assertThat(page.items().get(1).orderNumber()).isEqualTo("shop-1001");
    assertThat(d.createdAt()).isEqualTo(Instant.parse("2026-08-01T09:28:26Z"));
    assertThat(d.items().get(0).quantity()).isEqualTo(2);
    assertThat(deleted).isEqualTo("SD25080109282603297001");
    assertThat(confirmed).isEqualTo("SD25080109282603297001");
  }

  @Test
  void shippedOrderDetailCarriesTrackNumberAndTrackingUrl() {
    server.enqueue(ok("{\"orderId\":\"1820000000000000001\",\"orderNum\":\"shop-1001\",\"cjOrderId\":\"SD25080109282603297001\","
        + "\"orderStatus\":\"SHIPPED\",\"logisticName\":\"CJPacket Ordinary\",\"trackNumber\":\"CJPKL7160102171YQ\","
        + "\"trackingUrl\":\"https://www.cjpacket.com/?trackingNumber=CJPKL7160102171YQ\",\"createDate\":\"2026-08-01 09:28:26\"}"));
    Order d = cj().orders().getOrderDetail("shop-1001");
    assertThat(d.trackNumber()).isEqualTo("CJPKL7160102171YQ");
    assertThat(d.trackingUrl()).isEqualTo("https://www.cjpacket.com/?trackingNumber=CJPKL7160102171YQ");
    assertThat(new Order("1", null, null, null, null, null, null, null, null, null, null, List.of()).trackingUrl()).isNull();
  }

  @Test
  void balanceAndPayBalance() {
    server.enqueue(json(fixture("payments/balance.json")));
    server.enqueue(ok("null"));
    assertThat(cj().payments().getBalance().amount()).isEqualByComparingTo("1523.40");
    cj().payments().payBalance("SD25080109282603297001");
    assertGet(take(server), "/shopping/pay/getBalance");
    assertBody(take(server), "POST", "/shopping/pay/payBalance", "{\"orderId\":\"SD25080109282603297001\"}");
  }

  @Test
  void webhookSetAndProductSubscribe() {
    server.enqueue(ok("true"));
    server.enqueue(ok("{\"successProductIds\":[\"P1\"],\"failProductIds\":[\"P2\"]}"));
    boolean set = cj().webhooks().set(new WebhookSettings(null, null,
        WebhookSettings.Topic.enable("https://shop.example/cj"), WebhookSettings.Topic.cancel()));
    SubscribeResult s = cj().webhooks().subscribeProducts(List.of("P1", "P2"));
    assertBody(take(server), "POST", "/webhook/set",
        "{\"order\":{\"type\":\"ENABLE\",\"callbackUrls\":[\"https://shop.example/cj\"]},\"logistics\":{\"type\":\"CANCEL\",\"callbackUrls\":[]}}");
    assertBody(take(server), "POST", "/webhook/product/subscribe", "{\"productIds\":[\"P1\",\"P2\"]}");
    assertThat(set).isTrue();
    assertThat(s.failProductIds()).containsExactly("P2");
  }

  @Test
  void rawRequestReturnsExactDataText() {
    server.enqueue(ok("{\"setting\":{\"qpsLimit\":2},\"big\":210823100016290555}"));
    var raw = cj().rawRequest("GET", "/setting/get", null, RequestOptions.none());
    assertGet(take(server), "/setting/get");
    assertThat(raw.dataJson()).contains("210823100016290555");
  }
}
