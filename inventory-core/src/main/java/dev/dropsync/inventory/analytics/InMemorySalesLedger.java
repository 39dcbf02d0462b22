package dev.dropsync.inventory.analytics;

import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.NotFoundException;
import dev.dropsync.inventory.ProductId;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.VariantId;
import dev.dropsync.inventory.analytics.internal.Check;
import dev.dropsync.inventory.analytics.spi.SalesLedger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The in-memory reference {@link SalesLedger}: all events of all tenants in memory, guarded by one
 * lock per instance. Thread-safe; every call is atomic. Suitable for tests, demos and single-node
 * hosts that can afford to lose history on restart.
 *
 * @since 0.1.0
 */
public final class InMemorySalesLedger implements SalesLedger {

  private record Key(TenantId tenant, String orderRef, VariantId variant) {}

  private final Object lock = new Object();
  private final Map<Key, Sale> sales = new HashMap<>();
  private final Map<Key, SaleReturn> returns = new HashMap<>();
  private final Map<TenantId, List<Sale>> salesByTenant = new HashMap<>();
  private final Map<TenantId, List<SaleReturn>> returnsByTenant = new HashMap<>();

  /** An empty ledger. */
  public InMemorySalesLedger() {}

  @Override
  public boolean recordSale(Sale sale) {
    Check.notNull(sale, "sale");
    Key key = new Key(sale.tenant(), sale.orderRef(), sale.variant());
    synchronized (lock) {
      Sale existing = sales.get(key);
      if (existing != null) {
        if (existing.equals(sale)) {
          return false;
        }
        throw new InvalidInputException(
            "orderRef",
            sale.orderRef(),
            "was already recorded for variant " + sale.variant() + " with different values");
      }
      sales.put(key, sale);
      salesByTenant.computeIfAbsent(sale.tenant(), k -> new ArrayList<>()).add(sale);
      return true;
    }
  }

  @Override
  public boolean recordReturn(SaleReturn saleReturn) {
    Check.notNull(saleReturn, "saleReturn");
    Key key = new Key(saleReturn.tenant(), saleReturn.orderRef(), saleReturn.variant());
    synchronized (lock) {
      Sale sale = sales.get(key);
      if (sale == null || !sale.product().equals(saleReturn.product())) {
        throw new NotFoundException(
            "sale", saleReturn.orderRef() + "/" + saleReturn.variant());
      }
      SaleReturn existing = returns.get(key);
      if (existing != null) {
        if (existing.equals(saleReturn)) {
          return false;
        }
        throw new InvalidInputException(
            "orderRef",
            saleReturn.orderRef(),
            "already has a return for variant " + saleReturn.variant() + " with different values");
      }
      if (saleReturn.quantity() > sale.quantity()) {
        throw new InvalidInputException(
            "quantity", saleReturn.quantity(), "must be <= the sold quantity " + sale.quantity());
      }
      returns.put(key, saleReturn);
      returnsByTenant.computeIfAbsent(saleReturn.tenant(), k -> new ArrayList<>()).add(saleReturn);
      return true;
    }
  }

  @Override
  public List<Sale> sales(TenantId tenant, Instant from, Instant to) {
    Check.notNull(tenant, "tenant");
    Check.range(from, to);
    return select(salesByTenant, tenant, Sale::at, from, to, s -> true);
  }

  @Override
  public List<Sale> sales(TenantId tenant, ProductId product, Instant from, Instant to) {
    Check.notNull(tenant, "tenant");
    Check.notNull(product, "product");
    Check.range(from, to);
    return select(salesByTenant, tenant, Sale::at, from, to, s -> s.product().equals(product));
  }

  @Override
  public List<SaleReturn> returns(TenantId tenant, Instant from, Instant to) {
    Check.notNull(tenant, "tenant");
    Check.range(from, to);
    return select(returnsByTenant, tenant, SaleReturn::at, from, to, r -> true);
  }

  @Override
  public List<SaleReturn> returns(TenantId tenant, ProductId product, Instant from, Instant to) {
    Check.notNull(tenant, "tenant");
    Check.notNull(product, "product");
    Check.range(from, to);
    return select(returnsByTenant, tenant, SaleReturn::at, from, to, r -> r.product().equals(product));
  }

  private <T> List<T> select(
      Map<TenantId, List<T>> byTenant,
      TenantId tenant,
      Function<T, Instant> at,
      Instant from,
      Instant to,
      Predicate<T> filter) {
    List<T> out = new ArrayList<>();
    synchronized (lock) {
      for (T e : byTenant.getOrDefault(tenant, List.of())) {
        Instant t = at.apply(e);
        if (!t.isBefore(from) && t.isBefore(to) && filter.test(e)) {
          out.add(e);
        }
      }
    }
    out.sort(Comparator.comparing(at));
    return List.copyOf(out);
  }
}
