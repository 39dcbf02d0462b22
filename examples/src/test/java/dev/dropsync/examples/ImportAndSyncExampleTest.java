package dev.dropsync.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropsync.cj.testkit.Endpoint;
import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.Product;
import dev.dropsync.inventory.ProductStatus;
import dev.dropsync.inventory.SyncRunStatus;
import dev.dropsync.inventory.Variant;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ImportAndSyncExampleTest {
  @Test
  void importsUnderTheMarkupRuleAndTheSyncFollowsCj() {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (EmbeddedCj cj = EmbeddedCj.start(30, 6)) {
      ImportAndSyncExample.Result r = ImportAndSyncExample.run(cj, 12, new PrintStream(printed, true, StandardCharsets.UTF_8));

      assertThat(r.imported()).hasSize(12);
      assertThat(r.run().status()).isEqualTo(SyncRunStatus.COMPLETED);
      assertThat(r.run().failed()).isZero();
      assertThat(r.run().updated()).as("the sold-out and the dearer product").isGreaterThanOrEqualTo(2);
      assertThat(cj.sim().recorder().count(Endpoint.PRODUCT_QUERY)).as("one query per import and per synced product")
          .isEqualTo(24);
      assertThat(cj.sim().recorder().throttleViolations()).isZero();
      for (Product p : r.inventory().products(r.shop())) {
        for (Variant v : p.variants()) {
          assertThat(v.cost()).isEqualTo(Money.of(cj.sim().catalog().price(v.supplierVariantId()).toPlainString(), "USD"));
          assertThat(v.retailPrice()).as("the rule's price of the current cost")
              .isEqualTo(r.inventory().pricingRule(r.shop(), p.id()).quote(v.cost()).retail());
          assertThat(v.retailPrice().amount().toPlainString()).endsWith(".99");
        }
      }
      Product soldOut = r.inventory().products(r.shop()).stream()
          .filter(p -> p.supplierProductId().equals(r.inventory().products(r.shop()).stream()
              .filter(x -> x.id().equals(r.imported().get(1))).findFirst().orElseThrow().supplierProductId()))
          .findFirst().orElseThrow();
      assertThat(soldOut.status()).isEqualTo(ProductStatus.INACTIVE_OUT_OF_STOCK);
      assertThat(soldOut.available()).isZero();
      assertThat(r.priceChanges()).isPositive();
    }
    assertThat(printed.toString(StandardCharsets.UTF_8)).contains("sync 12/12 (100 %)").contains("0 failed");
  }
}
