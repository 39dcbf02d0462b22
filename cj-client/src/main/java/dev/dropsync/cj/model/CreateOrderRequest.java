package dev.dropsync.cj.model;

import dev.dropsync.cj.CjInvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Input of createOrderV2/V3. {@link #orderNumber()} is the caller's idempotency key: the client
 * looks an order up by it before any resend. Build with {@link #builder()}; {@link Builder#build()}
 * validates every required field and names the field and value on failure.
 *
 * @param orderNumber your unique order number (1..50 chars)
 * @param shippingCountryCode destination country (ISO alpha-2)
 * @param shippingCountry destination country name
 * @param shippingProvince province/state
 * @param shippingCity city
 * @param shippingAddress street address
 * @param shippingAddress2 second address line, or {@code null}
 * @param shippingZip postcode, or {@code null}
 * @param shippingCustomerName recipient name
 * @param shippingPhone recipient phone, or {@code null}
 * @param email recipient email, or {@code null}
 * @param fromCountryCode origin warehouse country
 * @param logisticName exact carrier name from a freight quote
 * @param platform sales platform (default {@code "shopify"}; CJ rejects a missing or "api" platform)
 * @param payType V2 only: 1 pay on CJ page, 2 pay from balance, 3 create only (default 3); ignored by V3
 * @param sandbox whether CJ should create a sandbox order ({@code isSandbox:1})
 * @param shopLogisticsType 1, 2 or 3, or {@code null} for CJ's default (2)
 * @param storageId required when {@code shopLogisticsType == 1}
 * @param remark order remark, or {@code null}
 * @param lines order lines (at least one)
 * @since 0.1.0
 */
public record CreateOrderRequest(
    String orderNumber,
    String shippingCountryCode,
    String shippingCountry,
    String shippingProvince,
    String shippingCity,
    String shippingAddress,
    @Nullable String shippingAddress2,
    @Nullable String shippingZip,
    String shippingCustomerName,
    @Nullable String shippingPhone,
    @Nullable String email,
    String fromCountryCode,
    String logisticName,
    String platform,
    int payType,
    boolean sandbox,
    @Nullable Integer shopLogisticsType,
    @Nullable String storageId,
    @Nullable String remark,
    List<OrderLine> lines) {
  private static final String EP = "POST /shopping/order/createOrderV2";

  /**
   * Validates every field.
   *
   * @throws CjInvalidRequestException naming the field and value
   *
   * @param orderNumber see the record component
   * @param shippingCountryCode see the record component
   * @param shippingCountry see the record component
   * @param shippingProvince see the record component
   * @param shippingCity see the record component
   * @param shippingAddress see the record component
   * @param shippingAddress2 see the record component
   * @param shippingZip see the record component
   * @param shippingCustomerName see the record component
   * @param shippingPhone see the record component
   * @param email see the record component
   * @param fromCountryCode see the record component
   * @param logisticName see the record component
   * @param platform see the record component
   * @param payType see the record component
   * @param sandbox see the record component
   * @param shopLogisticsType see the record component
   * @param storageId see the record component
   * @param remark see the record component
   * @param lines see the record component
   */
  public CreateOrderRequest {
    require("orderNumber", orderNumber);
    if (orderNumber.length() > 50) {
      throw CjInvalidRequestException.of(EP, "orderNumber", orderNumber, "orderNumber must be at most 50 characters but was " + orderNumber.length());
    }
    require("shippingCountryCode", shippingCountryCode);
    require("shippingCountry", shippingCountry);
    require("shippingProvince", shippingProvince);
    require("shippingCity", shippingCity);
    require("shippingAddress", shippingAddress);
    require("shippingCustomerName", shippingCustomerName);
    require("fromCountryCode", fromCountryCode);
    require("logisticName", logisticName);
    require("platform", platform);
    if (platform.equalsIgnoreCase("api")) {
      throw CjInvalidRequestException.of(EP, "platform", platform, "platform \"" + platform + "\" is rejected by CJ; use e.g. \"shopify\"");
    }
    if (payType < 1 || payType > 3) {
      throw CjInvalidRequestException.of(EP, "payType", payType, "payType must be 1, 2 or 3 but was " + payType);
    }
    if (shopLogisticsType != null && (shopLogisticsType < 1 || shopLogisticsType > 3)) {
      throw CjInvalidRequestException.of(EP, "shopLogisticsType", shopLogisticsType, "shopLogisticsType must be 1, 2 or 3 but was " + shopLogisticsType);
    }
    if (shopLogisticsType != null && shopLogisticsType == 1 && (storageId == null || storageId.isBlank())) {
      throw CjInvalidRequestException.of(EP, "storageId", storageId, "storageId is required when shopLogisticsType is 1 but was " + quote(storageId));
    }
    if (lines == null || lines.isEmpty()) {
      throw CjInvalidRequestException.of(EP, "products", "[]", "an order needs at least one product line");
    }
    lines = List.copyOf(lines);
    for (int i = 0; i < lines.size(); i++) {
      OrderLine l = lines.get(i);
      boolean hasVid = l.vid() != null && !l.vid().isBlank();
      boolean hasSku = l.sku() != null && !l.sku().isBlank();
      if (!hasVid && !hasSku) {
        throw CjInvalidRequestException.of(EP, "products[" + i + "].vid", l.vid(), "line " + (i + 1) + " needs a vid or a sku");
      }
      if (l.quantity() < 1) {
        throw CjInvalidRequestException.of(EP, "products[" + i + "].quantity", l.quantity(),
            "quantity must be >= 1 but was " + l.quantity() + " (line " + (i + 1) + ", " + (hasVid ? "vid \"" + l.vid() : "sku \"" + l.sku()) + "\")");
      }
    }
  }

  private static String quote(@Nullable String s) {
    return s == null ? "null" : "\"" + s + "\"";
  }

  private static void require(String field, @Nullable String value) {
    if (value == null || value.isBlank()) {
      throw CjInvalidRequestException.of(EP, field, value, field + " is required but was " + quote(value));
    }
  }

  /**
   * A new builder with {@code platform="shopify"}, {@code payType=3}, {@code fromCountryCode="CN"}.
   *
   * @return the builder
   * @since 0.1.0
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds {@link CreateOrderRequest}. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private @Nullable String orderNumber;
    private @Nullable String shippingCountryCode;
    private @Nullable String shippingCountry;
    private @Nullable String shippingProvince;
    private @Nullable String shippingCity;
    private @Nullable String shippingAddress;
    private @Nullable String shippingAddress2;
    private @Nullable String shippingZip;
    private @Nullable String shippingCustomerName;
    private @Nullable String shippingPhone;
    private @Nullable String email;
    private String fromCountryCode = "CN";
    private @Nullable String logisticName;
    private String platform = "shopify";
    private int payType = 3;
    private boolean sandbox;
    private @Nullable Integer shopLogisticsType;
    private @Nullable String storageId;
    private @Nullable String remark;
    private final List<OrderLine> lines = new ArrayList<>();

    private Builder() {}

    /**
     * Sets your order number (idempotency key).
     *
     * @param v the value
     * @return this builder
     * @since 0.1.0
     */
    public Builder orderNumber(String v) { this.orderNumber = v; return this; }
    /**
     * Sets destination country code.
     *
     * @param v the value
     * @return this builder
     * @since 0.1.0
     */
    public Builder shippingCountryCode(String v) { this.shippingCountryCode = v; return this; }
    /**
     * Sets destination country name.
     *
     * @param v the value
     * @return this builder
     * @since 0.1.0
     */
    public Builder shippingCountry(String v) { this.shippingCountry = v; return this; }
    /**
     * Sets province/state.
     *
     * @param v the value
     * @return this builder
     * @since 0.1.0
     */
    public Builder shippingProvince(String v) { this.shippingProvince = v; return this; }
    /**
     * Sets city.
     *
     * @param v the value
     * @return this builder
     * @since 0.1.0
     */
    public Builder shippingCity(String v) { this.shippingCity = v; return this; }
    /**
     * Sets street address.
     *
     * @param v the value
     * @return this builder
     * @since 0.1.0
     */
    public Builder shippingAddress(String v) { this.shippingAddress = v; return this; }
    /**
     * Sets second address line.
     *
     * @param v the value
     * @return this builder
     * @since 0.1.0
     */
    public Builder shippingAddress2(@Nullable String v) { this.shippingAddress2 = v; return this; }
    /**
     * Sets postcode.
     *
     * @param v the value
     * @return this builder
     * @since 0.1.0
     */
    public Builder shippingZip(@Nullable String v) { this.shippingZip = v; return this; }
    /**
     * Sets recipient name.
     *
     * @param v the value
     * @return this builder
     * @since 0.1.0
     */
    public Builder shippingCustomerName(String v) { this.shippingCustomerName = v; return this; }
    /**
     * Sets recipient phone.
     *
     * @param v the value
     * @return this builder
     * @since 0.1.0
     */
    public Builder shippingPhone(@Nullable String v) { this.shippingPhone = v; return this; }
    /**
     * Sets recipient email.
     *
     * @param v the value
     * @return this builder
     * @since 0.1.0
     */
    public Builder email(@Nullable String v) { this.email = v; return this; }
    /**
     * Sets origin warehouse country (default CN).
     *
     * @param v the value
     * @return this builder
     * @since 0.1.0
     */
    public Builder fromCountryCode(String v) { this.fromCountryCode = v; return this; }
    /**
     * Sets carrier name from a freight quote.
     *
     * @param v the value
     * @return this builder
     * @since 0.1.0
     */
    public Builder logisticName(String v) { this.logisticName = v; return this; }
    /**
     * Sets platform (default shopify).
     *
     * @param v the value
     * @return this builder
     * @since 0.1.0
     */
    public Builder platform(String v) { this.platform = v; return this; }
    /**
     * Sets pay type 1..3 (default 3, create only).
     *
     * @param v the value
     * @return this builder
     * @since 0.1.0
     */
    public Builder payType(int v) { this.payType = v; return this; }
    /**
     * Sets whether to create a sandbox order.
     *
     * @param v the value
     * @return this builder
     * @since 0.1.0
     */
    public Builder sandbox(boolean v) { this.sandbox = v; return this; }
    /**
     * Sets shop logistics type 1..3.
     *
     * @param v the value
     * @return this builder
     * @since 0.1.0
     */
    public Builder shopLogisticsType(@Nullable Integer v) { this.shopLogisticsType = v; return this; }
    /**
     * Sets storage id (needed for type 1).
     *
     * @param v the value
     * @return this builder
     * @since 0.1.0
     */
    public Builder storageId(@Nullable String v) { this.storageId = v; return this; }
    /**
     * Sets remark.
     *
     * @param v the value
     * @return this builder
     * @since 0.1.0
     */
    public Builder remark(@Nullable String v) { this.remark = v; return this; }
    /**
     * Adds a product line.
     *
     * @param line a product line
     * @return this builder
     * @since 0.1.0
     */
    public Builder addLine(OrderLine line) { this.lines.add(line); return this; }

    /**
     * Builds and validates the request.
     *
     * @return the request
     * @throws CjInvalidRequestException naming the first invalid field and its value
     * @since 0.1.0
     */
    @SuppressWarnings("NullAway")
    public CreateOrderRequest build() {
      return new CreateOrderRequest(orderNumber, shippingCountryCode, shippingCountry, shippingProvince, shippingCity,
          shippingAddress, shippingAddress2, shippingZip, shippingCustomerName, shippingPhone, email, fromCountryCode,
          logisticName, platform, payType, sandbox, shopLogisticsType, storageId, remark, lines);
    }
  }
}
