package dev.dropsync.automation;

import dev.dropsync.inventory.Plan;
import dev.dropsync.scheduler.MisfirePolicy;
import dev.dropsync.scheduler.OverlapPolicy;
import dev.dropsync.scheduler.TaskPriority;
import java.time.Duration;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Which schedules each plan gets and whether its tenants' webhooks are processed. Applied when a
 * tenant is onboarded and again whenever its plan changes (see {@link TenantAutomation#changePlan}).
 * Replace it to change any default: build your own with {@link #builder()}, or derive one from
 * {@link #standard()} with {@link #toBuilder()}.
 *
 * <p>{@link #standard()}, all times in the tenant's zone:
 *
 * <table>
 *   <caption>Standard schedules</caption>
 *   <tr><th>key / task type</th><th>FREE</th><th>PRO</th><th>PREMIUM</th></tr>
 *   <tr><td>{@code inventory_sync}</td><td>daily 02:00</td><td>hourly at :00</td><td>hourly at :00</td></tr>
 *   <tr><td>{@code stock_alert}</td><td>daily 02:30</td><td>hourly at :30</td><td>hourly at :30</td></tr>
 *   <tr><td>{@code order_fulfillment} (sweep)</td><td>hourly at :10</td><td>hourly at :10</td><td>hourly at :10</td></tr>
 *   <tr><td>{@code analytics_snapshot}</td><td>daily 00:30</td><td>daily 00:30</td><td>daily 00:30</td></tr>
 *   <tr><td>webhooks</td><td>off</td><td>off</td><td>on</td></tr>
 * </table>
 *
 * Syncs and stock checks skip a fire while the previous run is unfinished ({@link
 * OverlapPolicy#SKIP}); missed analytics days are caught up (up to 7, each snapshotting its own
 * day); fulfilment sweeps run at HIGH priority, analytics at LOW. A plan without its own entry
 * gets the {@linkplain Builder#otherwise fallback} (by default FREE's).
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class AutomationPolicy {
  private final Map<String, PlanAutomation> plans;
  private final PlanAutomation otherwise;

  private AutomationPolicy(Map<String, PlanAutomation> plans, PlanAutomation otherwise) {
    this.plans = Map.copyOf(plans);
    this.otherwise = otherwise;
  }

  /**
   * Returns an empty builder. Not thread-safe.
   *
   * @return the builder
   * @since 0.1.0
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the standard policy (see the class doc).
   *
   * @return the policy
   * @since 0.1.0
   */
  public static AutomationPolicy standard() {
    ScheduleTemplate fulfillment = ScheduleTemplate.builder(TaskTypes.ORDER_FULFILLMENT)
        .taskType(TaskTypes.ORDER_FULFILLMENT).recurrence(ZonedRecurrence.hourly(10))
        .priority(TaskPriority.HIGH).overlapPolicy(OverlapPolicy.SKIP).build();
    ScheduleTemplate analytics = ScheduleTemplate.builder(TaskTypes.ANALYTICS_SNAPSHOT)
        .taskType(TaskTypes.ANALYTICS_SNAPSHOT).recurrence(ZonedRecurrence.daily(LocalTime.of(0, 30)))
        .priority(TaskPriority.LOW).misfirePolicy(MisfirePolicy.catchUp(7)).build();
    PlanAutomation free = PlanAutomation.builder()
        .schedule(sync(ZonedRecurrence.daily(LocalTime.of(2, 0))))
        .schedule(alerts(ZonedRecurrence.daily(LocalTime.of(2, 30))))
        .schedule(fulfillment).schedule(analytics).webhooks(false).build();
    PlanAutomation pro = PlanAutomation.builder()
        .schedule(sync(ZonedRecurrence.hourly(0)))
        .schedule(alerts(ZonedRecurrence.hourly(30)))
        .schedule(fulfillment).schedule(analytics).webhooks(false).build();
    PlanAutomation premium = pro.toBuilder().webhooks(true).build();
    return builder().plan(Plan.FREE, free).plan(Plan.PRO, pro).plan(Plan.PREMIUM, premium).otherwise(free).build();
  }

  private static ScheduleTemplate sync(ZonedRecurrence when) {
    return ScheduleTemplate.builder(TaskTypes.INVENTORY_SYNC).taskType(TaskTypes.INVENTORY_SYNC).recurrence(when)
        .overlapPolicy(OverlapPolicy.SKIP).taskTimeout(Duration.ofHours(1)).build();
  }

  private static ScheduleTemplate alerts(ZonedRecurrence when) {
    return ScheduleTemplate.builder(TaskTypes.STOCK_ALERT).taskType(TaskTypes.STOCK_ALERT).recurrence(when)
        .overlapPolicy(OverlapPolicy.SKIP).build();
  }

  /**
   * Returns what {@code plan} gets: its own entry, else the fallback.
   *
   * @param plan the plan
   * @return the plan's automation
   * @since 0.1.0
   */
  public PlanAutomation forPlan(Plan plan) {
    PlanAutomation p = plans.get(Objects.requireNonNull(plan, "plan").name());
    return p != null ? p : otherwise;
  }

  /**
   * Returns a builder holding this policy, to derive a variant.
   *
   * @return the builder
   * @since 0.1.0
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.plans.putAll(plans);
    b.otherwise = otherwise;
    return b;
  }

  /**
   * Describes the policy.
   *
   * @return a description
   */
  @Override
  public String toString() {
    return "AutomationPolicy[plans=" + plans + ", otherwise=" + otherwise + "]";
  }

  /**
   * Builds an {@link AutomationPolicy}. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final Map<String, PlanAutomation> plans = new LinkedHashMap<>();
    private @Nullable PlanAutomation otherwise;

    private Builder() {}

    /**
     * Sets what {@code plan} gets (replacing an earlier entry).
     *
     * @param plan the plan
     * @param automation its schedules and webhook switch
     * @return this
     * @since 0.1.0
     */
    public Builder plan(Plan plan, PlanAutomation automation) {
      plans.put(Objects.requireNonNull(plan, "plan").name(), Objects.requireNonNull(automation, "automation"));
      return this;
    }

    /**
     * Sets what plans without their own entry get (default: nothing, webhooks off).
     *
     * @param automation the fallback
     * @return this
     * @since 0.1.0
     */
    public Builder otherwise(PlanAutomation automation) {
      this.otherwise = Objects.requireNonNull(automation, "automation");
      return this;
    }

    /**
     * Builds the policy.
     *
     * @return the policy
     * @since 0.1.0
     */
    public AutomationPolicy build() {
      return new AutomationPolicy(plans, otherwise != null ? otherwise : PlanAutomation.builder().build());
    }
  }
}
