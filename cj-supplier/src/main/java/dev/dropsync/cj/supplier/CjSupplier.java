package dev.dropsync.cj.supplier;

import dev.dropsync.cj.CjClient;
import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.TenantId;
import java.time.Clock;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * CJ Dropshipping as a dropsync supplier: one configuration from which the three SPI
 * implementations are taken — {@link #catalog()} for inventory-core's sync and imports, {@link
 * #orders()} and {@link #freightQuotes()} for fulfillment-core. Immutable and thread-safe; build
 * once and share.
 *
 * <pre>{@code
 * CjClient platform = CjClient.builder().apiKey(platformKey).qps(4).build();   // catalogue reads
 * CjSupplier cj = CjSupplier.builder()
 *     .catalogClient(platform)
 *     .clients(tenant -> accounts.clientOf(tenant))   // each store owner's own CJ account
 *     .payment(CjPayment.BALANCE)                      // default: pay from the CJ wallet on placement
 *     .build();
 * InventoryEngine inventory = InventoryEngine.builder().supplier(cj.catalog())...build();
 * FulfillmentEngine fulfilment = FulfillmentEngine.builder()
 *     .supplierOrders(cj.orders()).freightQuotes(cj.freightQuotes())...build();
 * }</pre>
 *
 * <p><b>Accounts.</b> {@link dev.dropsync.inventory.spi.SupplierCatalog} calls carry no tenant, so
 * catalogue reads go through the one {@link Builder#catalogClient platform account}: its QPS and
 * daily points are shared by every tenant's syncs. Orders and freight quotes carry a {@link
 * TenantId} and go through that tenant's own CJ account ({@link Builder#clients}); orders placed
 * there are charged to and visible in that account only. A single-tenant host sets {@link
 * Builder#client(CjClient)} for both.
 *
 * @since 0.1.0
 */
public final class CjSupplier {
  /** The supplier id the adapter answers to and stores on imported products: {@value}. */
  public static final String SUPPLIER_ID = "cj";

  /** CJ prices, quotes and charges in US dollars. */
  public static final Currency USD = Currency.getInstance("USD");

  private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

  private final @Nullable CjClient catalogClient;
  private final @Nullable Function<TenantId, @Nullable CjClient> clients;
  private final CjPayment payment;
  private final String shipFrom;
  private final boolean includeFactoryInventory;
  private final String platform;
  private final boolean sandbox;
  private final boolean trackingDetails;
  private final Clock clock;
  private final @Nullable CjSupplierCatalog catalog;
  private final CjSupplierOrders orders;
  private final CjFreightQuotes freightQuotes;

  private CjSupplier(Builder b) {
    this.catalogClient = b.catalogClient;
    this.clients = b.clients;
    this.payment = b.payment;
    this.shipFrom = b.shipFrom;
    this.includeFactoryInventory = b.includeFactoryInventory;
    this.platform = b.platform;
    this.sandbox = b.sandbox;
    this.trackingDetails = b.trackingDetails;
    this.clock = b.clock;
    CjClient cc = b.catalogClient;
    this.catalog = cc == null ? null : new CjSupplierCatalog(cc, shipFrom, includeFactoryInventory);
    this.orders = new CjSupplierOrders(this);
    this.freightQuotes = new CjFreightQuotes(this);
  }

  /**
   * A new builder. Set at least {@link Builder#client}, or {@link Builder#catalogClient} and/or
   * {@link Builder#clients}.
   *
   * @return a builder with the defaults described on each method
   * @since 0.1.0
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The CJ catalogue as a {@link dev.dropsync.inventory.spi.SupplierCatalog}, read through the
   * catalogue client.
   *
   * @return the catalogue (the same instance every time)
   * @throws IllegalStateException if no catalogue client was configured ({@link
   *     Builder#catalogClient} or {@link Builder#client})
   * @since 0.1.0
   */
  public CjSupplierCatalog catalog() {
    CjSupplierCatalog c = catalog;
    if (c == null) {
      throw new IllegalStateException("no CJ catalogue client: set CjSupplier.builder().catalogClient(...) or client(...)");
    }
    return c;
  }

  /**
   * CJ as fulfillment-core's {@link dev.dropsync.fulfillment.spi.SupplierOrders}, per tenant account.
   *
   * @return the orders adapter (the same instance every time); its calls fail with {@link
   *     InvalidInputException} if no tenant clients were configured
   * @since 0.1.0
   */
  public CjSupplierOrders orders() {
    return orders;
  }

  /**
   * CJ's freight calculation as fulfillment-core's {@link dev.dropsync.fulfillment.spi.FreightQuotes},
   * per tenant account.
   *
   * @return the freight adapter (the same instance every time)
   * @since 0.1.0
   */
  public CjFreightQuotes freightQuotes() {
    return freightQuotes;
  }

  /**
   * How placement pays.
   *
   * @return the configured payment mode
   * @since 0.1.0
   */
  public CjPayment payment() {
    return payment;
  }

  /**
   * The warehouse country stock is counted in, quotes start from and orders ship from.
   *
   * @return an ISO 3166-1 alpha-2 code, e.g. {@code CN}
   * @since 0.1.0
   */
  public String shipFrom() {
    return shipFrom;
  }

  String platform() {
    return platform;
  }

  boolean sandbox() {
    return sandbox;
  }

  boolean trackingDetails() {
    return trackingDetails;
  }

  Clock clock() {
    return clock;
  }

  boolean includeFactoryInventory() {
    return includeFactoryInventory;
  }

  /** The tenant's CJ client. */
  CjClient client(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    Function<TenantId, @Nullable CjClient> f = clients;
    if (f == null) {
      throw new InvalidInputException("tenant", tenant.value(),
          "has no CJ account: set CjSupplier.builder().clients(...) or client(...)");
    }
    CjClient c = f.apply(tenant);
    if (c == null) {
      throw new InvalidInputException("tenant", tenant.value(), "has no CJ account (the clients function returned null)");
    }
    return c;
  }

  void requireSupplier(@Nullable String supplierId) {
    if (!SUPPLIER_ID.equals(supplierId)) {
      throw new InvalidInputException("supplierId", supplierId, "must be \"" + SUPPLIER_ID + "\" for the CJ adapter");
    }
  }

  @Override
  public String toString() {
    return "CjSupplier{payment=" + payment + ", shipFrom=" + shipFrom + ", includeFactoryInventory="
        + includeFactoryInventory + ", platform=" + platform + ", sandbox=" + sandbox + ", catalogClient="
        + (catalogClient != null) + ", tenantClients=" + (clients != null) + "}";
  }

  /**
   * Builds a {@link CjSupplier}. Not thread-safe; the built object is immutable. Later calls of
   * {@link #client}, {@link #catalogClient} and {@link #clients} override earlier ones for what they
   * set.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private @Nullable CjClient catalogClient;
    private @Nullable Function<TenantId, @Nullable CjClient> clients;
    private CjPayment payment = CjPayment.BALANCE;
    private String shipFrom = "CN";
    private boolean includeFactoryInventory = true;
    private String platform = "shopify";
    private boolean sandbox;
    private boolean trackingDetails = true;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * One CJ account for everything, for single-tenant hosts: the catalogue client and every
     * tenant's client.
     *
     * @param client the account's client (owns its QPS limiter and tokens; share it)
     * @return this
     * @since 0.1.0
     */
    public Builder client(CjClient client) {
      Objects.requireNonNull(client, "client");
      this.catalogClient = client;
      this.clients = t -> client;
      return this;
    }

    /**
     * The platform's CJ account, through which every {@link dev.dropsync.inventory.spi.SupplierCatalog}
     * read (imports, syncs, search) goes — the SPI has no tenant. Its QPS paces all syncs and its
     * daily points pay for them (10 per product per sync).
     *
     * @param client the platform account's client
     * @return this
     * @since 0.1.0
     */
    public Builder catalogClient(CjClient client) {
      this.catalogClient = Objects.requireNonNull(client, "client");
      return this;
    }

    /**
     * Resolves each tenant's (store owner's) own CJ account for orders and freight quotes. Called on
     * every {@code place}/{@code find}/{@code status}/{@code cancel}/{@code quote}; return the
     * <em>same</em> {@link CjClient} for a tenant every time (it holds that account's rate limiter
     * and tokens, and CJ allows a new token only every 5 minutes), e.g. from a {@code
     * ConcurrentHashMap.computeIfAbsent}. Returning {@code null} (no account) makes the call fail with
     * {@link InvalidInputException} naming the tenant.
     *
     * @param clients tenant → client
     * @return this
     * @since 0.1.0
     */
    public Builder clients(Function<TenantId, @Nullable CjClient> clients) {
      this.clients = Objects.requireNonNull(clients, "clients");
      return this;
    }

    /**
     * Whether placement pays ({@code payType}); default {@link CjPayment#BALANCE} (payType 2: CJ
     * debits the account's wallet in the create call, so paid customer orders ship without manual
     * steps). {@link CjPayment#CREATE_ONLY} (payType 3) leaves payment to a person.
     *
     * @param payment the payment mode
     * @return this
     * @since 0.1.0
     */
    public Builder payment(CjPayment payment) {
      this.payment = Objects.requireNonNull(payment, "payment");
      return this;
    }

    /**
     * The CJ warehouse country to ship from (default {@code CN}): stock is counted there, quotes
     * start there and orders are created with it as {@code fromCountryCode}.
     *
     * @param countryCode ISO 3166-1 alpha-2, e.g. {@code "CN"} or {@code "US"}
     * @return this
     * @throws InvalidInputException if not an ISO country code
     * @since 0.1.0
     */
    public Builder shipFrom(String countryCode) {
      String c = countryCode == null ? "" : countryCode.trim().toUpperCase(Locale.ROOT);
      if (!ISO_COUNTRIES.contains(c)) {
        throw new InvalidInputException("shipFrom", countryCode, "must be an ISO 3166-1 alpha-2 country code");
      }
      this.shipFrom = c;
      return this;
    }

    /**
     * Whether factory inventory counts as stock (default true: CJ's {@code totalInventory}, CJ
     * warehouse plus factory). False counts only {@code cjInventory}, which ships fastest.
     *
     * @param include whether to include factory inventory
     * @return this
     * @since 0.1.0
     */
    public Builder includeFactoryInventory(boolean include) {
      this.includeFactoryInventory = include;
      return this;
    }

    /**
     * The {@code platform} sent with createOrder (default {@code "shopify"}; CJ rejects a missing or
     * {@code "api"} platform although its docs list it).
     *
     * @param platform the platform name
     * @return this
     * @throws InvalidInputException if blank or {@code "api"}
     * @since 0.1.0
     */
    public Builder platform(String platform) {
      if (platform == null || platform.isBlank() || platform.trim().equalsIgnoreCase("api")) {
        throw new InvalidInputException("platform", platform, "must be a platform CJ accepts, e.g. \"shopify\"");
      }
      this.platform = platform.trim();
      return this;
    }

    /**
     * Whether orders are created as CJ sandbox orders ({@code isSandbox:1}); default false. Test
     * accounts only: a sandbox order never ships.
     *
     * @param sandbox whether to create sandbox orders
     * @return this
     * @since 0.1.0
     */
    public Builder sandbox(boolean sandbox) {
      this.sandbox = sandbox;
      return this;
    }

    /**
     * Whether a shipped order's status also reads {@code /logistic/trackInfo} (0 points, one call)
     * for the carrier and the delivery event; default true.
     *
     * @param enabled whether to read tracking details
     * @return this
     * @since 0.1.0
     */
    public Builder trackingDetails(boolean enabled) {
      this.trackingDetails = enabled;
      return this;
    }

    /**
     * The clock that stamps snapshots' {@code asOf} (the ordering key of polled updates); default
     * {@link Clock#systemUTC()}.
     *
     * @param clock the clock
     * @return this
     * @since 0.1.0
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the supplier.
     *
     * @return the immutable configuration
     * @throws InvalidInputException if no client at all was configured
     * @since 0.1.0
     */
    public CjSupplier build() {
      if (catalogClient == null && clients == null) {
        throw new InvalidInputException("client", null, "is required: set client(...), catalogClient(...) or clients(...)");
      }
      return new CjSupplier(this);
    }
  }
}
