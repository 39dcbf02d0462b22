package dev.dropsync.inventory.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dropsync.inventory.InventoryException;
import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.spi.SupplierCatalog;
import dev.dropsync.inventory.spi.SupplierCatalogContractTest;
import dev.dropsync.inventory.spi.SupplierOffer;
import dev.dropsync.inventory.spi.SupplierProduct;
import dev.dropsync.inventory.spi.SupplierQuery;
import dev.dropsync.inventory.spi.SupplierVariant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InMemorySupplierCatalogTest extends SupplierCatalogContractTest {
  private final InMemorySupplierCatalog catalog = new InMemorySupplierCatalog("cj");

  @BeforeEach
  void fill() {
    for (int i = 1; i <= 5; i++) {
      catalog.put(new SupplierProduct("P" + i, (i % 2 == 0 ? "Red mug " : "Blue lamp ") + i, List.of("Home"),
          List.of(new SupplierVariant("P" + i + "-V1", "SKU" + i, Money.of("3.00", "USD"), 10 * i),
              new SupplierVariant("P" + i + "-V2", "SKU" + i + "b", Money.of("3.50", "USD"), i))));
    }
  }

  @Override
  protected SupplierCatalog catalog() {
    return catalog;
  }

  @Override
  protected String knownProductId() {
    return "P3";
  }

  @Override
  protected String knownProductUrl() {
    return "https://cjdropshipping.com/product/blue-lamp-p-P3.html";
  }

  @Override
  protected boolean takeOffline(String supplierProductId) {
    catalog.takeOffline(supplierProductId);
    return true;
  }

  @Test
  void offlineProductsLeaveProductAndSearchAndComeBack() {
    catalog.takeOffline("P2");
    assertThat(catalog.product("P2")).isEmpty();
    assertThat(catalog.search(new SupplierQuery("mug", 1, 50)).items())
        .extracting(SupplierProduct::supplierProductId).containsExactly("P4");
    assertThat(catalog.stockLevels(List.of("P2-V1"))).containsEntry("P2-V1", 0L);
    assertThat(catalog.costs(List.of("P2-V1"))).isEmpty();
    catalog.putOnline("P2");
    assertThat(catalog.offers("P2", List.of("P2-V1"))).containsEntry("P2-V1", SupplierOffer.of(20, Money.of("3.00", "USD")));
    assertThat(catalog.offerCalls()).isEqualTo(1);
  }

  @Test
  void searchMatchesTitleWords() {
    assertThat(catalog.search(new SupplierQuery("mug", 1, 50)).items())
        .extracting(SupplierProduct::supplierProductId).containsExactly("P2", "P4");
  }

  @Test
  void scriptedStockCostAndFailuresAreSeenByTheNextRead() {
    catalog.setStock("P1-V1", 0);
    catalog.setCost("P1-V1", Money.of("9.00", "USD"));
    assertThat(catalog.stockLevels(List.of("P1-V1"))).containsEntry("P1-V1", 0L);
    assertThat(catalog.costs(List.of("P1-V1"))).containsEntry("P1-V1", Money.of("9.00", "USD"));
    catalog.failReadsOf("P1", "supplier down");
    assertThatThrownBy(() -> catalog.stockLevels(List.of("P1-V1"))).isInstanceOf(InventoryException.class)
        .hasMessageContaining("supplier down");
    assertThatThrownBy(() -> catalog.offers("P1", List.of("P1-V1"))).isInstanceOf(InventoryException.class)
        .hasMessageContaining("supplier down");
    catalog.healReadsOf("P1");
    assertThat(catalog.stockLevels(List.of("P1-V1"))).containsEntry("P1-V1", 0L);
  }
}
