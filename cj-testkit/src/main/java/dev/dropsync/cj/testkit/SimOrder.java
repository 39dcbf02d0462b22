package dev.dropsync.cj.testkit;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A snapshot of one order held by the simulator, with its status advanced to the simulator clock's now.
 *
 * @param cjOrderId the CJ order code ({@code SD…}), what createOrder returns as {@code orderId}
 * @param internalId CJ's internal numeric id (19 digits), what the order list returns as {@code orderId}
 * @param orderNumber the caller's order number (not unique: CJ accepts duplicates)
 * @param status {@code CREATED, UNPAID, UNSHIPPED, SHIPPED, DELIVERED} or {@code CANCELLED}
 * @param logisticName the shipping method chosen at creation
 * @param trackNumber the tracking number once shipped, else null
 * @param productAmount goods total in USD
 * @param postageAmount shipping total in USD
 * @param createdAt creation time by the simulator clock
 * @param sandbox whether created with {@code isSandbox:1}
 * @since 0.1.0
 */
public record SimOrder(
    String cjOrderId,
    String internalId,
    String orderNumber,
    String status,
    String logisticName,
    @Nullable String trackNumber,
    BigDecimal productAmount,
    BigDecimal postageAmount,
    Instant createdAt,
    boolean sandbox) {}
