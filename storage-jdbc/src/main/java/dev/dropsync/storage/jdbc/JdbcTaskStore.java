package dev.dropsync.storage.jdbc;

import dev.dropsync.scheduler.AutomationTask;
import dev.dropsync.scheduler.DuplicateTaskKeyException;
import dev.dropsync.scheduler.InvalidSchedulerArgumentException;
import dev.dropsync.scheduler.MisfirePolicy;
import dev.dropsync.scheduler.OverlapPolicy;
import dev.dropsync.scheduler.Recurrence;
import dev.dropsync.scheduler.Schedule;
import dev.dropsync.scheduler.TaskPriority;
import dev.dropsync.scheduler.TaskStatus;
import dev.dropsync.scheduler.spi.ClaimFilter;
import dev.dropsync.scheduler.spi.InsertResult;
import dev.dropsync.scheduler.spi.TaskStore;
import dev.dropsync.storage.jdbc.internal.DocJson;
import dev.dropsync.storage.jdbc.internal.Sql;
import dev.dropsync.storage.jdbc.internal.Tx;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * A {@link TaskStore} on PostgreSQL (migration {@code V4__scheduler.sql}: tables {@code
 * automation_tasks}, {@code automation_schedules} and {@code automation_task_owners}), shared by
 * any number of {@link dev.dropsync.scheduler.Scheduler} instances in any number of processes.
 *
 * <p><b>Claiming</b> is one statement: {@code UPDATE automation_tasks … FROM (SELECT … ORDER BY
 * <claim order> LIMIT ? FOR UPDATE SKIP LOCKED) … RETURNING *}. Concurrent claimers skip each
 * other's rows instead of waiting, and a task is RUNNING for exactly one worker. The claim order
 * is the SPI's: effective priority (with aging), then per-owner fairness (fewest RUNNING tasks,
 * counting those claimed earlier in the same batch; ties to the owner served least recently),
 * then oldest {@code scheduledAt}, then id. Candidates are read per owner and priority level from
 * a partial index of PENDING rows, in a window that shrinks as owners grow, so a claim reads a few
 * thousand index entries at most, not the whole queue; where an owner's window runs out the claim
 * stops early, so what it claims is always a prefix of that order. Per-type concurrency limits ({@link ClaimFilter#maxRunningPerType}) are
 * counted under a transaction-scoped advisory lock per limited type, so claimers that enforce a
 * limit never exceed it together. One call claims at most {@value #MAX_BATCH} tasks; under heavy
 * contention a call may claim fewer than were due (the rest go to the next call).
 *
 * <p><b>Version checks.</b> {@link #heartbeat}, {@link #complete}, {@link #fail} and {@link
 * #reschedule} are single compare-and-set updates on {@code (id, status RUNNING, picked_by,
 * version)}: a worker whose claim was recovered cannot write the task any more.
 *
 * <p><b>Dead claims.</b> {@link #recoverDead} returns to PENDING every RUNNING task whose last
 * heartbeat is older than the timeout, skipping rows another transaction holds. With {@link
 * HeartbeatClock#SCHEDULER} (the default) ages are measured with the instants the scheduler
 * passes, exactly as the SPI describes (virtual clocks work); with {@link HeartbeatClock#DATABASE}
 * they are measured with the database server's clock, so nodes whose clocks drift never recover
 * each other's live claims early.
 *
 * <p><b>Tenant isolation.</b> The scheduler's work spans tenants, so calls run in the {@code
 * system} scope that the scheduler tables' row-level-security policies admit (see {@link
 * DropsyncSchema#restrictSystemScope}); {@link #tasksByOwner} and {@link #schedulesByOwner} run
 * scoped to the owner as tenant, so they see that tenant's rows only, even on the application
 * role's pool after the system scope was restricted to the scheduler's role.
 *
 * <p>Thread-safe: an instance holds only the {@link DataSource} and its settings.
 *
 * <pre>{@code
 * TaskStore store = JdbcTaskStore.builder(pool).heartbeatClock(HeartbeatClock.DATABASE).build();
 * Scheduler scheduler = Scheduler.builder().store(store).clock(Clock.systemUTC()).workerCount(8)
 *     .handler("inventory_sync", ctx -> ...).build();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class JdbcTaskStore implements TaskStore {
  /** The most tasks one {@link #claimDue} call claims. */
  public static final int MAX_BATCH = 10_000;

  /** Whose clock measures the age of heartbeats in {@link #recoverDead}. @since 0.1.0 */
  public enum HeartbeatClock {
    /**
     * The instants the scheduler passes ({@code now} arguments, from its injected clock): the SPI's
     * semantics; works with virtual time in tests. The default.
     */
    SCHEDULER,
    /**
     * The database server's clock ({@code clock_timestamp()}), stamped at each claim and
     * heartbeat: a claim is dead once the database has seen no heartbeat for the timeout, however
     * far the nodes' clocks drift. The {@code now} argument of {@link #recoverDead} is then
     * ignored. Recommended for several nodes on real time.
     */
    DATABASE
  }

  private static final String TASK_COLUMNS = "t.id, t.tenant_id, t.task_type, t.instance_key, t.priority, t.status, "
      + "t.payload::text AS payload, t.retry_count, t.max_retries, t.created_ns, t.scheduled_ns, t.started_ns, "
      + "t.finished_ns, t.last_error, t.picked_by, t.heartbeat_ns, t.version, t.schedule_id, t.timeout_ns";

  /** Rank of a candidate among those of its type (for per-type limits; a constant when there are none). */
  private static final String TYPE_RANK = "     row_number() OVER (PARTITION BY task_type"
      + "       ORDER BY lvl DESC, load, last_claim_seq NULLS FIRST, scheduled_ns, id) AS type_rank";

  /**
   * The claim, one statement. Candidates: for each owner with PENDING tasks (found by a loose index
   * scan) and each priority level, its oldest due tasks of the allowed types, at most a window
   * {@code w} of them (see {@link #window}); ranked
   * by effective level, owner load (running + rank within the owner), the owner's last claim, due
   * time and id; capped per limited type; cut before the first place where an owner's window ran
   * out (so what is claimed is a prefix of the full order); then locked in that order through the
   * primary key, skipping rows other claimers hold, and claimed; the owners' turns are recorded.
   */
  private static final String CLAIM =
      // (ordered like automation_tasks_pending, so that index serves the loose scan)
      "WITH RECURSIVE owners (tenant_id) AS ("
          + "  (SELECT tenant_id FROM automation_tasks WHERE status = 'PENDING'"
          + "   ORDER BY tenant_id, priority_level, scheduled_ns, id LIMIT 1)"
          + "  UNION ALL"
          + "  SELECT (SELECT t.tenant_id FROM automation_tasks t WHERE t.status = 'PENDING'"
          + "          AND t.tenant_id > o.tenant_id ORDER BY t.tenant_id, t.priority_level, t.scheduled_ns, t.id LIMIT 1)"
          + "  FROM owners o WHERE o.tenant_id IS NOT NULL),"
          + " caps (task_type, remaining) AS (SELECT * FROM unnest(?::text[], ?::int[])),"
          + " cand AS (SELECT c.id, c.tenant_id, c.task_type, c.scheduled_ns, c.priority_level AS base_level,"
          + "    LEAST(3, c.priority_level + CASE WHEN ?::bigint > 0 AND ?::bigint > c.scheduled_ns"
          + "      THEN (?::bigint - c.scheduled_ns) / ?::bigint ELSE 0 END) AS lvl"
          + "  FROM owners o CROSS JOIN (VALUES (0::smallint), (1::smallint), (2::smallint), (3::smallint)) AS l (level)"
          + "  CROSS JOIN LATERAL (SELECT t.id, t.tenant_id, t.task_type, t.scheduled_ns, t.priority_level"
          + "    FROM automation_tasks t WHERE t.tenant_id = o.tenant_id AND t.status = 'PENDING'"
          + "    AND t.priority_level = l.level AND t.scheduled_ns <= ?::bigint"
          + "    AND (cardinality(?::text[]) = 0 OR t.task_type = ANY (?::text[]))"
          + "    AND NOT EXISTS (SELECT 1 FROM caps WHERE caps.task_type = t.task_type AND caps.remaining <= 0)"
          + "    ORDER BY t.scheduled_ns, t.id LIMIT ?) c"
          + "  WHERE o.tenant_id IS NOT NULL),"
          + " running AS (SELECT tenant_id, count(*) AS n FROM automation_tasks WHERE status = 'RUNNING'"
          + "   GROUP BY tenant_id),"
          + " ranked AS (SELECT cand.*, w.last_claim_seq, coalesce(r.n, 0) + row_number() OVER ("
          + "     PARTITION BY cand.tenant_id ORDER BY cand.lvl DESC, cand.scheduled_ns, cand.id) AS load"
          + "   FROM cand LEFT JOIN running r ON r.tenant_id = cand.tenant_id"
          + "   LEFT JOIN automation_task_owners w ON w.tenant_id = cand.tenant_id),"
          + " ordered AS (SELECT ranked.*,"
          + "     row_number() OVER (ORDER BY lvl DESC, load, last_claim_seq NULLS FIRST, scheduled_ns, id) AS ord,"
          + TYPE_RANK
          + "   FROM ranked),"
          + " cutoff AS (SELECT coalesce(min(last) FILTER (WHERE n >= ?::int), 9223372036854775807) AS ord"
          + "   FROM (SELECT max(ord) AS last, count(*) AS n FROM ordered GROUP BY tenant_id, base_level) g),"
          + " eligible AS (SELECT b.id, b.ord FROM ordered b LEFT JOIN caps ON caps.task_type = b.task_type"
          + "   WHERE (caps.remaining IS NULL OR b.type_rank <= caps.remaining) AND b.ord <= (SELECT ord FROM cutoff)"
          + "   ORDER BY b.ord LIMIT ?),"
          + " picked AS MATERIALIZED (SELECT coalesce(array_agg(id ORDER BY ord), '{}') AS ids FROM eligible),"
          // Lock through the primary key (an array computed first), in claim order.
          + " locked AS (SELECT t.id, array_position((SELECT ids FROM picked), t.id) AS ord FROM automation_tasks t"
          + "   WHERE t.id = ANY ((SELECT ids FROM picked)::text[]) AND t.status = 'PENDING' AND t.scheduled_ns <= ?::bigint"
          + "   ORDER BY 2 LIMIT ? FOR UPDATE OF t SKIP LOCKED),"
          + " base AS MATERIALIZED (SELECT nextval('automation_claim_seq') * 1048576 AS seq),"
          + " claimed AS (UPDATE automation_tasks t SET status = 'RUNNING', picked_by = ?, started_at = ?,"
          + "   started_ns = ?, heartbeat_at = ?, heartbeat_ns = ?, heartbeat_db = clock_timestamp(),"
          + "   finished_at = NULL, finished_ns = NULL, version = t.version + 1, claim_seq = base.seq + locked.ord"
          + "   FROM locked, base WHERE t.id = locked.id"
          + "   RETURNING " + TASK_COLUMNS + ", t.claim_seq),"
          + " served AS (INSERT INTO automation_task_owners (tenant_id, last_claim_seq)"
          + "   SELECT tenant_id, max(claim_seq) FROM claimed GROUP BY tenant_id ORDER BY tenant_id"
          + "   ON CONFLICT (tenant_id) DO UPDATE SET last_claim_seq ="
          + "     GREATEST(automation_task_owners.last_claim_seq, excluded.last_claim_seq))"
          + " SELECT claimed.*, (SELECT count(*) FROM owners WHERE tenant_id IS NOT NULL) AS owner_count"
          + " FROM claimed ORDER BY claim_seq";

  /** {@link #CLAIM} for filters without per-type limits: one window (and sort) less. */
  private static final String CLAIM_UNCAPPED = CLAIM.replace(TYPE_RANK, " 0::bigint AS type_rank");

  /**
   * The claim reads short, ordered ranges of the PENDING index (a few rows per owner and level)
   * and rows by primary key: every access it makes has an index built for it. The planner, misled
   * by the row-level-security filter's selectivity, may still prefer a bitmap or sequential scan
   * plus a sort (measured: 5 to 30 times slower at 100,000 queued tasks), so the claim's own
   * transaction turns both off.
   */
  private static final Map<String, String> CLAIM_SETTINGS =
      Map.of("enable_bitmapscan", "off", "enable_seqscan", "off");

  private static final String RUNNING_CAS = " WHERE id = ? AND status = 'RUNNING' AND picked_by = ? AND version = ?";

  private final Tx tx;
  private final HeartbeatClock heartbeatClock;
  /** Owners with PENDING tasks as the last claim saw them: sizes the next claim's candidate window. */
  private volatile int ownersSeen = 1;

  /**
   * A store over {@code dataSource} with {@link HeartbeatClock#SCHEDULER}. The pool connects as a
   * role that may use the system scope of the scheduler tables (any role, unless {@link
   * DropsyncSchema#restrictSystemScope} was run); the schema is migrated with {@link
   * DropsyncSchema#migrate}.
   *
   * @throws NullPointerException if {@code dataSource} is null
   */
  public JdbcTaskStore(DataSource dataSource) {
    this(builder(dataSource));
  }

  private JdbcTaskStore(Builder b) {
    this.tx = new Tx(b.dataSource);
    this.heartbeatClock = b.heartbeatClock;
  }

  /**
   * A builder for a store over {@code dataSource}.
   *
   * @throws NullPointerException if {@code dataSource} is null
   */
  public static Builder builder(DataSource dataSource) {
    return new Builder(Objects.requireNonNull(dataSource, "dataSource"));
  }

  /** The clock that measures heartbeat ages. */
  public HeartbeatClock heartbeatClock() {
    return heartbeatClock;
  }

  // ---- tasks ----------------------------------------------------------------------------------

  /**
   * {@inheritDoc}
   *
   * @throws InvalidSchedulerArgumentException if the task is not PENDING or its id is taken by a
   *     task with another key
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public InsertResult insertIfAbsent(AutomationTask task) {
    Objects.requireNonNull(task, "task");
    return tx.inSystem("insert task " + task.type() + "/" + task.instanceKey(), c -> insertTask(c, task));
  }

  private static InsertResult insertTask(Connection c, AutomationTask task) throws SQLException {
    Optional<AutomationTask> existing = findByKey(c, task.type(), task.instanceKey());
    if (existing.isEmpty()) {
      if (task.status() != TaskStatus.PENDING) {
        throw new InvalidSchedulerArgumentException("status", task.status(), "must be PENDING");
      }
      int n;
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO automation_tasks (id, tenant_id, task_type, "
          + "instance_key, priority, status, payload, retry_count, max_retries, created_at, created_ns, scheduled_at, "
          + "scheduled_ns, last_error, version, schedule_id, timeout_ns) "
          + "VALUES (?, ?, ?, ?, ?, 'PENDING', ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
        ps.setString(1, task.id());
        ps.setString(2, task.owner());
        ps.setString(3, task.type());
        ps.setString(4, task.instanceKey());
        ps.setInt(5, task.priority().weight());
        ps.setString(6, DocJson.writeStrings(task.payload()));
        ps.setInt(7, task.retryCount());
        ps.setInt(8, task.maxRetries());
        Sql.setTime(ps, 9, task.createdAt());
        ps.setLong(10, Sql.nanos(task.createdAt()));
        Sql.setTime(ps, 11, task.scheduledAt());
        ps.setLong(12, Sql.nanos(task.scheduledAt()));
        Sql.setNullableString(ps, 13, task.lastError());
        ps.setLong(14, task.version());
        Sql.setNullableString(ps, 15, task.scheduleId());
        setNullableDuration(ps, 16, task.timeout());
        n = ps.executeUpdate();
      }
      if (n == 1) {
        return InsertResult.INSERTED;
      }
      // A concurrent insert of the same key committed first, or the id is taken.
      existing = findByKey(c, task.type(), task.instanceKey());
      if (existing.isEmpty()) {
        throw new InvalidSchedulerArgumentException("id", task.id(), "must be unique");
      }
    }
    if (!existing.get().payload().equals(task.payload())) {
      throw new DuplicateTaskKeyException(task.type(), task.instanceKey());
    }
    return InsertResult.ALREADY_EXISTS;
  }

  /**
   * {@inheritDoc}
   *
   * @throws InvalidSchedulerArgumentException if {@code limit} is below 1
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public List<AutomationTask> claimDue(Instant now, int limit, String workerId, ClaimFilter filter) {
    if (limit < 1) {
      throw new InvalidSchedulerArgumentException("limit", limit, "must be >= 1");
    }
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(workerId, "workerId");
    Objects.requireNonNull(filter, "filter");
    int batch = Math.min(limit, MAX_BATCH);
    // Candidates beyond one batch, so that claimers running at the same time (which skip each
    // other's locked rows) still fill their batches.
    int fetch = batch * 2 + 16;
    int window = window(fetch, ownersSeen);
    long nowNs = Sql.nanos(now);
    Duration aging = filter.priorityAging();
    long agingNs = aging == null ? 0 : Math.max(1, aging.toNanos());
    TreeSet<String> limited = new TreeSet<>();
    filter.maxRunningPerType().forEach((type, max) -> {
      if (filter.types().isEmpty() || filter.types().contains(type)) {
        limited.add(type);
      }
    });
    String what = "claim due tasks for " + workerId;
    if (limited.isEmpty()) {
      // No per-type limit to count first: the claim is one statement, one round trip.
      return tx.queryInSystem(what, CLAIM_SETTINGS, CLAIM_UNCAPPED, ps -> bindClaimQuery(ps, Map.of(), agingNs, nowNs, filter, window, fetch,
          batch, workerId, now), this::claimed);
    }
    return tx.inSystem(what, c -> {
      Map<String, Integer> remaining = remainingCapacity(c, limited, filter);
      try (Statement s = c.createStatement()) {
        s.execute("SELECT set_config('enable_bitmapscan', 'off', true), set_config('enable_seqscan', 'off', true)");
      }
      try (PreparedStatement ps = c.prepareStatement(CLAIM)) {
        bindClaimQuery(ps, remaining, agingNs, nowNs, filter, window, fetch, batch, workerId, now);
        try (ResultSet rs = ps.executeQuery()) {
          return claimed(rs);
        }
      }
    });
  }

  /**
   * Candidates read per owner and priority level: all {@code fetch} when few owners have work,
   * shrinking as owners grow (at least 8), so a claim reads about {@code 2 × fetch × 4} index
   * entries however many owners there are. Only speed depends on it: where an owner's window runs
   * out, the claim stops, so what it claims is still a prefix of the exact order.
   */
  static int window(int fetch, int owners) {
    return Math.max(8, Math.min(fetch, 2 * fetch / Math.max(1, owners)));
  }

  private List<AutomationTask> claimed(ResultSet rs) throws SQLException {
    List<AutomationTask> out = new ArrayList<>();
    while (rs.next()) {
      out.add(task(rs));
      ownersSeen = rs.getInt("owner_count");
    }
    return out;
  }

  private static void bindClaimQuery(PreparedStatement ps, Map<String, Integer> remaining, long agingNs, long nowNs,
      ClaimFilter filter, int window, int fetch, int batch, String workerId, Instant now) throws SQLException {
    Connection c = ps.getConnection();
    String[] capTypes = remaining.keySet().toArray(new String[0]);
    Integer[] capRemaining = new Integer[capTypes.length];
    for (int k = 0; k < capTypes.length; k++) {
      capRemaining[k] = remaining.get(capTypes[k]);
    }
    int i = 0;
    ps.setArray(++i, c.createArrayOf("text", capTypes));
    ps.setArray(++i, c.createArrayOf("int4", capRemaining));
    ps.setLong(++i, agingNs);
    ps.setLong(++i, nowNs);
    ps.setLong(++i, nowNs);
    ps.setLong(++i, Math.max(1, agingNs));
    ps.setLong(++i, nowNs);
    Object[] types = filter.types().toArray();
    ps.setArray(++i, c.createArrayOf("text", types));
    ps.setArray(++i, c.createArrayOf("text", types));
    ps.setInt(++i, window);
    ps.setInt(++i, window);
    ps.setInt(++i, fetch);
    ps.setLong(++i, nowNs);
    ps.setInt(++i, batch);
    ps.setString(++i, workerId);
    Sql.setTime(ps, ++i, now);
    ps.setLong(++i, nowNs);
    Sql.setTime(ps, ++i, now);
    ps.setLong(++i, nowNs);
  }

  /**
   * Takes the advisory lock of each limited type (in name order, so claimers never deadlock), then
   * counts its RUNNING tasks: the claim that follows sees every earlier claim of those types.
   */
  private static Map<String, Integer> remainingCapacity(Connection c, TreeSet<String> limited, ClaimFilter filter)
      throws SQLException {
    String[] types = limited.toArray(new String[0]);
    try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended("
        + "'dropsync.automation_tasks.type:' || t, 0)) FROM unnest(?::text[]) AS t ORDER BY t")) {
      ps.setArray(1, c.createArrayOf("text", types));
      ps.executeQuery().close();
    }
    Map<String, Integer> running = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT task_type, count(*) FROM automation_tasks "
        + "WHERE status = 'RUNNING' AND task_type = ANY (?::text[]) GROUP BY task_type")) {
      ps.setArray(1, c.createArrayOf("text", types));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          running.put(rs.getString(1), rs.getInt(2));
        }
      }
    }
    Map<String, Integer> remaining = new java.util.TreeMap<>();
    for (String type : types) {
      int max = Objects.requireNonNull(filter.maxRunningPerType().get(type));
      remaining.put(type, Math.max(0, max - running.getOrDefault(type, 0)));
    }
    return remaining;
  }

  /** {@inheritDoc} @throws JdbcStoreException if the database fails */
  @Override
  public boolean heartbeat(String taskId, String workerId, long version, Instant now) {
    Objects.requireNonNull(now, "now");
    return tx.updateInSystem("heartbeat task " + taskId, "UPDATE automation_tasks SET heartbeat_at = ?, "
        + "heartbeat_ns = ?, heartbeat_db = clock_timestamp()" + RUNNING_CAS, ps -> {
          Sql.setTime(ps, 1, now);
          ps.setLong(2, Sql.nanos(now));
          bindClaim(ps, 3, taskId, workerId, version);
        }) == 1;
  }

  /** {@inheritDoc} @throws JdbcStoreException if the database fails */
  @Override
  public boolean complete(String taskId, String workerId, long version, Instant finishedAt) {
    return finish(taskId, workerId, version, finishedAt, TaskStatus.COMPLETED, null);
  }

  /** {@inheritDoc} @throws JdbcStoreException if the database fails */
  @Override
  public boolean fail(String taskId, String workerId, long version, Instant finishedAt, String error) {
    return finish(taskId, workerId, version, finishedAt, TaskStatus.FAILED, Objects.requireNonNull(error, "error"));
  }

  private boolean finish(String taskId, String workerId, long version, Instant at, TaskStatus status,
      @Nullable String error) {
    Objects.requireNonNull(at, "finishedAt");
    return tx.updateInSystem("finish task " + taskId + " as " + status, "UPDATE automation_tasks SET status = ?, "
        + "finished_at = ?, finished_ns = ?, last_error = coalesce(?, last_error), picked_by = NULL, "
        + "heartbeat_at = NULL, heartbeat_ns = NULL, heartbeat_db = NULL, version = version + 1" + RUNNING_CAS, ps -> {
          ps.setString(1, status.name());
          Sql.setTime(ps, 2, at);
          ps.setLong(3, Sql.nanos(at));
          Sql.setNullableString(ps, 4, error);
          bindClaim(ps, 5, taskId, workerId, version);
        }) == 1;
  }

  /** {@inheritDoc} @throws JdbcStoreException if the database fails */
  @Override
  public boolean reschedule(String taskId, String workerId, long version, Instant dueAt, int retryCount,
      @Nullable String error) {
    Objects.requireNonNull(dueAt, "dueAt");
    return tx.updateInSystem("reschedule task " + taskId, "UPDATE automation_tasks SET status = 'PENDING', "
        + "scheduled_at = ?, scheduled_ns = ?, retry_count = ?, last_error = coalesce(?, last_error), "
        + "finished_at = NULL, finished_ns = NULL, picked_by = NULL, heartbeat_at = NULL, heartbeat_ns = NULL, "
        + "heartbeat_db = NULL, version = version + 1" + RUNNING_CAS, ps -> {
          Sql.setTime(ps, 1, dueAt);
          ps.setLong(2, Sql.nanos(dueAt));
          ps.setInt(3, retryCount);
          Sql.setNullableString(ps, 4, error);
          bindClaim(ps, 5, taskId, workerId, version);
        }) == 1;
  }

  private static void bindClaim(PreparedStatement ps, int from, String taskId, String workerId, long version)
      throws SQLException {
    ps.setString(from, Objects.requireNonNull(taskId, "taskId"));
    ps.setString(from + 1, Objects.requireNonNull(workerId, "workerId"));
    ps.setLong(from + 2, version);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Claims another transaction is writing at this moment (for example its worker completing it)
   * are skipped, not waited for. With {@link HeartbeatClock#DATABASE}, {@code now} is not used: a
   * claim is dead when the database's clock is {@code timeout} past its last heartbeat.
   *
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public List<AutomationTask> recoverDead(Instant now, Duration timeout) {
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(timeout, "timeout");
    return tx.inSystem("recover dead claims", c -> {
      List<AutomationTask> dead = new ArrayList<>();
      String condition = heartbeatClock == HeartbeatClock.DATABASE
          ? "(t.heartbeat_db IS NULL OR t.heartbeat_db < clock_timestamp() - ? * interval '1 microsecond')"
          : "(t.heartbeat_ns IS NULL OR t.heartbeat_ns < ?)";
      try (PreparedStatement ps = c.prepareStatement("SELECT " + TASK_COLUMNS + " FROM automation_tasks t "
          + "WHERE t.status = 'RUNNING' AND " + condition + " ORDER BY t.id FOR UPDATE SKIP LOCKED")) {
        if (heartbeatClock == HeartbeatClock.DATABASE) {
          ps.setLong(1, Math.max(0, timeout.toNanos() / 1000));
        } else {
          ps.setLong(1, Sql.nanos(now.minus(timeout)));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            dead.add(task(rs));
          }
        }
      }
      if (dead.isEmpty()) {
        return List.of();
      }
      List<AutomationTask> recovered = new ArrayList<>(dead.size());
      try (PreparedStatement ps = c.prepareStatement("UPDATE automation_tasks SET status = 'PENDING', last_error = ?, "
          + "finished_at = NULL, finished_ns = NULL, picked_by = NULL, heartbeat_at = NULL, heartbeat_ns = NULL, "
          + "heartbeat_db = NULL, version = version + 1 WHERE id = ?")) {
        for (AutomationTask t : dead) {
          String message = "claim by " + t.pickedBy() + " expired (last heartbeat " + t.heartbeatAt() + ")";
          ps.setString(1, message);
          ps.setString(2, t.id());
          ps.addBatch();
          recovered.add(t.released(t.scheduledAt(), t.retryCount(), message));
        }
        ps.executeBatch();
      }
      return recovered;
    });
  }

  /** {@inheritDoc} @throws JdbcStoreException if the database fails */
  @Override
  public boolean cancel(String taskId, Instant at) {
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(at, "at");
    return tx.updateInSystem("cancel task " + taskId, "UPDATE automation_tasks SET status = 'CANCELLED', "
        + "finished_at = ?, finished_ns = ?, version = version + 1 WHERE id = ? AND status = 'PENDING'", ps -> {
          Sql.setTime(ps, 1, at);
          ps.setLong(2, Sql.nanos(at));
          ps.setString(3, taskId);
        }) == 1;
  }

  /** {@inheritDoc} @throws JdbcStoreException if the database fails */
  @Override
  public Optional<AutomationTask> findTask(String taskId) {
    Objects.requireNonNull(taskId, "taskId");
    return tx.queryInSystem("find task " + taskId, "SELECT " + TASK_COLUMNS + " FROM automation_tasks t WHERE t.id = ?",
        ps -> ps.setString(1, taskId), rs -> rs.next() ? Optional.of(task(rs)) : Optional.empty());
  }

  /** {@inheritDoc} @throws JdbcStoreException if the database fails */
  @Override
  public Optional<AutomationTask> findTask(String type, String instanceKey) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(instanceKey, "instanceKey");
    return tx.queryInSystem("find task " + type + "/" + instanceKey, "SELECT " + TASK_COLUMNS
        + " FROM automation_tasks t WHERE t.task_type = ? AND t.instance_key = ?", ps -> {
          ps.setString(1, type);
          ps.setString(2, instanceKey);
        }, rs -> rs.next() ? Optional.of(task(rs)) : Optional.empty());
  }

  private static Optional<AutomationTask> findByKey(Connection c, String type, String instanceKey)
      throws SQLException {
    List<AutomationTask> found = tasks(c, "WHERE t.task_type = ? AND t.instance_key = ?", type, instanceKey);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  /**
   * {@inheritDoc}
   *
   * <p>Runs scoped to {@code owner} as tenant: row-level security returns that tenant's tasks only.
   *
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public List<AutomationTask> tasksByOwner(String owner) {
    Objects.requireNonNull(owner, "owner");
    return tx.inTenant(owner, "list tasks of " + owner,
        c -> tasks(c, "WHERE t.tenant_id = ? ORDER BY t.created_ns, t.id", owner));
  }

  private static List<AutomationTask> tasks(Connection c, String where, String... args) throws SQLException {
    List<AutomationTask> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT " + TASK_COLUMNS + " FROM automation_tasks t " + where)) {
      for (int i = 0; i < args.length; i++) {
        ps.setString(i + 1, args[i]);
      }
      ps.setFetchSize(5_000);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(task(rs));
        }
      }
    }
    return out;
  }

  /** {@inheritDoc} @throws JdbcStoreException if the database fails */
  @Override
  public long countUnfinishedTasks(String scheduleId) {
    Objects.requireNonNull(scheduleId, "scheduleId");
    return tx.queryInSystem("count unfinished tasks of schedule " + scheduleId, "SELECT count(*) FROM automation_tasks "
        + "WHERE schedule_id = ? AND status IN ('PENDING', 'RUNNING')", ps -> ps.setString(1, scheduleId),
        JdbcTaskStore::count);
  }

  /** {@inheritDoc} @throws JdbcStoreException if the database fails */
  @Override
  public long countDue(Instant now) {
    Objects.requireNonNull(now, "now");
    return tx.queryInSystem("count due tasks", "SELECT count(*) FROM automation_tasks "
        + "WHERE status = 'PENDING' AND scheduled_ns <= ?", ps -> ps.setLong(1, Sql.nanos(now)), JdbcTaskStore::count);
  }

  private static long count(ResultSet rs) throws SQLException {
    rs.next();
    return rs.getLong(1);
  }

  // ---- schedules ------------------------------------------------------------------------------

  /** {@inheritDoc} @throws JdbcStoreException if the database fails */
  @Override
  public boolean insertSchedule(Schedule s) {
    Objects.requireNonNull(s, "schedule");
    return tx.updateInSystem("insert schedule " + s.id(), "INSERT INTO automation_schedules (id, tenant_id, "
        + "task_type, recurrence, payload, priority, max_retries, task_timeout_ns, misfire_policy, misfire_max_catch_up, "
        + "overlap_policy, active, created_at, created_ns, last_run_at, last_run_ns, next_run_at, next_run_ns, "
        + "success_count, failure_count) VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        + "ON CONFLICT (id) DO NOTHING", ps -> {
        ps.setString(1, s.id());
        ps.setString(2, s.owner());
        ps.setString(3, s.taskType());
        ps.setString(4, s.recurrence().spec());
        ps.setString(5, DocJson.writeStrings(s.payload()));
        ps.setInt(6, s.priority().weight());
        ps.setInt(7, s.maxRetries());
        setNullableDuration(ps, 8, s.taskTimeout());
        ps.setString(9, s.misfirePolicy().kind().name());
        ps.setInt(10, s.misfirePolicy().maxCatchUp());
        ps.setString(11, s.overlapPolicy().name());
        ps.setBoolean(12, s.active());
        Sql.setTime(ps, 13, s.createdAt());
        ps.setLong(14, Sql.nanos(s.createdAt()));
        setNullableTime(ps, 15, s.lastRunAt());
        setNullableTime(ps, 17, s.nextRunAt());
        ps.setLong(19, s.successCount());
        ps.setLong(20, s.failureCount());
      }) == 1;
  }

  /** {@inheritDoc} @throws JdbcStoreException if the database fails */
  @Override
  public Optional<Schedule> findSchedule(String scheduleId) {
    Objects.requireNonNull(scheduleId, "scheduleId");
    List<Schedule> found = tx.queryInSystem("find schedule " + scheduleId, SCHEDULE_SELECT + "WHERE id = ?",
        ps -> ps.setString(1, scheduleId), JdbcTaskStore::schedules);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  /** {@inheritDoc} @throws JdbcStoreException if the database fails */
  @Override
  public List<Schedule> dueSchedules(Instant now, int limit) {
    Objects.requireNonNull(now, "now");
    if (limit < 1) {
      return List.of();
    }
    return tx.queryInSystem("list due schedules", SCHEDULE_SELECT
        + "WHERE active AND next_run_ns IS NOT NULL AND next_run_ns <= ? ORDER BY next_run_ns, id LIMIT ?", ps -> {
          ps.setLong(1, Sql.nanos(now));
          ps.setInt(2, limit);
        }, JdbcTaskStore::schedules);
  }

  /** {@inheritDoc} @throws JdbcStoreException if the database fails */
  @Override
  public boolean advanceSchedule(String scheduleId, Instant expectedNextRunAt, @Nullable Instant newNextRunAt,
      List<AutomationTask> tasks) {
    Objects.requireNonNull(scheduleId, "scheduleId");
    Objects.requireNonNull(expectedNextRunAt, "expectedNextRunAt");
    List<AutomationTask> copy = List.copyOf(tasks);
    return tx.inSystem("advance schedule " + scheduleId, c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE automation_schedules SET next_run_at = ?, "
          + "next_run_ns = ? WHERE id = ? AND active AND next_run_ns = ?")) {
        setNullableTime(ps, 1, newNextRunAt);
        ps.setString(3, scheduleId);
        ps.setLong(4, Sql.nanos(expectedNextRunAt));
        if (ps.executeUpdate() == 0) {
          return false;
        }
      }
      for (AutomationTask t : copy) {
        insertTask(c, t);
      }
      return true;
    });
  }

  /** {@inheritDoc} @throws JdbcStoreException if the database fails */
  @Override
  public boolean updateScheduleState(String scheduleId, boolean active, @Nullable Instant nextRunAt) {
    Objects.requireNonNull(scheduleId, "scheduleId");
    return tx.updateInSystem("update schedule " + scheduleId,
        "UPDATE automation_schedules SET active = ?, next_run_at = ?, next_run_ns = ? WHERE id = ?", ps -> {
          ps.setBoolean(1, active);
          setNullableTime(ps, 2, nextRunAt);
          ps.setString(4, scheduleId);
        }) == 1;
  }

  /** {@inheritDoc} @throws JdbcStoreException if the database fails */
  @Override
  public void recordScheduleOutcome(String scheduleId, boolean success, Instant at) {
    Objects.requireNonNull(scheduleId, "scheduleId");
    Objects.requireNonNull(at, "at");
    tx.updateInSystem("record outcome of schedule " + scheduleId, "UPDATE automation_schedules SET "
        + "success_count = success_count + ?, failure_count = failure_count + ?, last_run_at = ?, last_run_ns = ? "
        + "WHERE id = ?", ps -> {
          ps.setInt(1, success ? 1 : 0);
          ps.setInt(2, success ? 0 : 1);
          Sql.setTime(ps, 3, at);
          ps.setLong(4, Sql.nanos(at));
          ps.setString(5, scheduleId);
        });
  }

  /**
   * {@inheritDoc}
   *
   * <p>Runs scoped to {@code owner} as tenant: row-level security returns that tenant's schedules only.
   *
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public List<Schedule> schedulesByOwner(String owner) {
    Objects.requireNonNull(owner, "owner");
    return tx.inTenant(owner, "list schedules of " + owner, c -> {
      try (PreparedStatement ps = c.prepareStatement(SCHEDULE_SELECT + "WHERE tenant_id = ? ORDER BY id")) {
        ps.setString(1, owner);
        try (ResultSet rs = ps.executeQuery()) {
          return schedules(rs);
        }
      }
    });
  }

  /** {@inheritDoc} @throws JdbcStoreException if the database fails */
  @Override
  public boolean deleteSchedule(String scheduleId) {
    Objects.requireNonNull(scheduleId, "scheduleId");
    return tx.updateInSystem("delete schedule " + scheduleId, "DELETE FROM automation_schedules WHERE id = ?",
        ps -> ps.setString(1, scheduleId)) == 1;
  }

  private static final String SCHEDULE_SELECT = "SELECT id, tenant_id, task_type, recurrence, payload::text, "
      + "priority, max_retries, task_timeout_ns, misfire_policy, misfire_max_catch_up, overlap_policy, active, "
      + "created_ns, last_run_ns, next_run_ns, success_count, failure_count FROM automation_schedules ";

  private static List<Schedule> schedules(ResultSet rs) throws SQLException {
    List<Schedule> out = new ArrayList<>();
    while (rs.next()) {
      out.add(new Schedule(rs.getString(1), rs.getString(2), rs.getString(3), Recurrence.parse(rs.getString(4)),
          DocJson.readStrings(rs.getString(5)), TaskPriority.ofWeight(rs.getInt(6)), rs.getInt(7),
          duration(rs, 8), new MisfirePolicy(MisfirePolicy.Kind.valueOf(rs.getString(9)), rs.getInt(10)),
          OverlapPolicy.valueOf(rs.getString(11)), rs.getBoolean(12), Sql.instant(rs.getLong(13)),
          instant(rs, 14), instant(rs, 15), rs.getLong(16), rs.getLong(17)));
    }
    return out;
  }

  // ---- row mapping ----------------------------------------------------------------------------

  private static AutomationTask task(ResultSet rs) throws SQLException {
    return new AutomationTask(rs.getString("id"), rs.getString("task_type"), rs.getString("instance_key"),
        rs.getString("tenant_id"), TaskPriority.ofWeight(rs.getInt("priority")),
        TaskStatus.valueOf(rs.getString("status")), DocJson.readStrings(rs.getString("payload")),
        rs.getInt("retry_count"), rs.getInt("max_retries"), Sql.instant(rs.getLong("created_ns")),
        Sql.instant(rs.getLong("scheduled_ns")), instant(rs, "started_ns"), instant(rs, "finished_ns"),
        rs.getString("last_error"), rs.getString("picked_by"), instant(rs, "heartbeat_ns"), rs.getLong("version"),
        rs.getString("schedule_id"), duration(rs, "timeout_ns"));
  }

  private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
    long ns = rs.getLong(column);
    return rs.wasNull() ? null : Sql.instant(ns);
  }

  private static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
    long ns = rs.getLong(column);
    return rs.wasNull() ? null : Sql.instant(ns);
  }

  private static @Nullable Duration duration(ResultSet rs, String column) throws SQLException {
    long ns = rs.getLong(column);
    return rs.wasNull() ? null : Duration.ofNanos(ns);
  }

  private static @Nullable Duration duration(ResultSet rs, int column) throws SQLException {
    long ns = rs.getLong(column);
    return rs.wasNull() ? null : Duration.ofNanos(ns);
  }

  /** Binds a nullable instant as a timestamptz at {@code index} and its nanoseconds at {@code index + 1}. */
  private static void setNullableTime(PreparedStatement ps, int index, @Nullable Instant at) throws SQLException {
    if (at == null) {
      ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
      ps.setNull(index + 1, Types.BIGINT);
    } else {
      Sql.setTime(ps, index, at);
      ps.setLong(index + 1, Sql.nanos(at));
    }
  }

  private static void setNullableDuration(PreparedStatement ps, int index, @Nullable Duration d) throws SQLException {
    if (d == null) {
      ps.setNull(index, Types.BIGINT);
    } else {
      ps.setLong(index, d.toNanos());
    }
  }

  /** Builds a {@link JdbcTaskStore}. Not thread-safe. @since 0.1.0 */
  public static final class Builder {
    private final DataSource dataSource;
    private HeartbeatClock heartbeatClock = HeartbeatClock.SCHEDULER;

    private Builder(DataSource dataSource) {
      this.dataSource = dataSource;
    }

    /** Whose clock measures heartbeat ages in {@link #recoverDead} (default {@link HeartbeatClock#SCHEDULER}). */
    public Builder heartbeatClock(HeartbeatClock clock) {
      this.heartbeatClock = Objects.requireNonNull(clock, "heartbeatClock");
      return this;
    }

    /** The store. */
    public JdbcTaskStore build() {
      return new JdbcTaskStore(this);
    }
  }
}
