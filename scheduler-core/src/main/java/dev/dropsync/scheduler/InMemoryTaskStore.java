package dev.dropsync.scheduler;

import dev.dropsync.scheduler.spi.ClaimFilter;
import dev.dropsync.scheduler.spi.InsertResult;
import dev.dropsync.scheduler.spi.TaskStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Thread-safe in-memory {@link TaskStore}: the reference implementation, for tests, single-process
 * deployments and several {@link Scheduler}s in one JVM. Every method runs under one lock, so each
 * is atomic. Claims use per-priority, per-owner indexes ordered by due time, so claiming costs about
 * {@code O(priorities x owners + log n)} per task. Nothing is persisted; finished tasks are kept (their keys stay
 * unique) until the store is discarded.
 *
 * <pre>{@code
 * TaskStore store = new InMemoryTaskStore();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class InMemoryTaskStore implements TaskStore {

  private static final Comparator<AutomationTask> DUE_ORDER =
      Comparator.comparing(AutomationTask::scheduledAt).thenComparing(AutomationTask::id);

  private final Object lock = new Object();
  private final Map<String, AutomationTask> tasks = new HashMap<>();
  private final Map<String, String> idByKey = new HashMap<>();
  /** priority weight (descending) -> owner -> pending tasks ordered by due time. */
  private final TreeMap<Integer, Map<String, TreeSet<AutomationTask>>> pending =
      new TreeMap<>(Comparator.reverseOrder());

  private final Map<String, AutomationTask> running = new LinkedHashMap<>();
  private final Map<String, Integer> runningPerOwner = new HashMap<>();
  private final Map<String, Integer> runningPerType = new HashMap<>();
  private final Map<String, Schedule> schedules = new TreeMap<>();
  /** owner -> sequence number of its most recent claim (round-robin among equally loaded owners). */
  private final Map<String, Long> lastServed = new HashMap<>();
  private long claimSequence;

  /**
   * Creates an empty store.
   *
   * @since 0.1.0
   */
  public InMemoryTaskStore() {}

  private static String key(String type, String instanceKey) {
    return type + '\u0000' + instanceKey;
  }

  @Override
  public InsertResult insertIfAbsent(AutomationTask task) {
    Objects.requireNonNull(task, "task");
    synchronized (lock) {
      InsertResult check = checkDuplicate(task);
      if (check == InsertResult.ALREADY_EXISTS) {
        return check;
      }
      insertNew(task);
      return InsertResult.INSERTED;
    }
  }

  private @Nullable InsertResult checkDuplicate(AutomationTask task) {
    String existingId = idByKey.get(key(task.type(), task.instanceKey()));
    if (existingId != null) {
      AutomationTask existing = Objects.requireNonNull(tasks.get(existingId));
      if (!existing.payload().equals(task.payload())) {
        throw new DuplicateTaskKeyException(task.type(), task.instanceKey());
      }
      return InsertResult.ALREADY_EXISTS;
    }
    if (tasks.containsKey(task.id())) {
      throw new InvalidSchedulerArgumentException("id", task.id(), "must be unique");
    }
    if (task.status() != TaskStatus.PENDING) {
      throw new InvalidSchedulerArgumentException("status", task.status(), "must be PENDING");
    }
    return null;
  }

  private void insertNew(AutomationTask task) {
    tasks.put(task.id(), task);
    idByKey.put(key(task.type(), task.instanceKey()), task.id());
    addPending(task);
  }

  private void addPending(AutomationTask task) {
    pending
        .computeIfAbsent(task.priority().weight(), p -> new HashMap<>())
        .computeIfAbsent(task.owner(), o -> new TreeSet<>(DUE_ORDER))
        .add(task);
  }

  private void removePending(AutomationTask task) {
    Map<String, TreeSet<AutomationTask>> byOwner = pending.get(task.priority().weight());
    if (byOwner == null) {
      return;
    }
    TreeSet<AutomationTask> set = byOwner.get(task.owner());
    if (set == null) {
      return;
    }
    set.remove(task);
    if (set.isEmpty()) {
      byOwner.remove(task.owner());
    }
  }

  @Override
  public List<AutomationTask> claimDue(Instant now, int limit, String workerId, ClaimFilter filter) {
    InvalidSchedulerArgumentException.requireAtLeast("limit", limit, 1);
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(filter, "filter");
    synchronized (lock) {
      List<AutomationTask> claimed = new ArrayList<>(Math.min(limit, 64));
      while (claimed.size() < limit) {
        AutomationTask best = null;
        int bestWeight = -1;
        int bestLoad = Integer.MAX_VALUE;
        long bestServed = Long.MAX_VALUE;
        for (Map<String, TreeSet<AutomationTask>> byOwner : pending.values()) {
          for (Map.Entry<String, TreeSet<AutomationTask>> e : byOwner.entrySet()) {
            AutomationTask candidate = firstEligible(e.getValue(), now, filter);
            if (candidate == null) {
              continue;
            }
            int weight =
                filter.effectiveWeight(candidate.priority(), candidate.scheduledAt(), now);
            if (weight < bestWeight) {
              continue;
            }
            int load = runningPerOwner.getOrDefault(e.getKey(), 0);
            long served = lastServed.getOrDefault(e.getKey(), -1L);
            if (best == null
                || weight > bestWeight
                || load < bestLoad
                || (load == bestLoad && served < bestServed)
                || (load == bestLoad
                    && served == bestServed
                    && DUE_ORDER.compare(candidate, best) < 0)) {
              best = candidate;
              bestWeight = weight;
              bestLoad = load;
              bestServed = served;
            }
          }
        }
        if (best == null) {
          break;
        }
        removePending(best);
        lastServed.put(best.owner(), claimSequence++);
        AutomationTask running1 = best.claimed(workerId, now);
        tasks.put(running1.id(), running1);
        running.put(running1.id(), running1);
        runningPerOwner.merge(running1.owner(), 1, Integer::sum);
        runningPerType.merge(running1.type(), 1, Integer::sum);
        claimed.add(running1);
      }
      return claimed;
    }
  }

  private @Nullable AutomationTask firstEligible(
      TreeSet<AutomationTask> set, Instant now, ClaimFilter filter) {
    AutomationTask first = set.first();
    if (first.scheduledAt().isAfter(now)) {
      return null;
    }
    if (filter.allows(first.type(), runningPerType.getOrDefault(first.type(), 0))) {
      return first;
    }
    for (AutomationTask t : set) {
      if (t.scheduledAt().isAfter(now)) {
        return null;
      }
      if (filter.allows(t.type(), runningPerType.getOrDefault(t.type(), 0))) {
        return t;
      }
    }
    return null;
  }

  private @Nullable AutomationTask heldClaim(String taskId, String workerId, long version) {
    AutomationTask t = running.get(taskId);
    if (t == null || t.version() != version || !workerId.equals(t.pickedBy())) {
      return null;
    }
    return t;
  }

  private void leaveRunning(AutomationTask t) {
    running.remove(t.id());
    decrement(runningPerOwner, t.owner());
    decrement(runningPerType, t.type());
  }

  private static void decrement(Map<String, Integer> counts, String key) {
    counts.computeIfPresent(key, (k, v) -> v <= 1 ? null : v - 1);
  }

  @Override
  public boolean heartbeat(String taskId, String workerId, long version, Instant now) {
    synchronized (lock) {
      AutomationTask t = heldClaim(taskId, workerId, version);
      if (t == null) {
        return false;
      }
      AutomationTask beat = t.heartbeat(now);
      tasks.put(taskId, beat);
      running.put(taskId, beat);
      return true;
    }
  }

  @Override
  public boolean complete(String taskId, String workerId, long version, Instant finishedAt) {
    synchronized (lock) {
      AutomationTask t = heldClaim(taskId, workerId, version);
      if (t == null) {
        return false;
      }
      leaveRunning(t);
      tasks.put(taskId, t.finished(TaskStatus.COMPLETED, finishedAt, null));
      return true;
    }
  }

  @Override
  public boolean fail(
      String taskId, String workerId, long version, Instant finishedAt, String error) {
    synchronized (lock) {
      AutomationTask t = heldClaim(taskId, workerId, version);
      if (t == null) {
        return false;
      }
      leaveRunning(t);
      tasks.put(taskId, t.finished(TaskStatus.FAILED, finishedAt, error));
      return true;
    }
  }

  @Override
  public boolean reschedule(
      String taskId,
      String workerId,
      long version,
      Instant dueAt,
      int retryCount,
      @Nullable String error) {
    synchronized (lock) {
      AutomationTask t = heldClaim(taskId, workerId, version);
      if (t == null) {
        return false;
      }
      leaveRunning(t);
      AutomationTask released = t.released(dueAt, retryCount, error);
      tasks.put(taskId, released);
      addPending(released);
      return true;
    }
  }

  @Override
  public List<AutomationTask> recoverDead(Instant now, Duration timeout) {
    Instant cutoff = now.minus(timeout);
    synchronized (lock) {
      List<AutomationTask> dead = new ArrayList<>();
      for (Iterator<AutomationTask> it = running.values().iterator(); it.hasNext(); ) {
        AutomationTask t = it.next();
        Instant beat = t.heartbeatAt();
        if (beat == null || beat.isBefore(cutoff)) {
          dead.add(t);
        }
      }
      List<AutomationTask> recovered = new ArrayList<>(dead.size());
      for (AutomationTask t : dead) {
        leaveRunning(t);
        AutomationTask released =
            t.released(
                t.scheduledAt(),
                t.retryCount(),
                "claim by " + t.pickedBy() + " expired (last heartbeat " + t.heartbeatAt() + ")");
        tasks.put(t.id(), released);
        addPending(released);
        recovered.add(released);
      }
      return recovered;
    }
  }

  @Override
  public boolean cancel(String taskId, Instant at) {
    synchronized (lock) {
      AutomationTask t = tasks.get(taskId);
      if (t == null || t.status() != TaskStatus.PENDING) {
        return false;
      }
      removePending(t);
      tasks.put(taskId, t.finished(TaskStatus.CANCELLED, at, null));
      return true;
    }
  }

  @Override
  public Optional<AutomationTask> findTask(String taskId) {
    synchronized (lock) {
      return Optional.ofNullable(tasks.get(taskId));
    }
  }

  @Override
  public Optional<AutomationTask> findTask(String type, String instanceKey) {
    synchronized (lock) {
      String id = idByKey.get(key(type, instanceKey));
      return id == null ? Optional.empty() : Optional.ofNullable(tasks.get(id));
    }
  }

  @Override
  public List<AutomationTask> tasksByOwner(String owner) {
    synchronized (lock) {
      List<AutomationTask> out = new ArrayList<>();
      for (AutomationTask t : tasks.values()) {
        if (t.owner().equals(owner)) {
          out.add(t);
        }
      }
      out.sort(Comparator.comparing(AutomationTask::createdAt).thenComparing(AutomationTask::id));
      return out;
    }
  }

  @Override
  public long countUnfinishedTasks(String scheduleId) {
    synchronized (lock) {
      long count = 0;
      for (AutomationTask t : tasks.values()) {
        if (scheduleId.equals(t.scheduleId()) && !t.status().isTerminal()) {
          count++;
        }
      }
      return count;
    }
  }

  @Override
  public long countDue(Instant now) {
    synchronized (lock) {
      long count = 0;
      for (Map<String, TreeSet<AutomationTask>> byOwner : pending.values()) {
        for (TreeSet<AutomationTask> set : byOwner.values()) {
          for (AutomationTask t : set) {
            if (t.scheduledAt().isAfter(now)) {
              break;
            }
            count++;
          }
        }
      }
      return count;
    }
  }

  @Override
  public boolean insertSchedule(Schedule schedule) {
    Objects.requireNonNull(schedule, "schedule");
    synchronized (lock) {
      return schedules.putIfAbsent(schedule.id(), schedule) == null;
    }
  }

  @Override
  public Optional<Schedule> findSchedule(String scheduleId) {
    synchronized (lock) {
      return Optional.ofNullable(schedules.get(scheduleId));
    }
  }

  @Override
  public List<Schedule> dueSchedules(Instant now, int limit) {
    synchronized (lock) {
      List<Schedule> due = new ArrayList<>();
      for (Schedule s : schedules.values()) {
        Instant next = s.nextRunAt();
        if (s.active() && next != null && !next.isAfter(now)) {
          due.add(s);
        }
      }
      due.sort(
          Comparator.comparing((Schedule s) -> Objects.requireNonNull(s.nextRunAt()))
              .thenComparing(Schedule::id));
      return due.size() > limit ? new ArrayList<>(due.subList(0, limit)) : due;
    }
  }

  @Override
  public boolean advanceSchedule(
      String scheduleId,
      Instant expectedNextRunAt,
      @Nullable Instant newNextRunAt,
      List<AutomationTask> newTasks) {
    synchronized (lock) {
      Schedule s = schedules.get(scheduleId);
      if (s == null || !s.active() || !expectedNextRunAt.equals(s.nextRunAt())) {
        return false;
      }
      List<AutomationTask> toInsert = new ArrayList<>();
      for (AutomationTask t : newTasks) {
        if (checkDuplicate(t) == null) {
          toInsert.add(t);
        }
      }
      for (AutomationTask t : toInsert) {
        insertNew(t);
      }
      schedules.put(scheduleId, s.withNextRunAt(newNextRunAt));
      return true;
    }
  }

  @Override
  public boolean updateScheduleState(String scheduleId, boolean active, @Nullable Instant nextRunAt) {
    synchronized (lock) {
      Schedule s = schedules.get(scheduleId);
      if (s == null) {
        return false;
      }
      schedules.put(scheduleId, s.withActive(active, nextRunAt));
      return true;
    }
  }

  @Override
  public void recordScheduleOutcome(String scheduleId, boolean success, Instant at) {
    synchronized (lock) {
      schedules.computeIfPresent(scheduleId, (id, s) -> s.withOutcome(success, at));
    }
  }

  @Override
  public List<Schedule> schedulesByOwner(String owner) {
    synchronized (lock) {
      List<Schedule> out = new ArrayList<>();
      for (Schedule s : schedules.values()) {
        if (s.owner().equals(owner)) {
          out.add(s);
        }
      }
      return out;
    }
  }

  @Override
  public boolean deleteSchedule(String scheduleId) {
    synchronized (lock) {
      return schedules.remove(scheduleId) != null;
    }
  }
}
