package dev.dropsync.scheduler;

import static dev.dropsync.scheduler.InvalidSchedulerArgumentException.requireNonNull;

import dev.dropsync.scheduler.internal.CompositeListener;
import dev.dropsync.scheduler.spi.ClaimFilter;
import dev.dropsync.scheduler.spi.TaskStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Turns due schedules into tasks and runs due tasks on a worker pool. Thread-safe; build once with
 * {@link #builder()} and share. Several instances (in one JVM or many) can share one {@link
 * TaskStore}: claims are atomic in the store, and each schedule fire time is turned into tasks by a
 * compare-and-set on the schedule's {@code nextRunAt}, so it happens once.
 *
 * <p>Each {@link #tick()} does one cycle on the injected clock: recover dead claims, fire due
 * schedules, heartbeat and time out running tasks, then claim as many due tasks as there are free
 * workers and hand them to the executor. {@link #start()} runs {@code tick()} every {@code
 * pollInterval} on a {@link ScheduledExecutorService}, plus immediately after each finished task.
 * Tests call {@code tick()} themselves with a mutable clock (and a same-thread executor if they
 * like).
 *
 * <p>Order: highest priority first (with aging, see {@link Builder#priorityAging}), then fairness
 * across owners, then oldest {@code scheduledAt}; see {@link TaskStore#claimDue}.
 *
 * <p>Failures: a thrown exception fails the attempt; it is retried after {@link BackoffPolicy} delay
 * while {@code retryCount < maxRetries}, then the task is FAILED with the error kept. A {@link
 * NonRetryableTaskException} anywhere in the cause chain fails it at once. An attempt running longer
 * than its timeout is interrupted and counted as a retryable failure.
 *
 * @since 0.1.0
 */
public final class Scheduler implements AutoCloseable {

  private final Clock clock;
  private final TaskStore store;
  private final String workerId;
  private final int workerCount;
  private final Executor executor;
  private final @Nullable ExecutorService ownedExecutor;
  private final Map<String, TaskHandler> handlers;
  private final ClaimFilter claimFilter;
  private final Duration heartbeatInterval;
  private final Duration deadClaimTimeout;
  private final BackoffPolicy backoff;
  private final DoubleSupplier jitter;
  private final SchedulerListener listener;
  private final Duration pollInterval;
  private final Duration misfireThreshold;
  private final Duration defaultTaskTimeout;
  private final @Nullable ScheduledExecutorService suppliedTicker;
  private final Supplier<String> idGenerator;

  private final Object tickLock = new Object();
  private final Map<String, Execution> inFlight = new ConcurrentHashMap<>();
  private final Object inFlightMonitor = new Object();
  private final Map<String, Counters> counters = new ConcurrentHashMap<>();
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean shutDown = new AtomicBoolean();
  private final AtomicBoolean tickRequested = new AtomicBoolean();
  private volatile @Nullable ScheduledExecutorService ticker;
  private volatile @Nullable ScheduledFuture<?> pollFuture;

  private Scheduler(Builder b) {
    this.clock = b.clock;
    this.store = requireNonNull("store", b.store);
    this.workerId = b.workerId != null ? b.workerId : "scheduler-" + UUID.randomUUID();
    this.workerCount = b.workerCount;
    this.handlers = Map.copyOf(b.handlers);
    this.claimFilter = new ClaimFilter(handlers.keySet(), b.maxConcurrency, b.priorityAging);
    this.heartbeatInterval = b.heartbeatInterval;
    this.deadClaimTimeout = b.deadClaimTimeout;
    this.backoff = b.backoff;
    this.jitter = b.jitter;
    this.listener = b.listener;
    this.pollInterval = b.pollInterval;
    this.misfireThreshold = b.misfireThreshold;
    this.defaultTaskTimeout = b.defaultTaskTimeout;
    this.suppliedTicker = b.ticker;
    this.idGenerator = b.idGenerator;
    if (b.executor != null) {
      this.executor = b.executor;
      this.ownedExecutor = null;
    } else {
      AtomicInteger n = new AtomicInteger();
      ExecutorService pool =
          Executors.newFixedThreadPool(
              workerCount,
              r -> {
                Thread t = new Thread(r, workerId + "-worker-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
              });
      this.executor = pool;
      this.ownedExecutor = pool;
    }
  }

  /**
   * Returns a new builder. Not thread-safe.
   *
   * @return the builder
   * @since 0.1.0
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns this instance's worker id (stored as {@code pickedBy} on its claims).
   *
   * @return the worker id
   * @since 0.1.0
   */
  public String workerId() {
    return workerId;
  }

  /**
   * Returns the store.
   *
   * @return the store
   * @since 0.1.0
   */
  public TaskStore store() {
    return store;
  }

  // ---------------------------------------------------------------- schedules and tasks

  /**
   * Creates a recurring schedule; its first fire is the recurrence's first time after now.
   *
   * @param request the schedule request
   * @return the stored schedule
   * @throws UnknownTaskTypeException if no handler is registered for the task type
   * @throws InvalidSchedulerArgumentException if a schedule with that id exists
   * @since 0.1.0
   */
  public Schedule schedule(ScheduleRequest request) {
    requireNonNull("request", request);
    requireKnownType(request.taskType());
    Instant now = clock.instant();
    Instant next = request.active() ? request.recurrence().nextAfter(now).orElse(null) : null;
    String id = request.id() != null ? request.id() : idGenerator.get();
    Schedule schedule =
        new Schedule(
            id, request.owner(), request.taskType(), request.recurrence(), request.payload(),
            request.priority(), request.maxRetries(), request.taskTimeout(),
            request.misfirePolicy(), request.overlapPolicy(), request.active(), now, null, next, 0,
            0);
    if (!store.insertSchedule(schedule)) {
      throw new InvalidSchedulerArgumentException("id", id, "must be unique (schedule exists)");
    }
    return schedule;
  }

  /**
   * Enqueues a task. Idempotent per {@code (type, instanceKey)}: a second submit with the same key
   * and payload returns the existing task.
   *
   * @param request the task request
   * @return the stored task (the existing one for a duplicate key)
   * @throws UnknownTaskTypeException if no handler is registered for the type
   * @throws DuplicateTaskKeyException if the key exists with a different payload
   * @since 0.1.0
   */
  public AutomationTask submit(TaskRequest request) {
    requireNonNull("request", request);
    requireKnownType(request.type());
    Instant now = clock.instant();
    String key = request.instanceKey() != null ? request.instanceKey() : idGenerator.get();
    AutomationTask task =
        AutomationTask.pending(
            idGenerator.get(), request.type(), key, request.owner(), request.priority(),
            request.payload(), request.maxRetries(), now,
            request.runAt() != null ? request.runAt() : now, null, request.timeout());
    store.insertIfAbsent(task);
    return store.findTask(request.type(), key).orElse(task);
  }

  /**
   * Pauses a schedule: it stops firing until {@link #resume}.
   *
   * @param scheduleId the schedule
   * @throws NoSuchScheduleException if it does not exist
   * @since 0.1.0
   */
  public void pause(String scheduleId) {
    if (!store.updateScheduleState(scheduleId, false, null)) {
      throw new NoSuchScheduleException("scheduleId", scheduleId);
    }
  }

  /**
   * Resumes a paused schedule from its next fire time after now; fire times missed while paused are
   * skipped (pausing is deliberate, not a misfire). Does nothing to an active schedule.
   *
   * @param scheduleId the schedule
   * @return the updated schedule
   * @throws NoSuchScheduleException if it does not exist
   * @since 0.1.0
   */
  public Schedule resume(String scheduleId) {
    Schedule s = findSchedule(scheduleId);
    if (s.active()) {
      return s;
    }
    Instant next = s.recurrence().nextAfter(clock.instant()).orElse(null);
    store.updateScheduleState(scheduleId, true, next);
    return findSchedule(scheduleId);
  }

  /**
   * Enqueues one extra run of a schedule due now, without changing its regular fire times.
   *
   * @param scheduleId the schedule
   * @return the created task
   * @throws NoSuchScheduleException if it does not exist
   * @since 0.1.0
   */
  public AutomationTask runNow(String scheduleId) {
    Schedule s = findSchedule(scheduleId);
    Instant now = clock.instant();
    AutomationTask task =
        AutomationTask.pending(
            idGenerator.get(), s.taskType(), s.id() + "@manual:" + idGenerator.get(), s.owner(),
            s.priority(), s.payload(), s.maxRetries(), now, now, s.id(), s.taskTimeout());
    store.insertIfAbsent(task);
    return task;
  }

  /**
   * Cancels a PENDING task.
   *
   * @param taskId the task
   * @return false if it was not PENDING (running or finished) or does not exist
   * @since 0.1.0
   */
  public boolean cancel(String taskId) {
    return store.cancel(taskId, clock.instant());
  }

  private Schedule findSchedule(String scheduleId) {
    Optional<Schedule> s = store.findSchedule(scheduleId);
    if (s.isEmpty()) {
      throw new NoSuchScheduleException("scheduleId", scheduleId);
    }
    return s.get();
  }

  private void requireKnownType(String type) {
    if (!handlers.containsKey(type)) {
      throw new UnknownTaskTypeException(type);
    }
  }

  // ---------------------------------------------------------------- the cycle

  /**
   * Runs one poll-and-dispatch cycle on the injected clock (see the class doc). Safe to call from
   * any thread; concurrent calls on one instance are serialised. Does nothing after shutdown.
   *
   * @return the number of tasks claimed and handed to the executor
   * @since 0.1.0
   */
  public int tick() {
    if (shutDown.get()) {
      return 0;
    }
    synchronized (tickLock) {
      Instant now = clock.instant();
      for (AutomationTask dead : store.recoverDead(now, deadClaimTimeout)) {
        notify(() -> listener.onDead(dead));
      }
      fireSchedules(now);
      maintainRunning(now);
      int free = workerCount - inFlight.size();
      if (free <= 0 || shutDown.get()) {
        return 0;
      }
      List<AutomationTask> claimed = store.claimDue(now, free, workerId, claimFilter);
      for (AutomationTask task : claimed) {
        dispatch(task, now);
      }
      return claimed.size();
    }
  }

  private void fireSchedules(Instant now) {
    for (Schedule s : store.dueSchedules(now, 1000)) {
      Instant due = s.nextRunAt();
      if (due == null) {
        continue;
      }
      Instant cutoff = now.minus(misfireThreshold);
      List<Instant> onTime = new ArrayList<>();
      ArrayDeque<Instant> missed = new ArrayDeque<>();
      long missedCount = 0;
      int keep = s.misfirePolicy().maxCatchUp();
      Instant t = due;
      Instant next = null;
      int guard = 0;
      while (t != null && !t.isAfter(now)) {
        if (t.isBefore(cutoff)) {
          missedCount++;
          missed.addLast(t);
          if (missed.size() > keep) {
            missed.removeFirst();
          }
        } else {
          onTime.add(t);
        }
        if (++guard > 100_000) {
          t = s.recurrence().nextAfter(now).orElse(null);
          break;
        }
        t = s.recurrence().nextAfter(t).orElse(null);
      }
      next = t;
      List<AutomationTask> tasks = new ArrayList<>();
      for (Instant fire : onTime) {
        tasks.add(taskFor(s, fire, fire, now));
      }
      if (missedCount > 0) {
        switch (s.misfirePolicy().kind()) {
          case FIRE_ONCE_NOW:
            // one run now stands for every missed and late fire time
            tasks.clear();
            tasks.add(
                taskFor(s, onTime.isEmpty() ? missed.getLast() : onTime.get(onTime.size() - 1), now, now));
            break;
          case CATCH_UP:
            for (Instant fire : missed) {
              tasks.add(taskFor(s, fire, fire, now));
            }
            break;
          case SKIP_TO_NEXT:
          default:
            break;
        }
      }
      if (!tasks.isEmpty() && s.overlapPolicy() != OverlapPolicy.ALLOW) {
        long unfinished = store.countUnfinishedTasks(s.id());
        List<AutomationTask> allowed = new ArrayList<>();
        for (AutomationTask task : tasks) {
          if (s.overlapPolicy().allows(unfinished + allowed.size())) {
            allowed.add(task);
          }
        }
        tasks = allowed;
      }
      if (store.advanceSchedule(s.id(), due, next, tasks) && missedCount > 0) {
        long count = missedCount;
        notify(() -> listener.onMisfired(s, count, s.misfirePolicy()));
      }
    }
  }

  private AutomationTask taskFor(Schedule s, Instant fireTime, Instant dueAt, Instant now) {
    return AutomationTask.pending(
        idGenerator.get(), s.taskType(), s.id() + "@" + fireTime, s.owner(), s.priority(),
        s.payload(), s.maxRetries(), now, dueAt, s.id(), s.taskTimeout());
  }

  private void maintainRunning(Instant now) {
    for (Execution e : inFlight.values()) {
      if (e.settled.get()) {
        continue;
      }
      if (!now.isBefore(e.context.deadline())) {
        if (e.settled.compareAndSet(false, true)) {
          e.abandon();
          Duration timeout = Duration.between(e.startedAt, e.context.deadline());
          counter(e.task.type()).timedOut.incrementAndGet();
          settleFailure(
              e, new TaskTimeoutException(e.task.id(), timeout), now, Duration.between(e.startedAt, now));
        }
        continue;
      }
      if (Duration.between(e.lastHeartbeat, now).compareTo(heartbeatInterval) >= 0) {
        if (store.heartbeat(e.task.id(), workerId, e.task.version(), now)) {
          e.lastHeartbeat = now;
        } else if (e.settled.compareAndSet(false, true)) {
          // Our claim was recovered by someone else: stop, and do not write anything.
          e.abandon();
          finishExecution(e);
        }
      }
    }
  }

  private void dispatch(AutomationTask task, Instant now) {
    Duration timeout = task.timeout() != null ? task.timeout() : defaultTaskTimeout;
    TaskContext context = new TaskContext(task, clock, now.plus(timeout));
    Execution e = new Execution(task, context, now);
    inFlight.put(task.id(), e);
    notify(() -> listener.onClaimed(task));
    FutureTask<Void> future = new FutureTask<>(() -> run(e), null);
    e.future = future;
    try {
      executor.execute(future);
    } catch (RejectedExecutionException rejected) {
      if (e.settled.compareAndSet(false, true)) {
        store.reschedule(task.id(), workerId, task.version(), task.scheduledAt(), task.retryCount(), null);
        finishExecution(e);
      }
    }
  }

  private void run(Execution e) {
    TaskHandler handler = handlers.get(e.task.type());
    Throwable error = null;
    try {
      if (handler == null) {
        throw new UnknownTaskTypeException(e.task.type());
      }
      handler.handle(e.context);
    } catch (Exception ex) {
      error = ex;
    } catch (Error err) {
      error = err;
    }
    if (!e.settled.compareAndSet(false, true)) {
      return; // timed out, lost or released meanwhile
    }
    Instant end = clock.instant();
    Duration took = Duration.between(e.startedAt, end);
    if (took.isNegative()) {
      took = Duration.ZERO;
    }
    if (error == null) {
      if (store.complete(e.task.id(), workerId, e.task.version(), end)) {
        counter(e.task.type()).success(took);
        Duration d = took;
        notify(() -> listener.onCompleted(e.task, d));
        recordOutcome(e.task, true, end);
      }
      finishExecution(e);
    } else {
      settleFailure(e, error, end, took);
    }
    if (started.get() && !shutDown.get()) {
      requestTick();
    }
    if (error instanceof Error) {
      throw (Error) error;
    }
  }

  private void settleFailure(Execution e, Throwable error, Instant end, Duration took) {
    AutomationTask task = e.task;
    String message = describe(error);
    Counters c = counter(task.type());
    if (isNonRetryable(error) || task.retryCount() >= task.maxRetries()) {
      if (store.fail(task.id(), workerId, task.version(), end, message)) {
        c.failure(took);
        notify(() -> listener.onFailed(task, error));
        recordOutcome(task, false, end);
      }
    } else {
      int retry = task.retryCount() + 1;
      Instant dueAt = end.plus(backoff.delay(retry, clampUnit(jitter.getAsDouble())));
      if (store.reschedule(task.id(), workerId, task.version(), dueAt, retry, message)) {
        c.retry(took);
        notify(() -> listener.onRetried(task, error, dueAt));
      }
    }
    finishExecution(e);
  }

  private void recordOutcome(AutomationTask task, boolean success, Instant at) {
    String scheduleId = task.scheduleId();
    if (scheduleId != null) {
      store.recordScheduleOutcome(scheduleId, success, at);
    }
  }

  private static double clampUnit(double u) {
    if (!(u >= 0.0)) {
      return 0.0;
    }
    return u >= 1.0 ? Math.nextDown(1.0) : u;
  }

  private static boolean isNonRetryable(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof NonRetryableTaskException) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  private static String describe(Throwable error) {
    String msg = error.getMessage();
    String text = error.getClass().getName() + (msg == null ? "" : ": " + msg);
    return text.length() > 2000 ? text.substring(0, 2000) : text;
  }

  private void finishExecution(Execution e) {
    inFlight.remove(e.task.id());
    synchronized (inFlightMonitor) {
      inFlightMonitor.notifyAll();
    }
  }

  private void notify(Runnable event) {
    try {
      event.run();
    } catch (RuntimeException ignored) {
      // listeners must not break the scheduler
    }
  }

  private Counters counter(String type) {
    return counters.computeIfAbsent(type, t -> new Counters());
  }

  // ---------------------------------------------------------------- lifecycle

  /**
   * Starts the background loop: {@link #tick()} every {@code pollInterval} on the ticker (the one
   * given to the builder, or a single daemon thread owned by this scheduler). Idempotent.
   *
   * @throws IllegalStateException if the scheduler was shut down
   * @since 0.1.0
   */
  public void start() {
    if (shutDown.get()) {
      throw new IllegalStateException("scheduler " + workerId + " was shut down");
    }
    if (!started.compareAndSet(false, true)) {
      return;
    }
    ScheduledExecutorService t = suppliedTicker;
    if (t == null) {
      t =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread th = new Thread(r, workerId + "-ticker");
                th.setDaemon(true);
                return th;
              });
    }
    ticker = t;
    pollFuture =
        t.scheduleWithFixedDelay(
            this::safeTick, 0, pollInterval.toNanos(), TimeUnit.NANOSECONDS);
  }

  private void requestTick() {
    ScheduledExecutorService t = ticker;
    if (t != null && tickRequested.compareAndSet(false, true)) {
      try {
        t.execute(
            () -> {
              tickRequested.set(false);
              safeTick();
            });
      } catch (RejectedExecutionException ignored) {
        tickRequested.set(false);
      }
    }
  }

  private void safeTick() {
    try {
      tick();
    } catch (RuntimeException ignored) {
      // a store hiccup must not kill the loop; the next poll retries
    }
  }

  /**
   * Stops polling and claiming, waits up to {@code grace} (real time) for running tasks to finish,
   * then releases the rest back to PENDING (due immediately, retry count unchanged) and interrupts
   * them. Shuts down the executor and ticker only if this scheduler created them. Idempotent.
   *
   * @param grace how long running tasks may take to finish; zero releases them at once
   * @since 0.1.0
   */
  public void shutdown(Duration grace) {
    if (grace.isNegative()) {
      throw new InvalidSchedulerArgumentException("grace", grace, "must be >= 0");
    }
    if (!shutDown.compareAndSet(false, true)) {
      return;
    }
    ScheduledFuture<?> f = pollFuture;
    if (f != null) {
      f.cancel(false);
    }
    synchronized (tickLock) {
      // wait for an in-progress tick to finish dispatching
    }
    long deadline = System.nanoTime() + grace.toNanos();
    synchronized (inFlightMonitor) {
      while (!inFlight.isEmpty()) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
          break;
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(inFlightMonitor, remaining);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    for (Execution e : new ArrayList<>(inFlight.values())) {
      if (e.settled.compareAndSet(false, true)) {
        e.abandon();
        AutomationTask task = e.task;
        if (store.reschedule(
            task.id(), workerId, task.version(), task.scheduledAt(), task.retryCount(), null)) {
          notify(() -> listener.onReleased(task));
        }
        finishExecution(e);
      }
    }
    if (suppliedTicker == null) {
      ScheduledExecutorService t = ticker;
      if (t != null) {
        t.shutdownNow();
      }
    }
    ExecutorService owned = ownedExecutor;
    if (owned != null) {
      owned.shutdownNow();
    }
  }

  /**
   * Same as {@link #shutdown(Duration) shutdown(30 s)}.
   *
   * @since 0.1.0
   */
  @Override
  public void close() {
    shutdown(Duration.ofSeconds(30));
  }

  /**
   * Returns a snapshot of this instance's counters and the store's queue depth.
   *
   * @return the metrics
   * @since 0.1.0
   */
  public SchedulerMetrics metrics() {
    Map<String, SchedulerMetrics.TypeMetrics> byType = new HashMap<>();
    counters.forEach((type, c) -> byType.put(type, c.snapshot()));
    return new SchedulerMetrics(byType, store.countDue(clock.instant()), inFlight.size());
  }

  /** Bookkeeping for one claimed task in this instance. */
  private static final class Execution {
    final AutomationTask task;
    final TaskContext context;
    final Instant startedAt;
    final AtomicBoolean settled = new AtomicBoolean();
    volatile Instant lastHeartbeat;
    volatile @Nullable FutureTask<Void> future;

    Execution(AutomationTask task, TaskContext context, Instant startedAt) {
      this.task = task;
      this.context = context;
      this.startedAt = startedAt;
      this.lastHeartbeat = startedAt;
    }

    void abandon() {
      context.cancel();
      FutureTask<Void> f = future;
      if (f != null) {
        f.cancel(true);
      }
    }
  }

  /** Thread-safe counters of one task type. */
  private static final class Counters {
    private long succeeded;
    private long failed;
    private long retried;
    final java.util.concurrent.atomic.AtomicLong timedOut =
        new java.util.concurrent.atomic.AtomicLong();
    private Duration total = Duration.ZERO;
    private Duration max = Duration.ZERO;

    synchronized void success(Duration d) {
      succeeded++;
      add(d);
    }

    synchronized void failure(Duration d) {
      failed++;
      add(d);
    }

    synchronized void retry(Duration d) {
      retried++;
      add(d);
    }

    private void add(Duration d) {
      total = total.plus(d);
      if (d.compareTo(max) > 0) {
        max = d;
      }
    }

    synchronized SchedulerMetrics.TypeMetrics snapshot() {
      return new SchedulerMetrics.TypeMetrics(succeeded, failed, retried, timedOut.get(), total, max);
    }
  }

  /**
   * Builder for {@link Scheduler}. Not thread-safe; every value is checked when set or at {@link
   * #build()}.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private @Nullable TaskStore store;
    private @Nullable String workerId;
    private int workerCount = 4;
    private @Nullable Executor executor;
    private final Map<String, TaskHandler> handlers = new LinkedHashMap<>();
    private final Map<String, Integer> maxConcurrency = new HashMap<>();
    private Duration heartbeatInterval = Duration.ofSeconds(30);
    private Duration deadClaimTimeout = Duration.ofMinutes(5);
    private BackoffPolicy backoff = BackoffPolicy.defaults();
    private DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();
    private SchedulerListener listener = SchedulerListener.NONE;
    private Duration pollInterval = Duration.ofSeconds(1);
    private Duration misfireThreshold = Duration.ofMinutes(1);
    private Duration defaultTaskTimeout = Duration.ofMinutes(30);
    private @Nullable ScheduledExecutorService ticker;
    private Supplier<String> idGenerator = () -> UUID.randomUUID().toString();
    private @Nullable Duration priorityAging = Duration.ofMinutes(10);

    Builder() {}

    /**
     * Sets priority aging (default 10 min): a task that has waited this long past its due time
     * competes one priority level higher, two levels after twice as long, and so on up to
     * CRITICAL, so floods of high-priority work cannot starve lower priorities forever.
     *
     * @param step positive duration per level
     * @return this
     * @throws InvalidSchedulerArgumentException if zero or negative
     */
    public Builder priorityAging(Duration step) {
      this.priorityAging = InvalidSchedulerArgumentException.requirePositive("priorityAging", step);
      return this;
    }

    /**
     * Disables priority aging: priority order is strict.
     *
     * @return this
     */
    public Builder noPriorityAging() {
      this.priorityAging = null;
      return this;
    }

    /**
     * Sets the clock for every time decision (default UTC system clock).
     *
     * @param clock the clock
     * @return this
     */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull("clock", clock);
      return this;
    }

    /**
     * Sets the task store (required), e.g. {@link InMemoryTaskStore}.
     *
     * @param store the store
     * @return this
     */
    public Builder store(TaskStore store) {
      this.store = requireNonNull("store", store);
      return this;
    }

    /**
     * Sets this instance's worker id (default {@code scheduler-<uuid>}); must be unique among
     * instances sharing a store.
     *
     * @param workerId the id
     * @return this
     */
    public Builder workerId(String workerId) {
      this.workerId = InvalidSchedulerArgumentException.requireNonBlank("workerId", workerId);
      return this;
    }

    /**
     * Sets how many tasks this instance runs at once (default 4).
     *
     * @param workerCount {@code >= 1}
     * @return this
     * @throws InvalidSchedulerArgumentException if below 1
     */
    public Builder workerCount(int workerCount) {
      this.workerCount = InvalidSchedulerArgumentException.requireAtLeast("workerCount", workerCount, 1);
      return this;
    }

    /**
     * Sets the executor that runs handlers (default: a fixed pool of {@code workerCount} daemon
     * threads owned and shut down by the scheduler). A caller's executor is never shut down. Tests
     * may pass {@code Runnable::run} to run tasks inside {@link Scheduler#tick()}.
     *
     * @param executor the executor
     * @return this
     */
    public Builder executor(Executor executor) {
      this.executor = requireNonNull("executor", executor);
      return this;
    }

    /**
     * Registers the handler for a task type. Only registered types can be scheduled, submitted or
     * claimed by this instance.
     *
     * @param taskType the type name, e.g. {@code inventory_sync}
     * @param handler the handler
     * @return this
     * @throws InvalidSchedulerArgumentException if the type is blank or already registered
     */
    public Builder handler(String taskType, TaskHandler handler) {
      InvalidSchedulerArgumentException.requireNonBlank("taskType", taskType);
      requireNonNull("handler", handler);
      if (handlers.containsKey(taskType)) {
        throw new InvalidSchedulerArgumentException("taskType", taskType, "must be registered once");
      }
      handlers.put(taskType, handler);
      return this;
    }

    /**
     * Limits how many tasks of a type run at once across every scheduler sharing the store
     * (default unlimited).
     *
     * @param taskType the type
     * @param limit {@code >= 1}
     * @return this
     * @throws InvalidSchedulerArgumentException if limit is below 1
     */
    public Builder maxConcurrency(String taskType, int limit) {
      InvalidSchedulerArgumentException.requireNonBlank("taskType", taskType);
      maxConcurrency.put(
          taskType, InvalidSchedulerArgumentException.requireAtLeast("maxConcurrency", limit, 1));
      return this;
    }

    /**
     * Sets how often running claims are heartbeated (default 30 s).
     *
     * @param interval positive
     * @return this
     * @throws InvalidSchedulerArgumentException if zero or negative
     */
    public Builder heartbeatInterval(Duration interval) {
      this.heartbeatInterval = InvalidSchedulerArgumentException.requirePositive("heartbeatInterval", interval);
      return this;
    }

    /**
     * Sets after how long without heartbeat a claim is dead and its task run again (default 5
     * min); must exceed the heartbeat interval.
     *
     * @param timeout positive
     * @return this
     * @throws InvalidSchedulerArgumentException if zero or negative
     */
    public Builder deadClaimTimeout(Duration timeout) {
      this.deadClaimTimeout = InvalidSchedulerArgumentException.requirePositive("deadClaimTimeout", timeout);
      return this;
    }

    /**
     * Sets the retry backoff (default {@link BackoffPolicy#defaults()}).
     *
     * @param backoff the policy
     * @return this
     */
    public Builder backoff(BackoffPolicy backoff) {
      this.backoff = requireNonNull("backoff", backoff);
      return this;
    }

    /**
     * Sets the jitter source: values in [0, 1) (default {@code ThreadLocalRandom}).
     *
     * @param jitter the source
     * @return this
     */
    public Builder jitter(DoubleSupplier jitter) {
      this.jitter = requireNonNull("jitter", jitter);
      return this;
    }

    /**
     * Sets the event listener (default none), replacing any set or added before.
     *
     * @param listener the listener
     * @return this
     */
    public Builder listener(SchedulerListener listener) {
      this.listener = requireNonNull("listener", listener);
      return this;
    }

    /**
     * Adds an event listener after those already set or added: every event goes to each of them in
     * the order they were added, and one that throws does not keep the event from the others. Lets
     * a library that takes this builder (such as dropsync-automation) listen without replacing the
     * host's listener.
     *
     * @param listener the listener to add
     * @return this
     * @since 0.1.0
     */
    public Builder addListener(SchedulerListener listener) {
      this.listener = CompositeListener.of(this.listener, requireNonNull("listener", listener));
      return this;
    }

    /**
     * Sets the background loop's poll interval (default 1 s).
     *
     * @param interval positive
     * @return this
     * @throws InvalidSchedulerArgumentException if zero or negative
     */
    public Builder pollInterval(Duration interval) {
      this.pollInterval = InvalidSchedulerArgumentException.requirePositive("pollInterval", interval);
      return this;
    }

    /**
     * Sets how late a fire time may be processed before it counts as missed and the misfire policy
     * applies (default 1 min).
     *
     * @param threshold positive
     * @return this
     * @throws InvalidSchedulerArgumentException if zero or negative
     */
    public Builder misfireThreshold(Duration threshold) {
      this.misfireThreshold = InvalidSchedulerArgumentException.requirePositive("misfireThreshold", threshold);
      return this;
    }

    /**
     * Sets the attempt timeout for tasks without their own (default 30 min).
     *
     * @param timeout positive
     * @return this
     * @throws InvalidSchedulerArgumentException if zero or negative
     */
    public Builder defaultTaskTimeout(Duration timeout) {
      this.defaultTaskTimeout = InvalidSchedulerArgumentException.requirePositive("defaultTaskTimeout", timeout);
      return this;
    }

    /**
     * Sets the executor that runs the background loop for {@link Scheduler#start()} (default: a
     * daemon thread owned by the scheduler). A caller's ticker is never shut down.
     *
     * @param ticker the ticker
     * @return this
     */
    public Builder ticker(ScheduledExecutorService ticker) {
      this.ticker = requireNonNull("ticker", ticker);
      return this;
    }

    /**
     * Sets the generator of task and schedule ids (default random UUIDs).
     *
     * @param idGenerator returns a new unique id per call
     * @return this
     */
    public Builder idGenerator(Supplier<String> idGenerator) {
      this.idGenerator = requireNonNull("idGenerator", idGenerator);
      return this;
    }

    /**
     * Builds the scheduler.
     *
     * @return the scheduler (not started)
     * @throws InvalidSchedulerArgumentException if the store is missing, no handler is registered,
     *     or the dead-claim timeout does not exceed the heartbeat interval
     */
    public Scheduler build() {
      requireNonNull("store", store);
      if (handlers.isEmpty()) {
        throw new InvalidSchedulerArgumentException("handlers", handlers.keySet(), "must not be empty");
      }
      if (deadClaimTimeout.compareTo(heartbeatInterval) <= 0) {
        throw new InvalidSchedulerArgumentException(
            "deadClaimTimeout", deadClaimTimeout, "must exceed heartbeatInterval " + heartbeatInterval);
      }
      for (String type : maxConcurrency.keySet()) {
        if (!handlers.containsKey(type)) {
          throw new UnknownTaskTypeException(type);
        }
      }
      return new Scheduler(this);
    }
  }
}
