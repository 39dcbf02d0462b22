package dev.dropsync.inventory.analytics.forecast;

/**
 * The Syntetos–Boylan–Croston demand classes, by average inter-demand interval (ADI, cut-off 1.32)
 * and squared coefficient of variation of the non-zero demand sizes (CV², cut-off 0.49).
 *
 * @since 0.1.0
 */
public enum DemandPattern {
  /** ADI ≤ 1.32 and CV² ≤ 0.49: regular demand, regular sizes. */
  SMOOTH,
  /** ADI ≤ 1.32 and CV² &gt; 0.49: regular demand, very variable sizes. */
  ERRATIC,
  /** ADI &gt; 1.32 and CV² ≤ 0.49: sporadic demand, regular sizes. */
  INTERMITTENT,
  /** ADI &gt; 1.32 and CV² &gt; 0.49: sporadic demand, variable sizes. */
  LUMPY,
  /** No demand at all on sellable days. */
  NONE
}
