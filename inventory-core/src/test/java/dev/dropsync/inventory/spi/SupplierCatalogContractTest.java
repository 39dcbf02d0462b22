package dev.dropsync.inventory.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dropsync.inventory.Money;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link SupplierCatalog} must have. Extend it and implement {@link
 * #catalog()} returning a catalog that holds at least {@link #knownProductId()} (with at least one
 * variant) and more than one page of products of size 2. Override {@link #takeOffline(String)} if
 * the supplier can take a product off sale, to run the unavailable-offer test.
 */
public abstract class SupplierCatalogContractTest {

  /** The catalog under test. */
  protected abstract SupplierCatalog catalog();

  /** The id of a product the catalog has. */
  protected abstract String knownProductId();

  /** A product page URL of {@link #knownProductId()} in the supplier's URL form. */
  protected abstract String knownProductUrl();

  /**
   * Takes {@code supplierProductId} off sale at the supplier, if the test double can.
   *
   * @return false (the default) if not supported; the unavailable-offer test is then skipped
   */
  protected boolean takeOffline(String supplierProductId) {
    return false;
  }

  private List<String> variantIdsOf(SupplierProduct p) {
    List<String> ids = new ArrayList<>();
    for (SupplierVariant v : p.variants()) {
      ids.add(v.supplierVariantId());
    }
    return ids;
  }

  @Test
  void hasANonBlankSupplierId() {
    assertThat(catalog().supplierId()).isNotBlank();
  }

  @Test
  void findsAKnownProductAndNotAnUnknownOne() {
    SupplierProduct p = catalog().product(knownProductId()).orElseThrow();
    assertThat(p.supplierProductId()).isEqualTo(knownProductId());
    assertThat(p.variants()).isNotEmpty();
    assertThat(catalog().product("no-such-product-" + System.identityHashCode(this))).isEmpty();
  }

  @Test
  void resolvesItsProductUrlAndRejectsForeignOnes() {
    assertThat(catalog().productIdFromUrl(knownProductUrl())).contains(knownProductId());
    assertThat(catalog().productIdFromUrl("https://example.com/item/1")).isEmpty();
    assertThat(catalog().productIdFromUrl("not a url")).isEmpty();
  }

  @Test
  void pagesThroughTheCatalogWithoutDuplicates() {
    Set<String> seen = new HashSet<>();
    int page = 1;
    SupplierPage p;
    do {
      p = catalog().search(SupplierQuery.all(page++, 2));
      assertThat(p.items().size()).isLessThanOrEqualTo(2);
      for (SupplierProduct item : p.items()) {
        assertThat(seen.add(item.supplierProductId())).as("duplicate %s", item.supplierProductId()).isTrue();
      }
    } while (p.hasNext() && page < 10_000);
    assertThat((long) seen.size()).isEqualTo(p.total());
    assertThat(seen).contains(knownProductId()).hasSizeGreaterThan(2);
  }

  @Test
  void reportsStockAndCostInOneBatchAndSkipsUnknownVariants() {
    SupplierProduct p = catalog().product(knownProductId()).orElseThrow();
    List<String> ids = new ArrayList<>();
    for (SupplierVariant v : p.variants()) {
      ids.add(v.supplierVariantId());
    }
    ids.add("unknown-variant-" + System.identityHashCode(this));
    Map<String, Long> stock = catalog().stockLevels(ids);
    Map<String, Money> costs = catalog().costs(ids);
    for (SupplierVariant v : p.variants()) {
      assertThat(stock.get(v.supplierVariantId())).isNotNull().isGreaterThanOrEqualTo(0L);
      assertThat(costs.get(v.supplierVariantId())).isNotNull();
    }
    assertThat(stock).hasSize(p.variants().size());
    assertThat(costs).hasSize(p.variants().size());
  }

  @Test
  void offersAgreeWithStockLevelsAndCostsAndSkipUnknownVariants() {
    SupplierProduct p = catalog().product(knownProductId()).orElseThrow();
    List<String> ids = variantIdsOf(p);
    ids.add("unknown-variant-" + System.identityHashCode(this));
    Map<String, SupplierOffer> offers = catalog().offers(knownProductId(), ids);
    Map<String, Long> stock = catalog().stockLevels(ids);
    Map<String, Money> costs = catalog().costs(ids);
    assertThat(offers).hasSize(p.variants().size());
    for (SupplierVariant v : p.variants()) {
      SupplierOffer offer = offers.get(v.supplierVariantId());
      assertThat(offer).as("offer of %s", v.supplierVariantId()).isNotNull();
      assertThat(offer.isAvailable()).isTrue();
      assertThat(offer.stock()).isEqualTo(stock.get(v.supplierVariantId()));
      assertThat(offer.cost()).isEqualTo(costs.get(v.supplierVariantId()));
    }
  }

  @Test
  void offersOnlyTheRequestedVariants() {
    SupplierProduct p = catalog().product(knownProductId()).orElseThrow();
    String first = p.variants().get(0).supplierVariantId();
    assertThat(catalog().offers(knownProductId(), List.of(first))).containsOnlyKeys(first);
    assertThat(catalog().offers(knownProductId(), List.of())).isEmpty();
  }

  @Test
  void offersOfAnUnknownProductAreEmpty() {
    String unknown = "no-such-product-" + System.identityHashCode(this);
    assertThat(catalog().offers(unknown, List.of("unknown-variant-" + System.identityHashCode(this)))).isEmpty();
  }

  @Test
  void aProductTakenOffSaleIsOfferedAsUnavailable() {
    SupplierProduct p = catalog().product(knownProductId()).orElseThrow();
    assumeTrue(takeOffline(knownProductId()), "the test double cannot take products off sale");
    Map<String, SupplierOffer> offers = catalog().offers(knownProductId(), variantIdsOf(p));
    assertThat(offers).hasSize(p.variants().size());
    assertThat(offers.values()).allSatisfy(o -> {
      assertThat(o.isAvailable()).isFalse();
      assertThat(o.stock()).isZero();
      assertThat(o.cost()).isNull();
    });
  }
}
