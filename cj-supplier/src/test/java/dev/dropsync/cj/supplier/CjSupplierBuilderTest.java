package dev.dropsync.cj.supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dropsync.cj.CjClient;
import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.TenantId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CjSupplierBuilderTest {
  private final SimSupport s = SimSupport.start(b -> b.products(3).addAccount(SimSupport.SECOND_KEY, SimSupport.SECOND_OPEN_ID, 4));
  private final CjClient client = s.client();

  @AfterEach
  void stop() {
    s.close();
  }

  @Test
  void defaultsArePayFromBalanceShipFromChinaAndSupplierIdCj() {
    CjSupplier cj = CjSupplier.builder().client(client).build();
    assertThat(cj.payment()).isEqualTo(CjPayment.BALANCE);
    assertThat(cj.payment().payType()).isEqualTo(2);
    assertThat(CjPayment.CREATE_ONLY.payType()).isEqualTo(3);
    assertThat(cj.shipFrom()).isEqualTo("CN");
    assertThat(cj.catalog().supplierId()).isEqualTo(CjSupplier.SUPPLIER_ID).isEqualTo("cj");
    assertThat(cj.catalog()).isSameAs(cj.catalog());
    assertThat(cj.orders()).isSameAs(cj.orders());
  }

  @Test
  void aClientIsRequired() {
    assertThatThrownBy(() -> CjSupplier.builder().build()).isInstanceOfSatisfying(InvalidInputException.class,
        e -> assertThat(e.field()).isEqualTo("client"));
  }

  @Test
  void badSettingsAreRefusedNamingFieldAndValue() {
    assertThatThrownBy(() -> CjSupplier.builder().shipFrom("China")).isInstanceOfSatisfying(InvalidInputException.class, e -> {
      assertThat(e.field()).isEqualTo("shipFrom");
      assertThat(e.value()).isEqualTo("China");
    });
    assertThatThrownBy(() -> CjSupplier.builder().platform("API")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("platform").hasMessageContaining("API");
    assertThat(CjSupplier.builder().client(client).shipFrom(" us ").build().shipFrom()).isEqualTo("US");
  }

  @Test
  void withoutACatalogueClientTheCatalogueIsUnavailableButOrdersWork() {
    CjSupplier tenantsOnly = CjSupplier.builder().clients(t -> client).build();
    assertThatThrownBy(tenantsOnly::catalog).isInstanceOf(IllegalStateException.class).hasMessageContaining("catalogClient");
    assertThat(tenantsOnly.orders().find(TenantId.of("t"), "cj", "nothing-here")).isEmpty();
  }

  @Test
  void withoutTenantClientsOrdersNameTheTenant() {
    CjSupplier catalogOnly = CjSupplier.builder().catalogClient(client).build();
    assertThat(catalogOnly.catalog().product(s.sim.catalog().productIds().get(0))).isPresent();
    assertThatThrownBy(() -> catalogOnly.orders().find(TenantId.of("shop-7"), "cj", "r"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("tenant");
          assertThat(e.value()).isEqualTo("shop-7");
        });
  }

  @Test
  void catalogueAndTenantAccountsAreSeparate() {
    CjClient second = s.client(SimSupport.SECOND_KEY);
    CjSupplier cj = CjSupplier.builder().catalogClient(client).clients(t -> second).build();
    String pid = s.sim.catalog().productIds().get(0);
    cj.catalog().product(pid);
    cj.freightQuotes().quote(new dev.dropsync.fulfillment.spi.FreightQuoteRequest(TenantId.of("t"), "cj", "US", "10001",
        List.of(new dev.dropsync.fulfillment.spi.FreightItem(s.sim.catalog().variantIds(pid).get(0), 1)), CjSupplier.USD));
    assertThat(s.sim.recorder().calls()).filteredOn(c -> c.path().equals("/product/query"))
        .extracting(c -> c.openId()).containsOnly(s.sim.openId());
    assertThat(s.sim.recorder().calls()).filteredOn(c -> c.path().equals("/logistic/freightCalculate"))
        .extracting(c -> c.openId()).containsOnly(SimSupport.SECOND_OPEN_ID);
  }

  @Test
  void toStringsCarryNoSecret() {
    CjSupplier cj = CjSupplier.builder().client(client).build();
    for (Object o : List.of(cj, cj.catalog(), cj.orders(), cj.freightQuotes())) {
      assertThat(o.toString()).doesNotContain(s.sim.apiKey()).doesNotContain(s.sim.apiKey().substring(14));
    }
  }
}
