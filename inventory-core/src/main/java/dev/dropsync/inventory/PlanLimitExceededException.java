package dev.dropsync.inventory;

/**
 * Activating a product would exceed the tenant's plan limit of active products. Nothing was
 * changed.
 *
 * @since 0.1.0
 */
public class PlanLimitExceededException extends InventoryException {
  private static final long serialVersionUID = 1L;

  private final TenantId tenant;
  private final Plan plan;
  private final int limit;
  private final int currentCount;

  /**
   * @param tenant the tenant
   * @param plan its plan
   * @param limit the plan's active-product limit
   * @param currentCount active products when the activation was refused
   */
  public PlanLimitExceededException(TenantId tenant, Plan plan, int limit, int currentCount) {
    super("plan " + plan.name() + " allows " + limit + " active products and tenant \""
        + tenant.value() + "\" has " + currentCount);
    this.tenant = tenant;
    this.plan = plan;
    this.limit = limit;
    this.currentCount = currentCount;
  }

  /** The tenant. */
  public TenantId tenant() {
    return tenant;
  }

  /** The tenant's plan. */
  public Plan plan() {
    return plan;
  }

  /** The plan's limit of active products. */
  public int limit() {
    return limit;
  }

  /** The number of active products when the activation was refused. */
  public int currentCount() {
    return currentCount;
  }
}
