package dev.dropsync.automation.internal;

import dev.dropsync.automation.PlanAutomation;
import dev.dropsync.automation.ScheduleTemplate;
import dev.dropsync.inventory.Plan;
import dev.dropsync.inventory.Tenant;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.scheduler.InvalidSchedulerArgumentException;
import dev.dropsync.scheduler.Schedule;
import dev.dropsync.scheduler.ScheduleRequest;
import dev.dropsync.scheduler.Scheduler;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Makes a tenant's managed schedules ({@code auto:<tenant>:<key>}) equal its plan's templates:
 * keeps the ones that already match (untouched, counters and pause kept), replaces the ones that
 * differ (keeping a pause), creates missing ones and deletes managed schedules the plan no longer
 * has. Schedules the host added are never touched. Deterministic ids make it idempotent: applying
 * twice, or from two threads, leaves exactly one schedule per template. If a template cannot be
 * scheduled (its task type has no handler), the changes of that call are undone and the error is
 * thrown.
 */
public final class ScheduleSync {
  private final Context ctx;
  private final Scheduler scheduler;

  public ScheduleSync(Context ctx, Scheduler scheduler) {
    this.ctx = ctx;
    this.scheduler = scheduler;
  }

  /** Applies the tenant's current plan; returns its managed schedules in template order. */
  public List<Schedule> apply(TenantId tenantId) {
    Tenant tenant = ctx.inventory.tenant(tenantId);
    return apply(tenantId, tenant.plan());
  }

  /** Applies {@code target}'s templates to the tenant (which must exist). */
  public List<Schedule> apply(TenantId tenantId, Plan target) {
    ctx.inventory.tenant(tenantId);
    PlanAutomation plan = ctx.policy.forPlan(target);
    ZoneId zone = ctx.settings.settingsFor(tenantId).zone();
    String prefix = Keys.managedSchedulePrefix(tenantId);
    Map<String, Schedule> existing = new LinkedHashMap<>();
    for (Schedule s : scheduler.store().schedulesByOwner(tenantId.value())) {
      if (s.id().startsWith(prefix)) {
        existing.put(s.id(), s);
      }
    }
    List<Schedule> result = new ArrayList<>();
    List<Schedule> removed = new ArrayList<>(); // undo log: put back if a later step fails
    List<String> created = new ArrayList<>();
    try {
      for (ScheduleTemplate t : plan.schedules()) {
        String id = Keys.managedSchedule(tenantId, t.key());
        Schedule current = existing.remove(id);
        ScheduleRequest desired = t.toRequest(id, tenantId.value(), zone, current == null || current.active());
        if (current != null && matches(current, desired)) {
          result.add(current);
          continue;
        }
        if (current != null && scheduler.store().deleteSchedule(id)) {
          removed.add(current);
        }
        Optional<Schedule> made = create(desired);
        if (made.isPresent()) {
          created.add(id);
          result.add(made.get());
        } else { // created concurrently by another apply: keep that one
          result.add(scheduler.store().findSchedule(id).orElseThrow(
              () -> new IllegalStateException("schedule " + id + " vanished while being applied")));
        }
      }
    } catch (RuntimeException e) {
      // e.g. a template whose task type has no handler: leave the tenant's schedules as they were
      for (String id : created) {
        scheduler.store().deleteSchedule(id);
      }
      for (Schedule s : removed) {
        scheduler.store().insertSchedule(s);
      }
      throw e;
    }
    for (Schedule stale : existing.values()) {
      scheduler.store().deleteSchedule(stale.id());
    }
    return result;
  }

  /** Creates the schedule; empty if one with its id exists already. */
  private Optional<Schedule> create(ScheduleRequest desired) {
    try {
      return Optional.of(scheduler.schedule(desired));
    } catch (InvalidSchedulerArgumentException e) {
      if (!"id".equals(e.field())) {
        throw e;
      }
      return Optional.empty();
    }
  }

  static boolean matches(Schedule s, ScheduleRequest r) {
    return s.taskType().equals(r.taskType())
        && s.recurrence().spec().equals(r.recurrence().spec())
        && s.payload().equals(r.payload())
        && s.priority() == r.priority()
        && s.maxRetries() == r.maxRetries()
        && Objects.equals(s.taskTimeout(), r.taskTimeout())
        && s.misfirePolicy().equals(r.misfirePolicy())
        && s.overlapPolicy() == r.overlapPolicy();
  }
}
