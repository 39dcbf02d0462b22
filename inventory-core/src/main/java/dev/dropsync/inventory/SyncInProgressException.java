package dev.dropsync.inventory;

/**
 * A sync was started for a tenant that already has one running. Nothing was started.
 *
 * @since 0.1.0
 */
public class SyncInProgressException extends InventoryException {
  private static final long serialVersionUID = 1L;

  /** @param tenant the tenant @param runId the run already in progress */
  public SyncInProgressException(TenantId tenant, String runId) {
    super("tenant \"" + tenant.value() + "\" already has sync run \"" + runId + "\" running");
  }
}
