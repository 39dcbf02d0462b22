package dev.dropsync.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropsync.scheduler.AutomationTask;
import dev.dropsync.scheduler.TaskPriority;
import dev.dropsync.scheduler.TaskStatus;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Three scheduler <em>processes</em> (child JVMs, {@link SchedulerWorkerProcess}, started with
 * the {@code java} of {@code java.home} and the test class path) run one queue of tasks on one
 * PostgreSQL. One of them is killed ({@link Process#destroyForcibly()}) while it holds claims.
 * Real time is unavoidable across processes, so every wait is bounded and the assertions are on
 * outcomes only: every task completed, no two runs of one task overlapped in time, the killed
 * process's claims were recovered and run by the others, and a task ran more than once only if
 * the killed process had it.
 */
class JdbcSchedulerProcessesTest {
  private static final int TASKS = 400;
  private static final int WORK_MILLIS = 30;
  /** Every 16th task (all LOW priority, so they run last) takes this long: the victim is killed inside one. */
  private static final int LONG_MILLIS = 1500;
  private static final long WAIT_SECONDS = 120;

  @Test
  void processesShareTheQueueAndAKilledProcessesClaimsAreRecoveredByTheOthers() throws Exception {
    TestDatabase db = TestDatabase.get();
    DataSource app = db.fresh();
    createRunLog(db.admin());
    List<Child> children = new ArrayList<>();
    try {
      for (String worker : List.of("proc-victim", "proc-2", "proc-3")) {
        children.add(Child.start(db, worker, 4));
      }
      for (Child c : children) {
        assertThat(c.ready.await(WAIT_SECONDS, TimeUnit.SECONDS)).as(c.worker + " started: " + c.lines).isTrue();
      }
      JdbcTaskStore store = new JdbcTaskStore(app);
      Instant now = Instant.now();
      String[] owners = {"shop-1", "shop-2", "shop-3", "shop-4"};
      for (int i = 0; i < TASKS; i++) {
        int millis = i % 16 == 0 ? LONG_MILLIS : WORK_MILLIS;
        store.insertIfAbsent(AutomationTask.pending("task-" + i, "work", "job-" + i, owners[i % owners.length],
            TaskPriority.values()[i % 4], Map.of("ms", Integer.toString(millis)), 3, now, now, null, null));
      }
      Child victim = children.get(0);
      // kill the victim (warmed up) inside a long task it started less than 0.7 s ago: it still holds that claim
      await("the victim is inside a long task", () -> finishedRuns(db.admin(), victim.worker) >= 10
          && longRunsInProgress(db.admin(), victim.worker) >= 1);
      String before = summary(store, owners);
      victim.process.destroyForcibly();
      assertThat(victim.process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
      Timestamp killedAt = dbNow(db.admin());
      Set<String> heldByVictim = new HashSet<>();
      for (AutomationTask t : allTasks(store, owners)) {
        if (t.status() == TaskStatus.RUNNING && victim.worker.equals(t.pickedBy())) {
          heldByVictim.add(t.id());
        }
      }
      assertThat(heldByVictim).as("claims the killed process left behind; tasks before " + before + " after "
          + summary(store, owners) + "; outputs " + children.get(1).lines + children.get(2).lines + " runs "
          + runs(db.admin())).isNotEmpty();

      await("every task is finished", () -> allTasks(store, owners).stream().allMatch(t -> t.status().isTerminal()));
      for (Child c : children.subList(1, children.size())) {
        c.process.getOutputStream().close();
        assertThat(c.process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).as(c.worker + " stops").isTrue();
        assertThat(c.process.exitValue()).as(c.worker + " exit code; output " + c.lines).isZero();
      }

      List<AutomationTask> all = allTasks(store, owners);
      assertThat(all).hasSize(TASKS).allMatch(t -> t.status() == TaskStatus.COMPLETED);
      try (Connection c = db.admin().getConnection()) {
        // every task has a finished run
        assertThat(single(c, "SELECT count(DISTINCT task_id) FROM test_task_runs WHERE finished_at IS NOT NULL"))
            .isEqualTo(TASKS);
        // no two runs of one task overlapped (a run the kill cut off ends at the kill)
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM test_task_runs a JOIN test_task_runs b "
            + "ON a.task_id = b.task_id AND a.run_id < b.run_id "
            + "AND a.started_at < coalesce(b.finished_at, ?) AND b.started_at < coalesce(a.finished_at, ?)")) {
          ps.setTimestamp(1, killedAt);
          ps.setTimestamp(2, killedAt);
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            assertThat(rs.getLong(1)).as("overlapping runs of one task").isZero();
          }
        }
        // only the killed process's runs are ever repeated, and only tasks it had
        assertThat(single(c, "SELECT count(*) FROM (SELECT task_id FROM test_task_runs GROUP BY task_id "
            + "HAVING count(*) > 1 AND bool_and(worker <> 'proc-victim') ) x")).isZero();
        assertThat(single(c, "SELECT count(*) FROM test_task_runs WHERE finished_at IS NULL AND worker <> 'proc-victim'"))
            .as("unfinished runs of live processes").isZero();
        // each claim the victim left behind was run to the end by another process
        for (String id : heldByVictim) {
          try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM test_task_runs "
              + "WHERE task_id = ? AND worker <> 'proc-victim' AND finished_at IS NOT NULL AND started_at > ?")) {
            ps.setString(1, id);
            ps.setTimestamp(2, killedAt);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              assertThat(rs.getLong(1)).as("recovered run of " + id).isEqualTo(1);
            }
          }
        }
        assertThat(single(c, "SELECT count(DISTINCT worker) FROM test_task_runs")).isEqualTo(3);
      }
      List<String> recoveries = new ArrayList<>();
      for (Child ch : children.subList(1, children.size())) {
        ch.lines.stream().filter(l -> l.startsWith("RECOVERED")).forEach(recoveries::add);
      }
      assertThat(recoveries).as("dead claims recovered by the live processes").hasSize(heldByVictim.size())
          .allMatch(l -> l.contains("claim by proc-victim expired"));
    } finally {
      for (Child c : children) {
        c.process.destroyForcibly();
      }
    }
  }

  /** A child JVM running {@link SchedulerWorkerProcess}. */
  private static final class Child {
    final String worker;
    final Process process;
    final CountDownLatch ready = new CountDownLatch(1);
    final List<String> lines = new CopyOnWriteArrayList<>();

    private Child(String worker, Process process) {
      this.worker = worker;
      this.process = process;
    }

    static Child start(TestDatabase db, String worker, int workers) throws IOException {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      String classPath = System.getProperty("surefire.test.class.path");
      if (classPath == null || classPath.isBlank()) {
        classPath = System.getProperty("java.class.path");
      }
      Path logDir = Path.of("target", "scheduler-processes");
      Files.createDirectories(logDir);
      ProcessBuilder pb = new ProcessBuilder(java, "-Xmx128m", "-cp", classPath,
          SchedulerWorkerProcess.class.getName(), db.jdbcUrl(TestDatabase.APP_ROLE), TestDatabase.APP_ROLE, "app",
          worker, Integer.toString(workers));
      pb.redirectError(logDir.resolve(worker + ".err").toFile());
      Child child = new Child(worker, pb.start());
      Thread reader = new Thread(() -> {
        try (BufferedReader in = new BufferedReader(
            new InputStreamReader(child.process.getInputStream(), StandardCharsets.UTF_8))) {
          for (String line; (line = in.readLine()) != null; ) {
            child.lines.add(line);
            if (line.startsWith("READY")) {
              child.ready.countDown();
            }
          }
        } catch (IOException ignored) {
          // the process died
        }
      }, "stdout-" + worker);
      reader.setDaemon(true);
      reader.start();
      return child;
    }
  }

  /** Polls {@code condition} every 20 ms (real time: other processes must run) for at most {@value #WAIT_SECONDS} s. */
  private static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
  }

  private static long longRunsInProgress(DataSource admin, String worker) {
    try (Connection c = admin.getConnection(); PreparedStatement ps = c.prepareStatement(
        "SELECT count(*) FROM test_task_runs r JOIN automation_tasks t ON t.id = r.task_id "
            + "WHERE r.worker = ? AND r.finished_at IS NULL AND r.started_at > clock_timestamp() - interval '700 ms' "
            + "AND t.payload ->> 'ms' = ? AND t.status = 'RUNNING' AND t.picked_by = ?")) {
      ps.setString(1, worker);
      ps.setString(2, Integer.toString(LONG_MILLIS));
      ps.setString(3, worker);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long finishedRuns(DataSource admin, String worker) {
    try (Connection c = admin.getConnection(); PreparedStatement ps = c.prepareStatement(
        "SELECT count(*) FROM test_task_runs WHERE worker = ? AND finished_at IS NOT NULL")) {
      ps.setString(1, worker);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String runs(DataSource admin) throws SQLException {
    StringBuilder sb = new StringBuilder();
    try (Connection c = admin.getConnection(); ResultSet rs = c.createStatement().executeQuery(
        "SELECT r.task_id, r.worker, r.started_at, r.finished_at, t.status, t.picked_by, t.heartbeat_db, t.last_error "
            + "FROM test_task_runs r JOIN automation_tasks t ON t.id = r.task_id WHERE r.worker = 'proc-victim' "
            + "ORDER BY r.run_id DESC LIMIT 8")) {
      while (rs.next()) {
        sb.append('\n');
        for (int i = 1; i <= 8; i++) {
          sb.append(rs.getString(i)).append(' ');
        }
      }
    }
    return sb.toString();
  }

  private static String summary(JdbcTaskStore store, String[] owners) {
    Map<String, Long> counts = new java.util.TreeMap<>();
    for (AutomationTask t : allTasks(store, owners)) {
      counts.merge(t.status() + "/" + t.pickedBy(), 1L, Long::sum);
    }
    return counts.toString();
  }

  private static List<AutomationTask> allTasks(JdbcTaskStore store, String[] owners) {
    List<AutomationTask> all = new ArrayList<>();
    for (String o : owners) {
      all.addAll(store.tasksByOwner(o));
    }
    return all;
  }

  private static long count(JdbcTaskStore store, String status, @Nullable String worker) {
    long n = 0;
    for (String o : new String[] {"shop-1", "shop-2", "shop-3", "shop-4"}) {
      for (AutomationTask t : store.tasksByOwner(o)) {
        if (t.status().name().equals(status) && (worker == null || worker.equals(t.pickedBy()))) {
          n++;
        }
      }
    }
    return n;
  }

  private static void createRunLog(DataSource admin) throws SQLException {
    try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS test_task_runs (run_id bigserial PRIMARY KEY, task_id text NOT NULL, "
          + "worker text NOT NULL, attempt int NOT NULL, started_at timestamptz NOT NULL DEFAULT clock_timestamp(), "
          + "finished_at timestamptz)");
      s.execute("TRUNCATE test_task_runs");
      s.execute("GRANT SELECT, INSERT, UPDATE ON test_task_runs TO " + TestDatabase.APP_ROLE);
      s.execute("GRANT USAGE ON SEQUENCE test_task_runs_run_id_seq TO " + TestDatabase.APP_ROLE);
    }
  }

  private static Timestamp dbNow(DataSource admin) throws SQLException {
    try (Connection c = admin.getConnection(); ResultSet rs = c.createStatement().executeQuery("SELECT clock_timestamp()")) {
      rs.next();
      return rs.getTimestamp(1);
    }
  }

  private static long single(Connection c, String sql) throws SQLException {
    try (ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
