package dev.dropsync.automation.internal;

import dev.dropsync.automation.AutomationException;
import dev.dropsync.automation.TaskTypes;
import dev.dropsync.fulfillment.HoldReason;
import dev.dropsync.fulfillment.Order;
import dev.dropsync.fulfillment.OrderId;
import dev.dropsync.fulfillment.SupplierOrder;
import dev.dropsync.inventory.NotFoundException;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.scheduler.NonRetryableTaskException;
import dev.dropsync.scheduler.TaskContext;
import dev.dropsync.scheduler.TaskHandler;
import java.time.Instant;

/**
 * {@code order_fulfillment}: with an {@code orderId}, {@code processOrder} of that order (idempotent
 * in the engine: one supplier order per group, ever). Without one, the tenant's sweep: every order
 * created within the look-back that is paid but unfinished (CONFIRMED, PROCESSING, or ON_HOLD for
 * stock or freight) is resumed, and every placed, unfinished supplier order is polled. A failing
 * item is reported to the listener and the sweep goes on; the attempt fails only if every item
 * failed.
 */
public final class OrderFulfillmentHandler implements TaskHandler {
  private final Context ctx;

  public OrderFulfillmentHandler(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public void handle(TaskContext task) {
    TenantId tenant = Context.tenantOf(task.task());
    String orderId = task.payload().get(TaskTypes.ORDER_ID);
    if (orderId != null) {
      try {
        ctx.fulfillment.processOrder(tenant, OrderId.of(orderId));
      } catch (NotFoundException e) {
        throw new NonRetryableTaskException("order_fulfillment of tenant \"" + tenant + "\": " + e.getMessage(), e);
      }
      return;
    }
    sweep(tenant, task);
  }

  private void sweep(TenantId tenant, TaskContext task) {
    Instant now = ctx.clock.instant();
    int attempted = 0;
    int failed = 0;
    RuntimeException last = null;
    for (Order o : ctx.fulfillment.listOrders(tenant, now.minus(ctx.openOrderLookback), now.plusNanos(1))) {
      if (task.isCancelled() || Thread.currentThread().isInterrupted()) {
        return;
      }
      Order current = o;
      if (resumable(o)) {
        attempted++;
        try {
          current = ctx.fulfillment.processOrder(tenant, o.id());
        } catch (RuntimeException e) {
          failed++;
          last = e;
          ctx.notify(l -> l.onItemFailed(tenant, TaskTypes.ORDER_FULFILLMENT, "order " + o.id().value(), e));
          continue;
        }
      }
      if (current.status().isTerminal()) {
        continue;
      }
      for (SupplierOrder so : ctx.fulfillment.supplierOrders(tenant, o.id())) {
        if (!so.status().isPlaced() || so.status().isTerminal()) {
          continue;
        }
        attempted++;
        try {
          ctx.fulfillment.pollSupplierOrder(tenant, so.reference());
        } catch (RuntimeException e) {
          failed++;
          last = e;
          ctx.notify(l -> l.onItemFailed(tenant, TaskTypes.ORDER_FULFILLMENT, "supplier order " + so.reference(), e));
        }
      }
    }
    if (attempted > 0 && failed == attempted && last != null) {
      throw new AutomationException("order_fulfillment sweep of tenant \"" + tenant + "\": all " + attempted
          + " items failed, last: " + last.getMessage(), last);
    }
  }

  private static boolean resumable(Order o) {
    return switch (o.status()) {
      case CONFIRMED, PROCESSING -> !o.cancellationRequested();
      case ON_HOLD -> !o.cancellationRequested()
          && (o.holdReason() == HoldReason.OUT_OF_STOCK || o.holdReason() == HoldReason.NO_SHIPPING_OPTION);
      default -> false;
    };
  }
}
