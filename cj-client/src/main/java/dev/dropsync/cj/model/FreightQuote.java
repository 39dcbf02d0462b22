package dev.dropsync.cj.model;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * One shipping option from freightCalculate. {@link #logisticName()} is the exact string createOrder
 * expects.
 *
 * @param logisticName carrier/service name
 * @param aging delivery time text in days, e.g. {@code "7-12"}, or {@code null}
 * @param minDays lower bound of {@code aging}, or {@code null}
 * @param maxDays upper bound of {@code aging}, or {@code null}
 * @param logisticPrice USD shipping price, or {@code null}
 * @param taxesFee USD taxes, or {@code null}
 * @param clearanceOperationFee USD clearance fee, or {@code null}
 * @param totalPostageFee USD total postage
 * @since 0.1.0
 */
public record FreightQuote(
    String logisticName,
    @Nullable String aging,
    @Nullable Integer minDays,
    @Nullable Integer maxDays,
    @Nullable BigDecimal logisticPrice,
    @Nullable BigDecimal taxesFee,
    @Nullable BigDecimal clearanceOperationFee,
    BigDecimal totalPostageFee) {}
