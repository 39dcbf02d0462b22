package dev.dropsync.cj.model;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * The account's CJ wallet balance in USD.
 *
 * @param amount available balance
 * @param noWithdrawalAmount part that cannot be withdrawn, or {@code null}
 * @param freezeAmount frozen amount, or {@code null}
 * @since 0.1.0
 */
public record Balance(BigDecimal amount, @Nullable BigDecimal noWithdrawalAmount, @Nullable BigDecimal freezeAmount) {}
