package dev.dropsync.cj.supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dropsync.cj.CjClient;
import dev.dropsync.cj.model.ProductDetail;
import dev.dropsync.cj.model.Variant;
import dev.dropsync.cj.model.VariantInventory;
import dev.dropsync.cj.testkit.Endpoint;
import dev.dropsync.cj.testkit.SimCatalog;
import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.spi.SupplierOffer;
import dev.dropsync.inventory.spi.SupplierPage;
import dev.dropsync.inventory.spi.SupplierProduct;
import dev.dropsync.inventory.spi.SupplierQuery;
import dev.dropsync.inventory.spi.SupplierVariant;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CjSupplierCatalogTest {
  private final SimSupport s = SimSupport.start(b -> b.products(12));
  private final CjClient client = s.client();
  private final CjSupplierCatalog catalog = CjSupplier.builder().client(client).build().catalog();
  private final SimCatalog sim = s.sim.catalog();

  @AfterEach
  void stop() {
    s.close();
  }

  static <V> V get(Map<String, V> m, String key) {
    V v = m.get(key);
    assertThat(v).as("entry %s of %s", key, m).isNotNull();
    return java.util.Objects.requireNonNull(v);
  }

  /** A product with at least two variants, its variants given known CN-only stock and prices. */
  private String multiVariantProduct() {
    for (String pid : sim.productIds()) {
      if (sim.variantIds(pid).size() >= 2) {
        List<String> vids = sim.variantIds(pid);
        for (int i = 0; i < vids.size(); i++) {
          sim.setStock(vids.get(i), 10 * (i + 1));
          sim.setPrice(vids.get(i), new BigDecimal("3.1" + i));
        }
        return pid;
      }
    }
    throw new AssertionError("seeded catalogue has no multi-variant product");
  }

  @Test
  void productCarriesVariantsWithUsdCostStockSkuAndCategory() {
    String pid = multiVariantProduct();
    SupplierProduct p = catalog.product(pid).orElseThrow();
    assertThat(p.supplierProductId()).isEqualTo(pid);
    assertThat(p.title()).isNotBlank();
    assertThat(p.categoryPath()).hasSize(1).allSatisfy(c -> assertThat(c).isNotBlank());
    List<String> vids = sim.variantIds(pid);
    assertThat(p.variants()).extracting(SupplierVariant::supplierVariantId).containsExactlyElementsOf(vids);
    for (int i = 0; i < vids.size(); i++) {
      SupplierVariant v = p.variants().get(i);
      assertThat(v.sku()).isEqualTo(sim.variantSku(vids.get(i)));
      assertThat(v.cost()).isEqualTo(Money.of("3.1" + i, "USD"));
      assertThat(v.stock()).isEqualTo(10L * (i + 1));
    }
    assertThat(s.sim.recorder().count(Endpoint.PRODUCT_QUERY)).isEqualTo(1);
  }

  @Test
  void offersReadEveryVariantWithOneProductQueryWorthTenPoints() {
    String pid = multiVariantProduct();
    List<String> vids = sim.variantIds(pid);
    catalog.product(pid); // warm the token so the points below are the offer's alone
    s.sim.recorder().clear();
    long before = s.sim.pointsRemaining();
    Map<String, SupplierOffer> offers = catalog.offers(pid, vids);
    assertThat(offers).hasSize(vids.size());
    assertThat(offers.get(vids.get(1))).isEqualTo(SupplierOffer.of(20, Money.of("3.11", "USD")));
    assertThat(s.sim.recorder().countsByEndpoint()).containsExactly(Map.entry(Endpoint.PRODUCT_QUERY, 1));
    assertThat(s.sim.recorder().calls(Endpoint.PRODUCT_QUERY).get(0).queryParam("features")).isEqualTo("enable_inventory");
    assertThat(before - s.sim.pointsRemaining()).isEqualTo(10);
  }

  @Test
  void stockChangesAtCjShowInTheNextRead() {
    String pid = multiVariantProduct();
    String vid = sim.variantIds(pid).get(0);
    sim.setStock(vid, 3);
    sim.setPrice(vid, new BigDecimal("7.45"));
    assertThat(catalog.offers(pid, List.of(vid))).containsEntry(vid, SupplierOffer.of(3, Money.of("7.45", "USD")));
    sim.setStock(vid, 0);
    assertThat(get(catalog.offers(pid, List.of(vid)), vid).stock()).isZero();
  }

  @Test
  void stockCountsOnlyTheShipFromWarehouse() {
    String pid = multiVariantProduct();
    String vid = sim.variantIds(pid).get(0);
    sim.setStock(vid, 0);
    sim.setStock(vid, "US", 42);
    CjSupplierCatalog us = CjSupplier.builder().client(client).shipFrom("us").build().catalog();
    assertThat(get(catalog.offers(pid, List.of(vid)), vid).stock()).isZero();
    assertThat(get(us.offers(pid, List.of(vid)), vid).stock()).isEqualTo(42);
  }

  @Test
  void factoryInventoryCountsUnlessExcluded() {
    CjSupplierCatalog cjOnly = CjSupplier.builder().client(client).includeFactoryInventory(false).build().catalog();
    boolean sawFactoryStock = false;
    for (String pid : sim.productIds()) {
      ProductDetail d = client.products().getByPid(pid);
      Map<String, SupplierOffer> all = catalog.offers(pid, sim.variantIds(pid));
      Map<String, SupplierOffer> warehouse = cjOnly.offers(pid, sim.variantIds(pid));
      for (Variant v : d.variants()) {
        long total = 0;
        long cj = 0;
        for (VariantInventory inv : v.inventories()) {
          if (inv.countryCode().equals("CN")) {
            total += inv.totalInventory();
            cj += inv.cjInventory();
          }
        }
        sawFactoryStock |= total > cj;
        assertThat(get(all, v.vid()).stock()).isEqualTo(total);
        assertThat(get(warehouse, v.vid()).stock()).isEqualTo(cj);
      }
    }
    assertThat(sawFactoryStock).as("seeded data has factory stock somewhere").isTrue();
  }

  @Test
  void stockLevelsAndCostsGroupVariantsByProduct() {
    String pid = multiVariantProduct();
    List<String> vids = sim.variantIds(pid);
    s.sim.recorder().clear();
    Map<String, Long> first = catalog.stockLevels(vids);
    assertThat(first).hasSize(vids.size()).containsEntry(vids.get(0), 10L);
    // an unseen product: one variant lookup to learn the product, then one product read for the rest
    assertThat(s.sim.recorder().count(Endpoint.VARIANT_QUERY_BY_VID)).isEqualTo(1);
    assertThat(s.sim.recorder().count(Endpoint.PRODUCT_QUERY)).isEqualTo(1);
    s.sim.recorder().clear();
    Map<String, Money> costs = catalog.costs(vids);
    assertThat(costs).containsEntry(vids.get(1), Money.of("3.11", "USD"));
    // now the product is known: a single product read
    assertThat(s.sim.recorder().countsByEndpoint()).containsExactly(Map.entry(Endpoint.PRODUCT_QUERY, 1));
  }

  @Test
  void stockLevelsOfSingleVariantsOfDifferentProducts() {
    List<String> vids = new ArrayList<>();
    for (String pid : sim.productIds().subList(0, 3)) {
      vids.add(sim.variantIds(pid).get(0));
      sim.setStock(sim.variantIds(pid).get(0), 5);
    }
    vids.add("1999999999999999999");
    Map<String, Long> stock = catalog.stockLevels(vids);
    assertThat(stock).hasSize(3).allSatisfy((vid, n) -> assertThat(n).isEqualTo(5L));
  }

  @Test
  void aProductOffTheShelfIsUnavailableAndComesBack() {
    String pid = multiVariantProduct();
    List<String> vids = sim.variantIds(pid);
    sim.takeOffline(pid);
    assertThat(catalog.product(pid)).isEmpty();
    assertThat(catalog.offers(pid, vids)).hasSize(vids.size()).allSatisfy((vid, o) -> assertThat(o).isEqualTo(SupplierOffer.unavailable()));
    assertThat(catalog.stockLevels(vids)).hasSize(vids.size()).allSatisfy((vid, n) -> assertThat(n).isZero());
    assertThat(catalog.costs(vids)).isEmpty();
    sim.putOnline(pid);
    assertThat(catalog.offers(pid, vids).get(vids.get(0))).isEqualTo(SupplierOffer.of(10, Money.of("3.10", "USD")));
  }

  @Test
  void unknownProductsAreEmptyAndNoCallIsMadeForNoVariants() {
    assertThat(catalog.product("00000000-0000-0000-0000-000000000000")).isEmpty();
    assertThat(catalog.offers("00000000-0000-0000-0000-000000000000", List.of("1"))).isEmpty();
    s.sim.recorder().clear();
    assertThat(catalog.offers(sim.productIds().get(0), List.of())).isEmpty();
    assertThat(s.sim.recorder().calls()).isEmpty();
  }

  @Test
  void blankIdsAreRejectedNamingTheField() {
    assertThatThrownBy(() -> catalog.product(" ")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("supplierProductId");
    assertThatThrownBy(() -> catalog.offers("", List.of("v"))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("supplierProductId");
  }

  @Test
  void searchFiltersByNameAndReturnsFullProducts() {
    String pid = sim.productIds().get(4);
    String word = catalog.product(pid).orElseThrow().title().trim().split(" ", -1)[1]; // "<adjective> <noun> <n>"
    s.sim.recorder().clear();
    SupplierPage page = catalog.search(new SupplierQuery(word, 1, 50));
    assertThat(page.items()).isNotEmpty().allSatisfy(p -> {
      assertThat(p.title()).containsIgnoringCase(word);
      assertThat(p.variants()).isNotEmpty();
    });
    assertThat(page.items()).extracting(SupplierProduct::supplierProductId).contains(pid);
    assertThat(page.total()).isEqualTo(page.items().size());
    assertThat(s.sim.recorder().count(Endpoint.PRODUCT_LIST)).isEqualTo(1);
    assertThat(s.sim.recorder().calls(Endpoint.PRODUCT_LIST).get(0).queryParam("productNameEn")).isEqualTo(word);
    assertThat(s.sim.recorder().count(Endpoint.PRODUCT_QUERY)).isEqualTo(page.items().size());
  }

  @Test
  void offlineProductsAreNotListed() {
    String pid = sim.productIds().get(0);
    sim.takeOffline(pid);
    SupplierPage page = catalog.search(SupplierQuery.all(1, 200));
    assertThat(page.items()).extracting(SupplierProduct::supplierProductId).doesNotContain(pid);
    assertThat(page.total()).isEqualTo(sim.size() - 1);
  }

  @Test
  void productUrlsAreCjUrls() {
    String pid = sim.productIds().get(1);
    assertThat(catalog.productIdFromUrl("https://cjdropshipping.com/product/red-mug-p-" + pid + ".html")).contains(pid);
    assertThat(catalog.productIdFromUrl("https://www.aliexpress.com/item/1.html")).isEmpty();
    assertThat(catalog.supplierId()).isEqualTo("cj");
  }
}
