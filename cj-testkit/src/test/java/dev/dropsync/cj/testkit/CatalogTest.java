package dev.dropsync.cj.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CatalogTest {
  final SimClock clock = SimClock.at(Instant.parse("2026-11-24T08:00:00Z"));
  CjSimulator sim = CjSimulator.builder().clock(clock).products(120).seed(11).build().start();
  Api api = new Api(sim);

  @AfterEach
  void tearDown() {
    api.close();
    sim.close();
  }

  @Test
  void sameSeedGivesSameCatalogue() {
    CjSimulator twin = CjSimulator.builder().clock(clock).products(120).seed(11).build();
    assertThat(twin.catalog().productIds()).isEqualTo(sim.catalog().productIds());
    assertThat(twin.apiKey()).isEqualTo(sim.apiKey());
    CjSimulator other = CjSimulator.builder().clock(clock).products(120).seed(12).build();
    assertThat(other.catalog().productIds()).isNotEqualTo(sim.catalog().productIds());
  }

  @Test
  void catalogueMixesUuidAnd19DigitIdsAndHasOutOfStockVariants() {
    List<String> pids = sim.catalog().productIds();
    assertThat(pids).anyMatch(p -> p.matches("[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}"));
    assertThat(pids).anyMatch(p -> p.matches("\\d{19}"));
    assertThat(sim.catalog().outOfStockVariantIds()).isNotEmpty();
    assertThat(sim.catalog().inStockVariantIds()).isNotEmpty();
  }

  @Test
  void productListPagesCoverEveryProductOnce() {
    api.login();
    Set<String> seen = new LinkedHashSet<>();
    int total = -1;
    for (int page = 1; page <= 3; page++) {
      Js d = api.get("/product/list", "pageNum", Integer.toString(page), "pageSize", "50").data();
      assertThat(d.get("pageNum").lng()).isEqualTo(page);
      total = (int) d.get("total").lng();
      for (Js p : d.get("list").items()) {
        assertThat(seen.add(p.get("pid").str())).isTrue();
        assertThat(p.get("createTime").raw()).isInstanceOf(Number.class);
      }
    }
    assertThat(total).isEqualTo(120);
    assertThat(seen).containsExactlyElementsOf(sim.catalog().productIds());
  }

  @Test
  void productListRejectsPageSizeAbove200AndDeepOffsets() {
    api.login();
    assertThat(api.get("/product/list", "pageSize", "201").code()).isEqualTo(1600300);
    assertThat(api.get("/product/list", "pageNum", "51", "pageSize", "200").json().get("message").str())
        .contains("max offset");
  }

  @Test
  void listV2UsesRenamedFieldsStringPricesAndRanges() {
    api.login();
    Js d = api.get("/product/listV2", "page", "1", "size", "100").data();
    assertThat(d.keys()).contains("pageNumber", "pageSize", "totalRecords", "totalPages", "content");
    assertThat(d.get("totalRecords").lng()).isEqualTo(120);
    assertThat(d.get("totalPages").lng()).isEqualTo(2);
    List<Js> list = d.get("content").at(0).get("productList").items();
    assertThat(list).hasSize(100);
    Js first = list.get(0);
    assertThat(first.keys()).contains("id", "nameEn", "sku", "bigImage", "sellPrice", "createAt");
    assertThat(first.has("pid")).isFalse();
    List<String> prices = new ArrayList<>();
    for (Js p : list) {
      prices.add(p.get("sellPrice").str());
    }
    assertThat(prices).anyMatch(s -> s.matches("\\d+\\.\\d{2} -- \\d+\\.\\d{2}"));
    assertThat(prices).anyMatch(s -> s.matches("\\d+\\.\\d{2}"));
  }

  @Test
  void listV2CapsSizeAt100PageAt1000AndTotalRecordsAt6000() {
    try (CjSimulator big = CjSimulator.builder().clock(clock).products(6100).build().start(); Api a = new Api(big)) {
      a.login();
      Js d = a.get("/product/listV2", "page", "1", "size", "500").data();
      assertThat(d.get("pageSize").lng()).isEqualTo(100);
      assertThat(d.get("totalRecords").lng()).isEqualTo(6000);
      assertThat(d.get("totalPages").lng()).isEqualTo(60);
      Js beyond = a.get("/product/listV2", "page", "61", "size", "100").data();
      assertThat(beyond.get("content").at(0).get("productList").size()).isZero();
      assertThat(a.get("/product/listV2", "page", "1001").code()).isEqualTo(1600300);
    }
  }

  @Test
  void productQueryBySkusReturnsVariantsWithInventoriesAndDateFormats() {
    api.login();
    String vid = sim.catalog().inStockVariantIds().get(0);
    String pid = sim.catalog().productIdOf(vid);
    for (String[] q : List.of(new String[] {"pid", pid}, new String[] {"productSku", sim.catalog().productSku(pid)},
        new String[] {"variantSku", sim.catalog().variantSku(vid)})) {
      Js d = api.get("/product/query", q[0], q[1], "features", "enable_inventory").data();
      assertThat(d.get("pid").str()).isEqualTo(pid);
      assertThat(d.get("productWeight").str()).endsWith(".0");
      assertThat(d.get("status").str()).isEqualTo("3");
      assertThat(d.get("createrTime").str()).endsWith("+08:00");
      Js v = d.get("variants").at(0);
      assertThat(v.get("createTime").str()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+00:00");
      assertThat(v.get("inventories").at(0).get("stock").at(0).get("stockId").str()).startsWith("{").endsWith("}");
    }
    Js without = api.get("/product/query", "pid", pid).data();
    assertThat(without.get("variants").at(0).has("inventories")).isFalse();
  }

  @Test
  void setStockAndSetPriceShowInReads() {
    api.login();
    String vid = sim.catalog().inStockVariantIds().get(0);
    sim.catalog().setStock(vid, 7);
    Js rows = api.get("/product/stock/queryByVid", "vid", vid).data();
    int total = 0;
    for (Js r : rows.items()) {
      assertThat(r.get("areaId").raw()).isInstanceOf(String.class);
      total += (int) r.get("totalInventoryNum").lng();
    }
    assertThat(total).isEqualTo(7);
    Js bySku = api.get("/product/stock/queryBySku", "sku", sim.catalog().variantSku(vid)).data().at(0);
    assertThat(bySku.get("areaId").raw()).isInstanceOf(Number.class);
    assertThat(bySku.get("countryNameEn").str()).isEqualTo("China");
    assertThat(bySku.get("totalInventoryNum").lng()).isEqualTo(7);
    sim.catalog().setPrice(vid, new BigDecimal("12.345"));
    Js v = api.get("/product/variant/queryByVid", "vid", vid).data();
    assertThat(v.get("variantSellPrice").num()).isEqualTo(12.35);
    assertThat(sim.catalog().price(vid)).isEqualByComparingTo("12.35");
  }

  @Test
  void inventoryByPidHasProductAndVariantLevels() {
    api.login();
    String pid = sim.catalog().productIds().get(0);
    Js d = api.get("/product/stock/getInventoryByPid", "pid", pid).data();
    assertThat(d.get("inventories").at(0).keys()).contains("areaId", "totalInventoryNum", "cjInventoryNum");
    assertThat(d.get("variantInventories").size()).isEqualTo(sim.catalog().variantIds(pid).size());
    assertThat(d.get("variantInventories").at(0).get("inventory").at(0).keys()).contains("totalInventory");
  }

  @Test
  void offlineProductAnswers1602001AndLeavesTheList() {
    api.login();
    String pid = sim.catalog().productIds().get(0);
    sim.catalog().takeOffline(pid);
    assertThat(api.get("/product/query", "pid", pid).code()).isEqualTo(1602001);
    assertThat(api.get("/product/variant/queryByVid", "vid", sim.catalog().variantIds(pid).get(0)).code())
        .isEqualTo(1602001);
    assertThat(api.get("/product/list", "pageSize", "200").data().get("total").lng()).isEqualTo(119);
    sim.catalog().putOnline(pid);
    assertThat(api.get("/product/query", "pid", pid).code()).isEqualTo(200);
  }

  @Test
  void addedProductIsServed() {
    api.login();
    String pid = sim.catalog().addProduct("Test Mug", new BigDecimal("3.50"), 2, 10);
    Instant added = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    Js d = api.get("/product/query", "pid", pid).data();
    assertThat(d.get("productNameEn").str()).isEqualTo("Test Mug");
    assertThat(d.get("variants").size()).isEqualTo(2);
    assertThat(api.get("/product/variant/query", "pid", pid).data().size()).isEqualTo(2);
    assertThat(sim.catalog().size()).isEqualTo(121);
    assertThat(OffsetDateTime.parse(d.get("createrTime").str()).toInstant()).isEqualTo(added);
  }

  @Test
  void catalogueRejectsBadInput() {
    assertThatThrownBy(() -> sim.catalog().setStock("nope", 1)).hasMessageContaining("nope");
    String vid = sim.catalog().inStockVariantIds().get(0);
    assertThatThrownBy(() -> sim.catalog().setStock(vid, -1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
    assertThatThrownBy(() -> sim.catalog().setPrice(vid, BigDecimal.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("price");
  }
}
