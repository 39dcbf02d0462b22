package dev.dropsync.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CjProductUrlsTest {

  @ParameterizedTest
  @CsvSource({
    "https://cjdropshipping.com/product/wireless-earbuds-bluetooth-p-1424608189734850560.html, 1424608189734850560",
    "https://www.cjdropshipping.com/product/led-lamp-p-04A22450-67F0-4617-A132-E7AE7F8963B0.html, 04A22450-67F0-4617-A132-E7AE7F8963B0",
    "https://cjdropshipping.com/product/hair-clip-p-set-p-1500000000000000001.html?from=search#reviews, 1500000000000000001",
    "http://cjdropshipping.com/product/p-123456.html, 123456",
    "https://cjdropshipping.com/product-detail.html?id=1424608189734850560, 1424608189734850560",
    "https://app.cjdropshipping.com/product-detail.html?pid=1424608189734850560&lang=en, 1424608189734850560",
    "https://app.cjdropshipping.com/product-detail.html?lang=en&pid=ABC-123, ABC-123",
    "'  https://cjdropshipping.com/product/mug-p-42.html  ', 42",
  })
  void parsesEveryKnownCjProductUrlForm(String url, String pid) {
    assertThat(CjProductUrls.productId(url)).contains(pid);
    assertThat(CjProductUrls.requireProductId(url)).isEqualTo(pid);
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "https://example.com/product/mug-p-42.html",
    "https://cjdropshipping.com.evil.io/product/mug-p-42.html",
    "https://cjdropshipping.com/product-detail.html",
    "https://cjdropshipping.com/product-detail.html?sku=42",
    "https://cjdropshipping.com/list/mugs.html",
    "ftp://cjdropshipping.com/product/mug-p-42.html",
    "cjdropshipping.com/product/mug-p-42.html",
    "not a url at all",
    ""
  })
  void rejectsUrlsThatAreNotCjProductPagesNamingThem(String url) {
    assertThat(CjProductUrls.productId(url)).isEmpty();
    assertThatThrownBy(() -> CjProductUrls.requireProductId(url))
        .isInstanceOf(UnrecognizedProductUrlException.class)
        .hasMessageContaining("url")
        .hasMessageContaining(url);
  }
}
