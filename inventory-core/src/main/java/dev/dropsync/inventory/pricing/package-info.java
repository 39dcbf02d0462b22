/**
 * Retail pricing that keeps the markup: {@link dev.dropsync.inventory.pricing.PricingRule}s (cost
 * tiers, multiplier, fixed add, charm rounding, minimum margin floor, compare-at price) scoped per
 * tenant, category or product through {@link dev.dropsync.inventory.pricing.PricingScope}. A rule is
 * always rerun on the new cost; the old retail price is never scaled.
 */
@NullMarked
package dev.dropsync.inventory.pricing;

import org.jspecify.annotations.NullMarked;
