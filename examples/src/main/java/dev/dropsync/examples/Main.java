package dev.dropsync.examples;

import dev.dropsync.examples.demo.CjTarget;
import dev.dropsync.examples.demo.Demo;
import dev.dropsync.examples.demo.DemoEnvironment;
import dev.dropsync.examples.demo.DemoFailure;
import dev.dropsync.examples.demo.DemoOptions;
import dev.dropsync.examples.demo.DemoStores;
import dev.dropsync.examples.demo.UsageException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Entry point of {@code examples/target/dropsync-examples.jar}: {@code java -jar
 * dropsync-examples.jar <command> [options]}.
 *
 * <p>Commands: {@code demo} (the whole back-end end to end; {@code demo --help} lists its options),
 * {@code quickstart} (a short CJ client session), and the small examples {@code import-sync}, {@code
 * fulfil}, {@code schedules}, {@code webhooks} and {@code second-supplier}. Without {@code
 * CJ_BASE_URL} everything runs against the embedded CJ simulator; {@code demo} and {@code quickstart}
 * use {@code CJ_BASE_URL}, {@code CJ_API_KEY} and {@code CJ_QPS} when set.
 *
 * <p>Exit status: 0 on success, 1 when the run failed, 2 for a bad command line or environment; the
 * reason is one line on standard error ({@code --verbose} adds the stack trace).
 *
 * @since 0.1.0
 */
public final class Main {
  private static final Map<String, String> COMMANDS = new LinkedHashMap<>();

  static {
    COMMANDS.put("demo", "the whole back-end end to end: import, sync, alerts, orders, tracking, KPIs");
    COMMANDS.put("quickstart", "a short CJ client session: token, catalogue, stock, freight, one order");
    COMMANDS.put("import-sync", "example 1: import CJ products under a markup rule and sync them");
    COMMANDS.put("fulfil", "example 2: one order through the fulfilment engine to delivery");
    COMMANDS.put("schedules", "example 3: default plan schedules, your own task type, the scheduler running them");
    COMMANDS.put("webhooks", "example 4: a CJ webhook endpoint on the JDK HTTP server");
    COMMANDS.put("second-supplier", "example 5: a local warehouse next to CJ, one order split between them");
  }

  private Main() {}

  /**
   * Runs the command named by {@code args[0]} and exits with its status.
   *
   * @param args the command and its options
   * @since 0.1.0
   */
  public static void main(String[] args) {
    int code = run(args, System.getenv(), System.out, System.err, isTerminal());
    System.out.flush();
    if (code != 0) {
      System.exit(code);
    }
  }

  /**
   * Whether standard output is an interactive terminal: {@code System.console() != null}, and on JDK
   * 22+ (where the console is never null) {@code Console.isTerminal()}.
   */
  @SuppressWarnings("SystemConsoleNull") // handled: isTerminal() is consulted where it exists
  static boolean isTerminal() {
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true; // JDK 17-21: a console means a terminal
    }
  }

  /**
   * Runs a command.
   *
   * @param args the command and its options
   * @param env the environment ({@code CJ_BASE_URL}, {@code CJ_API_KEY}, {@code CJ_QPS}; {@code
   *     PGUSER}, {@code PGPASSWORD} for {@code demo --store postgres})
   * @param out standard output
   * @param err standard error
   * @param terminal whether {@code out} is a terminal
   * @return the exit status: 0 success, 1 failure, 2 usage
   * @since 0.1.0
   */
  public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err, boolean terminal) {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
      usage(args.length == 0 ? err : out);
      return args.length == 0 ? 2 : 0;
    }
    String command = args[0].toLowerCase(Locale.ROOT);
    List<String> rest = Arrays.asList(args).subList(1, args.length);
    boolean verbose = rest.contains("--verbose");
    try {
      switch (command) {
        case "demo" -> {
          DemoOptions options = DemoOptions.parse(rest, env);
          if (options.help()) {
            DemoOptions.printHelp(out);
            return 0;
          }
          CjTarget target = CjTarget.fromEnvironment(env);
          try (DemoEnvironment environment = DemoEnvironment.real(out, terminal);
              DemoStores stores = DemoStores.open(options)) {
            new Demo(options, target, environment, stores).run();
          }
        }
        case "quickstart" -> {
          noOptions(command, rest);
          QuickStart.run(QuickStart.Target.fromEnvironment(env), out);
        }
        case "import-sync" -> {
          noOptions(command, rest);
          try (EmbeddedCj cj = EmbeddedCj.start(30, 6)) {
            ImportAndSyncExample.run(cj, 12, out);
          }
        }
        case "fulfil" -> {
          noOptions(command, rest);
          try (EmbeddedCj cj = EmbeddedCj.start(10, 6)) {
            FulfilOrderExample.run(cj, out);
          }
        }
        case "schedules" -> {
          noOptions(command, rest);
          try (EmbeddedCj cj = EmbeddedCj.start(10, 6)) {
            SchedulesExample.run(cj, out);
          }
        }
        case "webhooks" -> {
          noOptions(command, rest);
          try (EmbeddedCj cj = EmbeddedCj.start(10, 6)) {
            WebhookServerExample.run(cj, new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), out);
          }
        }
        case "second-supplier" -> {
          noOptions(command, rest);
          try (EmbeddedCj cj = EmbeddedCj.start(10, 6)) {
            SecondSupplierExample.run(cj, out);
          }
        }
        default -> {
          err.println("dropsync: unknown command \"" + args[0] + "\"");
          usage(err);
          return 2;
        }
      }
      return 0;
    } catch (UsageException e) {
      err.println("dropsync " + command + ": " + e.getMessage());
      return 2;
    } catch (DemoFailure e) {
      err.println("dropsync " + command + " failed: " + e.getMessage());
      if (verbose) {
        e.printStackTrace(err);
      }
      return 1;
    } catch (RuntimeException e) {
      String message = e.getMessage();
      err.println("dropsync " + command + " failed: " + e.getClass().getSimpleName()
          + (message == null ? "" : ": " + message.replaceAll("\\s+", " ").strip())
          + (verbose ? "" : " (run with --verbose for the stack trace)"));
      if (verbose) {
        e.printStackTrace(err);
      }
      return 1;
    }
  }

  private static void noOptions(String command, List<String> rest) {
    for (String a : rest) {
      if (!a.equals("--verbose")) {
        throw new UsageException("unknown option \"" + a + "\" (" + command + " takes only --verbose)");
      }
    }
  }

  private static void usage(PrintStream out) {
    out.println("usage: java -jar dropsync-examples.jar <command> [options]");
    for (Map.Entry<String, String> c : COMMANDS.entrySet()) {
      out.printf("  %-16s %s%n", c.getKey(), c.getValue());
    }
    out.println("Everything runs against the embedded CJ simulator unless CJ_BASE_URL, CJ_API_KEY and CJ_QPS are set");
    out.println("(demo and quickstart). \"demo --help\" lists the demo's options.");
  }
}
