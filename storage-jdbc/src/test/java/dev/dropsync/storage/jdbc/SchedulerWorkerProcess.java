package dev.dropsync.storage.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.dropsync.scheduler.AutomationTask;
import dev.dropsync.scheduler.Scheduler;
import dev.dropsync.scheduler.SchedulerListener;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;

/**
 * A scheduler process for {@link JdbcSchedulerProcessesTest}: started by the test as a child JVM,
 * it runs a {@link Scheduler} (real time, {@link JdbcTaskStore.HeartbeatClock#DATABASE}) against
 * the test's PostgreSQL until its standard input closes, then shuts down and exits 0. Each run of
 * a {@code work} task is logged in {@code test_task_runs} (a row when it starts, its finish time
 * when it ends) around a piece of database work: {@code pg_sleep} for the payload's {@code ms}.
 *
 * <p>Arguments: JDBC URL, user, password, worker id, worker count.
 */
public final class SchedulerWorkerProcess {
  private SchedulerWorkerProcess() {}

  /** Runs the scheduler process; see the class doc for the arguments. */
  public static void main(String[] args) throws IOException {
    String url = args[0];
    String user = args[1];
    String password = args[2];
    String workerId = args[3];
    int workers = Integer.parseInt(args[4]);
    HikariConfig cfg = new HikariConfig();
    cfg.setJdbcUrl(url);
    cfg.setUsername(user);
    cfg.setPassword(password);
    cfg.setMaximumPoolSize(workers + 3);
    cfg.setPoolName(workerId);
    try (HikariDataSource pool = new HikariDataSource(cfg)) {
      JdbcTaskStore store = JdbcTaskStore.builder(pool).heartbeatClock(JdbcTaskStore.HeartbeatClock.DATABASE).build();
      Scheduler scheduler = Scheduler.builder()
          .store(store)
          .clock(Clock.systemUTC())
          .workerId(workerId)
          .workerCount(workers)
          .pollInterval(Duration.ofMillis(50))
          // 25 missed beats make a claim dead: a process stalled by a busy machine is not "dead"
          .heartbeatInterval(Duration.ofMillis(200))
          .deadClaimTimeout(Duration.ofSeconds(5))
          .handler("work", ctx -> {
            try (Connection c = pool.getConnection()) {
              long run;
              try (PreparedStatement ps = c.prepareStatement(
                  "INSERT INTO test_task_runs (task_id, worker, attempt) VALUES (?, ?, ?) RETURNING run_id")) {
                ps.setString(1, ctx.task().id());
                ps.setString(2, workerId);
                ps.setInt(3, ctx.attempt());
                try (ResultSet rs = ps.executeQuery()) {
                  rs.next();
                  run = rs.getLong(1);
                }
              }
              try (PreparedStatement ps = c.prepareStatement("SELECT pg_sleep(?)")) {
                ps.setDouble(1, Integer.parseInt(ctx.payload().getOrDefault("ms", "10")) / 1000.0);
                ps.execute();
              }
              try (PreparedStatement ps = c.prepareStatement(
                  "UPDATE test_task_runs SET finished_at = clock_timestamp() WHERE run_id = ?")) {
                ps.setLong(1, run);
                ps.executeUpdate();
              }
            }
          })
          .listener(new SchedulerListener() {
            @Override
            public void onDead(AutomationTask task) {
              System.out.println("RECOVERED " + task.id() + " " + task.lastError());
            }
          })
          .build();
      scheduler.start();
      System.out.println("READY " + workerId);
      System.out.flush();
      while (System.in.read() >= 0) {
        // run until the parent closes our standard input (or kills us)
      }
      scheduler.shutdown(Duration.ofSeconds(10));
      System.out.println("STOPPED " + workerId);
    }
  }
}
