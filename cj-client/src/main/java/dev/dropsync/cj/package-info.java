/**
 * Typed client for the CJ Dropshipping Open API 2.0: {@link dev.dropsync.cj.CjClient} with its
 * service accessors, per-call {@link dev.dropsync.cj.RequestOptions}, the {@link
 * dev.dropsync.cj.CjClientListener} hook, webhook verification ({@link dev.dropsync.cj.CjWebhooks})
 * and the unchecked exception hierarchy rooted at {@link dev.dropsync.cj.CjException}.
 *
 * <pre>{@code
 * try (CjClient cj = CjClient.builder().apiKey(key).qps(2).build()) {
 *   for (Product p : cj.products().listAll(ProductListRequest.firstPage().withPageSize(200))) {
 *     ProductDetail d = cj.products().getByPid(p.pid());
 *   }
 *   CreatedOrder o = cj.orders().createOrderV2(CreateOrderRequest.builder()
 *       .orderNumber("shop-1001").shippingCountryCode("US").shippingCountry("United States")
 *       .shippingProvince("NY").shippingCity("New York").shippingAddress("1 Main St")
 *       .shippingCustomerName("Jane Doe").logisticName("CJPacket Ordinary")
 *       .addLine(OrderLine.ofVid("1371342252697325568", 2)).build());
 * }
 * }</pre>
 */
@NullMarked
package dev.dropsync.cj;

import org.jspecify.annotations.NullMarked;
