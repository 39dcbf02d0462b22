package dev.dropsync.automation.internal;

import dev.dropsync.automation.AutomationException;
import dev.dropsync.automation.TaskTypes;
import dev.dropsync.inventory.NotFoundException;
import dev.dropsync.inventory.ProductId;
import dev.dropsync.inventory.SyncHandle;
import dev.dropsync.inventory.SyncInProgressException;
import dev.dropsync.inventory.SyncRun;
import dev.dropsync.inventory.SyncRunStatus;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.scheduler.NonRetryableTaskException;
import dev.dropsync.scheduler.TaskContext;
import dev.dropsync.scheduler.TaskHandler;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;

/**
 * {@code inventory_sync}: a full sync run of the task's tenant, or {@code syncNow} of one product.
 * Idempotent because a sync re-reads the supplier's current state and an unchanged product writes
 * nothing. If the tenant already has a run going in this engine, the task waits for that run instead
 * of starting a second one.
 */
public final class InventorySyncHandler implements TaskHandler {
  private final Context ctx;

  public InventorySyncHandler(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public void handle(TaskContext task) throws Exception {
    TenantId tenant = Context.tenantOf(task.task());
    String product = task.payload().get(TaskTypes.PRODUCT_ID);
    try {
      if (product != null) {
        ctx.inventory.sync().syncNow(tenant, ProductId.of(product), task.task().instanceKey());
        return;
      }
      SyncHandle run;
      try {
        run = ctx.inventory.sync().start(tenant, null, null);
      } catch (SyncInProgressException busy) {
        Optional<SyncHandle> current = ctx.inventory.sync().current(tenant);
        if (current.isEmpty()) {
          throw busy; // it finished meanwhile: retry starts a fresh run
        }
        run = current.get();
      }
      SyncRun result = await(run);
      if (result.status() == SyncRunStatus.CANCELLED) {
        throw new AutomationException("sync run " + result.runId() + " of tenant \"" + tenant + "\" was cancelled");
      }
      if (result.total() > 0 && result.failed() == result.total()) {
        throw new AutomationException("sync run " + result.runId() + " of tenant \"" + tenant + "\": all "
            + result.total() + " products failed, e.g. " + run.failures().values().stream().findFirst().orElse("?"));
      }
    } catch (NotFoundException e) {
      throw new NonRetryableTaskException("inventory_sync for tenant \"" + tenant + "\": " + e.getMessage(), e);
    }
  }

  private static SyncRun await(SyncHandle run) throws InterruptedException {
    try {
      return run.future().get();
    } catch (InterruptedException e) {
      run.cancel(); // timeout, lost claim or shutdown: stop the run, resume later
      throw e;
    } catch (CancellationException e) {
      throw new AutomationException("sync run " + run.runId() + " was cancelled", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new AutomationException("sync run " + run.runId() + " failed: " + cause, cause);
    }
  }
}
