/**
 * CJ Dropshipping as a dropsync supplier, on cj-client's {@link dev.dropsync.cj.CjClient}: {@link
 * dev.dropsync.cj.supplier.CjSupplierCatalog} implements inventory-core's {@link
 * dev.dropsync.inventory.spi.SupplierCatalog} (one {@code /product/query} per product per sync),
 * {@link dev.dropsync.cj.supplier.CjSupplierOrders} and {@link
 * dev.dropsync.cj.supplier.CjFreightQuotes} implement fulfillment-core's {@code SupplierOrders} and
 * {@code FreightQuotes} per tenant CJ account. All three come from one {@link
 * dev.dropsync.cj.supplier.CjSupplier}:
 *
 * <pre>{@code
 * CjClient account = CjClient.builder().apiKey(System.getenv("CJ_API_KEY")).qps(2).build();
 * CjSupplier cj = CjSupplier.builder().client(account).build();      // single-tenant host
 *
 * InventoryEngine inventory = InventoryEngine.builder()
 *     .store(store).supplier(cj.catalog())
 *     .syncExecutor(Executors.newFixedThreadPool(4)).syncConcurrency(4)  // >= qps x response time
 *     .build();
 * FulfillmentEngine fulfilment = FulfillmentEngine.builder()
 *     .orderStore(orders).stock(inventory).variants(inventory)
 *     .supplierOrders(cj.orders()).freightQuotes(cj.freightQuotes())
 *     .notifier(notifier).build();
 * }</pre>
 *
 * <p>CJ's own errors surface as cj-client's {@link dev.dropsync.cj.CjException} subclasses; bad
 * arguments as inventory-core's {@link dev.dropsync.inventory.InvalidInputException}; data from CJ
 * the SPIs cannot carry as {@link dev.dropsync.cj.supplier.CjSupplierException} subclasses.
 */
@NullMarked
package dev.dropsync.cj.supplier;

import org.jspecify.annotations.NullMarked;
