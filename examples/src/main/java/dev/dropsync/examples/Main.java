package dev.dropsync.examples;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;

/**
 * Entry point of {@code examples/target/dropsync-examples.jar}: {@code java -jar
 * dropsync-examples.jar <command> [options]}.
 *
 * <p>Commands: {@code quickstart} runs a short CJ client session against the embedded CJ simulator
 * (or, with {@code CJ_BASE_URL}, {@code CJ_API_KEY} and {@code CJ_QPS} set, against that server).
 * Exits 0 on success; any failure exits non-zero with a one-line message on standard error.
 */
public final class Main {
  private Main() {}

  /** Runs the command named by {@code args[0]}. */
  public static void main(String[] args) {
    int code = run(args, System.out, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
      usage(out);
      return args.length == 0 ? 2 : 0;
    }
    String command = args[0].toLowerCase(Locale.ROOT);
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    try {
      switch (command) {
        case "quickstart":
          QuickStart.run(QuickStart.Target.fromEnvironment(System.getenv()), rest, out);
          return 0;
        default:
          err.println("unknown command \"" + args[0] + "\"");
          usage(err);
          return 2;
      }
    } catch (RuntimeException e) {
      err.println("dropsync " + command + " failed: " + e);
      return 1;
    }
  }

  private static void usage(PrintStream out) {
    out.println("usage: java -jar dropsync-examples.jar <command>");
    out.println("  quickstart   a short CJ client session against the embedded CJ simulator");
    out.println("               (set CJ_BASE_URL, CJ_API_KEY, CJ_QPS to use another server)");
  }
}
