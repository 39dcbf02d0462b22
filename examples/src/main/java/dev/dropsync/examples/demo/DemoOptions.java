package dev.dropsync.examples.demo;

import dev.dropsync.cj.supplier.CjPayment;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * The demo's command-line options, parsed from a small table of declared options. Each option is
 * {@code --name value} or {@code --name=value} (flags take no value); a bad one is a {@link
 * UsageException} naming the option and the value. To add an option, add a component here, a field
 * to {@link Builder} and one entry to {@link #SPECS}.
 *
 * <p>{@link #toString()} never shows the database password.
 *
 * @param products how many catalogue products the Premium tenant imports and syncs (1 to 1000,
 *     default 50)
 * @param orders how many supplier orders to place (0 to 50, default 5)
 * @param store which {@link DemoStores.Factory} opens the stores (default {@code memory})
 * @param jdbcUrl the PostgreSQL JDBC URL of {@code --store postgres}, or null
 * @param jdbcUser the database user ({@code --jdbc-user}, else {@code PGUSER}), or null for the
 *     driver's default (a {@code user} parameter in the URL, else the OS user)
 * @param jdbcPassword the database password ({@code --jdbc-password}, else {@code PGPASSWORD}), or
 *     null for none (or a {@code password} parameter in the URL)
 * @param faults whether the embedded simulator injects faults
 * @param faultRate the share of calls that fail when {@code faults} is on (default 0.1)
 * @param seed seeds the simulator's catalogue, its fault draws and the demo's own choices (default
 *     42)
 * @param qps the embedded simulator's account QPS, enforced (default 6)
 * @param payment how CJ orders are paid, or null for the target's default
 * @param sandbox whether CJ orders are sandbox orders, or null for the target's default
 * @param trackingWait how long to poll a remote server for tracking numbers (default 60 s)
 * @param verbose print stack traces on failure
 * @param help print the usage and exit
 * @since 0.1.0
 */
public record DemoOptions(
    int products,
    int orders,
    String store,
    @Nullable String jdbcUrl,
    @Nullable String jdbcUser,
    @Nullable String jdbcPassword,
    boolean faults,
    double faultRate,
    long seed,
    int qps,
    @Nullable CjPayment payment,
    @Nullable Boolean sandbox,
    Duration trackingWait,
    boolean verbose,
    boolean help) {

  /**
   * Checks for nulls.
   *
   * @param products see the record component
   * @param orders see the record component
   * @param store see the record component
   * @param jdbcUrl see the record component
   * @param jdbcUser see the record component
   * @param jdbcPassword see the record component
   * @param faults see the record component
   * @param faultRate see the record component
   * @param seed see the record component
   * @param qps see the record component
   * @param payment see the record component
   * @param sandbox see the record component
   * @param trackingWait see the record component
   * @param verbose see the record component
   * @param help see the record component
   */
  public DemoOptions {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(trackingWait, "trackingWait");
  }

  /**
   * The defaults: 50 products, 5 orders, memory stores, no faults.
   *
   * @return the defaults
   * @since 0.1.0
   */
  public static DemoOptions defaults() {
    return new Builder().build();
  }

  /**
   * Describes the options with the database password (if any) and any {@code password} parameter
   * of the JDBC URL redacted.
   *
   * @return a description without secrets
   */
  @Override
  public String toString() {
    String url = jdbcUrl;
    return "DemoOptions[products=" + products + ", orders=" + orders + ", store=" + store + ", jdbcUrl="
        + (url == null ? null : PostgresDemoStores.redact(url)) + ", jdbcUser=" + jdbcUser + ", jdbcPassword="
        + (jdbcPassword == null ? null : "[redacted]") + ", faults=" + faults + ", faultRate=" + faultRate + ", seed="
        + seed + ", qps=" + qps + ", payment=" + payment + ", sandbox=" + sandbox + ", trackingWait=" + trackingWait
        + ", verbose=" + verbose + ", help=" + help + "]";
  }

  /** One declared option. */
  private record Spec(String name, @Nullable String value, String help, BiConsumer<Builder, String> apply) {}

  private static final Map<String, Spec> SPECS = new LinkedHashMap<>();

  private static void spec(String name, @Nullable String value, String help, BiConsumer<Builder, String> apply) {
    SPECS.put(name, new Spec(name, value, help, apply));
  }

  static {
    spec("--products", "N", "products to import and sync (1-1000, default 50)",
        (b, v) -> b.products = (int) wholeNumber("--products", v, 1, 1000));
    spec("--orders", "M", "supplier orders to place (0-50, default 5)",
        (b, v) -> b.orders = (int) wholeNumber("--orders", v, 0, 50));
    spec("--store", "KIND", "where the data lives: " + String.join(", ", DemoStores.kinds()) + " (default memory)",
        (b, v) -> b.store = choice("--store", v, List.copyOf(DemoStores.kinds())));
    spec("--jdbc-url", "URL", "PostgreSQL for --store postgres, e.g. jdbc:postgresql://localhost:5432/dropsync",
        (b, v) -> b.jdbcUrl = nonBlank("--jdbc-url", v));
    spec("--jdbc-user", "USER", "the database user (default PGUSER, else the driver's default)",
        (b, v) -> b.jdbcUser = nonBlank("--jdbc-user", v));
    spec("--jdbc-password", "PASSWORD", "the database password (default PGPASSWORD; prefer the variable, a command "
        + "line is visible to other users)", (b, v) -> b.jdbcPassword = v);
    spec("--faults", null, "the embedded simulator injects every transient fault type at random (seeded)",
        (b, v) -> b.faults = true);
    spec("--fault-rate", "R", "share of calls that fail with --faults (0.01-0.5, default 0.1)",
        (b, v) -> {
          b.faultRate = decimal("--fault-rate", v, 0.01, 0.5);
          b.faults = true;
        });
    spec("--seed", "S", "seed of the simulator's catalogue, its faults and the demo's choices (default 42)",
        (b, v) -> b.seed = wholeNumber("--seed", v, 0, Long.MAX_VALUE));
    spec("--qps", "Q", "the embedded simulator's account QPS, enforced (1-20, default 6; CJ levels 1, 2, 4, 6)",
        (b, v) -> b.qps = (int) wholeNumber("--qps", v, 1, 20));
    spec("--payment", "MODE", "balance (CJ pays from the wallet) or create-only (payType 3, nothing is paid)",
        (b, v) -> b.payment = "balance".equals(choice("--payment", v, List.of("balance", "create-only")))
            ? CjPayment.BALANCE : CjPayment.CREATE_ONLY);
    spec("--sandbox", "on|off", "CJ sandbox orders (default on against a real server, off on the simulator)",
        (b, v) -> b.sandbox = "on".equals(choice("--sandbox", v, List.of("on", "off"))));
    spec("--tracking-wait", "SECONDS", "how long to poll a remote server for tracking numbers (1-3600, default 60)",
        (b, v) -> b.trackingWait = Duration.ofSeconds(wholeNumber("--tracking-wait", v, 1, 3600)));
    spec("--verbose", null, "print stack traces on failure", (b, v) -> b.verbose = true);
    spec("--help", null, "print this help", (b, v) -> b.help = true);
  }

  /**
   * Parses the arguments that follow {@code demo}, without environment variables.
   *
   * @param args the arguments
   * @return the options
   * @throws UsageException naming the first bad option and its value
   * @since 0.1.0
   */
  public static DemoOptions parse(List<String> args) {
    return parse(args, Map.of());
  }

  /**
   * Parses the arguments that follow {@code demo}; {@code PGUSER} and {@code PGPASSWORD} in {@code
   * env} are the defaults of {@code --jdbc-user} and {@code --jdbc-password}.
   *
   * @param args the arguments
   * @param env the environment
   * @return the options
   * @throws UsageException naming the first bad option and its value, or a missing {@code
   *     --jdbc-url} with {@code --store postgres}
   * @since 0.1.0
   */
  public static DemoOptions parse(List<String> args, Map<String, String> env) {
    Objects.requireNonNull(env, "env");
    Builder b = new Builder();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      String name = arg;
      String inline = null;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 2) {
        name = arg.substring(0, eq);
        inline = arg.substring(eq + 1);
      }
      Spec spec = SPECS.get(name.equals("-h") ? "--help" : name);
      if (spec == null) {
        throw new UsageException(arg.startsWith("-")
            ? "unknown option \"" + name + "\" (see --help)"
            : "unexpected argument \"" + arg + "\" (options start with --; see --help)");
      }
      String value;
      if (spec.value() == null) {
        if (inline != null) {
          throw new UsageException(spec.name() + " takes no value but was given \"" + inline + "\"");
        }
        value = "";
      } else if (inline != null) {
        value = inline;
      } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
        value = args.get(++i);
      } else {
        throw new UsageException(spec.name() + " needs a value (" + spec.value() + ")");
      }
      spec.apply().accept(b, value);
      b.seen.add(spec.name());
    }
    boolean postgres = "postgres".equals(b.store);
    for (String option : List.of("--jdbc-url", "--jdbc-user", "--jdbc-password")) {
      if (!postgres && b.given(option)) {
        throw new UsageException(option + " is only used with --store postgres");
      }
    }
    if (postgres) {
      if (b.jdbcUrl == null) {
        throw new UsageException("--store postgres needs --jdbc-url (e.g. --jdbc-url "
            + "jdbc:postgresql://localhost:5432/dropsync)");
      }
      String user = env.get("PGUSER");
      if (b.jdbcUser == null && user != null && !user.isBlank()) {
        b.jdbcUser = user.strip();
      }
      String password = env.get("PGPASSWORD");
      if (b.jdbcPassword == null && password != null && !password.isEmpty()) {
        b.jdbcPassword = password;
      }
    }
    return b.build();
  }

  /**
   * Prints the options and what they do.
   *
   * @param out where to print
   * @since 0.1.0
   */
  public static void printHelp(PrintStream out) {
    out.println("usage: java -jar dropsync-examples.jar demo [options]");
    out.println();
    out.println("Runs a dropshipping back-end end to end: catalogue import and sync, plan limits, stock alerts,");
    out.println("supplier orders placed exactly once and followed to a tracking number, commission and KPIs.");
    out.println("Without CJ_BASE_URL it starts the embedded CJ simulator; with CJ_BASE_URL, CJ_API_KEY and CJ_QPS");
    out.println("set it talks to that server (the real CJ or a compatible one) instead.");
    out.println();
    for (Spec s : SPECS.values()) {
      String left = s.name() + (s.value() == null ? "" : " " + s.value());
      out.printf("  %-24s %s%n", left, s.help());
    }
  }

  private static long wholeNumber(String option, String value, long min, long max) {
    try {
      long n = Long.parseLong(value.strip());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException(option + " must be a whole number from " + min + " to " + max + " but was \"" + value + "\"");
  }

  private static double decimal(String option, String value, double min, double max) {
    try {
      double d = Double.parseDouble(value.strip());
      if (d >= min && d <= max) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException(option + " must be a number from " + min + " to " + max + " but was \"" + value + "\"");
  }

  private static String nonBlank(String option, String value) {
    if (value.isBlank()) {
      throw new UsageException(option + " must not be blank");
    }
    return value.strip();
  }

  private static String choice(String option, String value, List<String> allowed) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    if (!allowed.contains(v)) {
      throw new UsageException(option + " must be one of " + allowed + " but was \"" + value + "\"");
    }
    return v;
  }

  /** Mutable state while parsing. Not thread-safe. */
  static final class Builder {
    int products = 50;
    int orders = 5;
    String store = "memory";
    @Nullable String jdbcUrl;
    @Nullable String jdbcUser;
    @Nullable String jdbcPassword;
    final java.util.Set<String> seen = new java.util.HashSet<>();
    boolean faults;
    double faultRate = 0.1;
    long seed = 42;
    int qps = 6;
    @Nullable CjPayment payment;
    @Nullable Boolean sandbox;
    Duration trackingWait = Duration.ofSeconds(60);
    boolean verbose;
    boolean help;

    boolean given(String option) {
      return seen.contains(option);
    }

    DemoOptions build() {
      return new DemoOptions(products, orders, store, jdbcUrl, jdbcUser, jdbcPassword, faults, faultRate, seed, qps,
          payment, sandbox, trackingWait, verbose, help);
    }
  }
}
