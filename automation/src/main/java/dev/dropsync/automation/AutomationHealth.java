package dev.dropsync.automation;

import dev.dropsync.inventory.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A tenant's automation health: the uptime of each of its schedules, the success rate of its
 * tasks per type in a window, and its webhook deliveries in the window. Produced by {@link
 * TenantAutomation#health}.
 *
 * @param tenant the tenant
 * @param from start of the window (inclusive)
 * @param to end of the window (exclusive)
 * @param schedules every schedule of the tenant, by id
 * @param tasks per task type, for every type seen in the window or pending/running now
 * @param webhooks deliveries received in the window
 * @since 0.1.0
 */
public record AutomationHealth(
    TenantId tenant,
    Instant from,
    Instant to,
    List<ScheduleHealth> schedules,
    Map<String, TaskTypeHealth> tasks,
    WebhookHealth webhooks) {

  /**
   * Copies the collections.
   *
   * @throws NullPointerException if a component is null
   *
   * @param tenant see the record component
   * @param from see the record component
   * @param to see the record component
   * @param schedules see the record component
   * @param tasks see the record component
   * @param webhooks see the record component
   */
  public AutomationHealth {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    schedules = List.copyOf(schedules);
    tasks = Map.copyOf(tasks);
    Objects.requireNonNull(webhooks, "webhooks");
  }
}
