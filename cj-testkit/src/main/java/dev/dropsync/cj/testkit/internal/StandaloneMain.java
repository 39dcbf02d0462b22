package dev.dropsync.cj.testkit.internal;

import dev.dropsync.cj.testkit.CjSimulator;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;

/** {@code java -jar dropsync-cj-testkit.jar --port 8089 --products 500 --qps 2}: serves until killed. */
public final class StandaloneMain {
  private static final Logger MWS_LOG = Logger.getLogger("mockwebserver3.MockWebServer");

  private StandaloneMain() {}

  public static void main(String[] args) throws InterruptedException {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    CjSimulator.Builder b = CjSimulator.builder().port(8089).products(500);
    try {
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        if (a.equals("--help") || a.equals("-h")) {
          out.println("usage: java -jar dropsync-cj-testkit.jar [--port 8089] [--host 127.0.0.1] [--products 500]"
              + " [--qps 1] [--seed 1] [--points 50000] [--no-qps] [--token-interval-seconds 300]"
              + " [--throttle-status 200|429] [--reject-duplicate-orders]");
          return;
        }
        switch (a) {
          case "--port" -> b.port(Integer.parseInt(value(args, ++i, a)));
          case "--host" -> b.host(value(args, ++i, a));
          case "--products" -> b.products(Integer.parseInt(value(args, ++i, a)));
          case "--qps" -> b.qps(Integer.parseInt(value(args, ++i, a)));
          case "--seed" -> b.seed(Long.parseLong(value(args, ++i, a)));
          case "--points" -> b.pointsTotal(Long.parseLong(value(args, ++i, a)));
          case "--no-qps" -> b.qpsEnforced(false);
          case "--token-interval-seconds" ->
              b.tokenRequestInterval(java.time.Duration.ofSeconds(Long.parseLong(value(args, ++i, a))));
          case "--throttle-status" -> b.throttleHttpStatus(Integer.parseInt(value(args, ++i, a)));
          case "--reject-duplicate-orders" -> b.rejectDuplicateOrderNumbers(true);
          default -> throw new IllegalArgumentException("unknown option " + a + " (try --help)");
        }
      }
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(2);
      return;
    }
    MWS_LOG.setLevel(Level.WARNING);
    CjSimulator sim = b.build().start();
    Runtime.getRuntime().addShutdownHook(new Thread(sim::close, "cj-simulator-shutdown"));
    out.println("CJ simulator listening");
    out.println("base URL: " + sim.baseUrl());
    out.println("API key:  " + sim.apiKey());
    out.println("openId:   " + sim.openId() + " (webhook signing key)");
    out.println("Press Ctrl+C to stop.");
    new CountDownLatch(1).await();
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }
}
