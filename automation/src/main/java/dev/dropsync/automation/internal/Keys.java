package dev.dropsync.automation.internal;

import dev.dropsync.inventory.TenantId;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Idempotency keys and schedule ids, with the tenant encoded so keys never collide across tenants. */
public final class Keys {
  private Keys() {}

  /** Percent-encodes the separators used in keys, so {@code a:b} + {@code c} never equals {@code a} + {@code b:c}. */
  public static String part(String s) {
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '%' -> b.append("%25");
        case ':' -> b.append("%3A");
        case '/' -> b.append("%2F");
        case '@' -> b.append("%40");
        case '#' -> b.append("%23");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** {@code <type>:<tenant>:<part>:…}, the tenant-scoped form of {@code <type>:<id>}; each part is encoded. */
  public static String task(String type, TenantId tenant, String... parts) {
    StringBuilder b = new StringBuilder(type).append(':').append(part(tenant.value()));
    for (String p : parts) {
      b.append(':').append(part(p));
    }
    return b.toString();
  }

  /** The prefix of every schedule id managed by the plan policy for {@code tenant}. */
  public static String managedSchedulePrefix(TenantId tenant) {
    return "auto:" + part(tenant.value()) + ":";
  }

  /** The id of the tenant's default schedule {@code key}. */
  public static String managedSchedule(TenantId tenant, String key) {
    return managedSchedulePrefix(tenant) + key;
  }

  /** The id of a schedule the host added for the tenant with its own id. */
  public static String customSchedule(TenantId tenant, String id) {
    return "custom:" + part(tenant.value()) + ":" + part(id);
  }

  /** The instance key of a task the host submits for the tenant with its own key. */
  public static String customTask(TenantId tenant, String key) {
    return "custom:" + part(tenant.value()) + ":" + key;
  }

  /**
   * The fire time of a task created by a schedule: the scheduler keys them {@code scheduleId@fireTime};
   * empty for ad-hoc and manual ({@code @manual:…}) runs.
   */
  public static Optional<Instant> fireTime(String instanceKey, String scheduleId) {
    String prefix = scheduleId + "@";
    if (!instanceKey.startsWith(prefix)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(instanceKey.substring(prefix.length())));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
