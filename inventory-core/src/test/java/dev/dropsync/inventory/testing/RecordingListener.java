package dev.dropsync.inventory.testing;

import dev.dropsync.inventory.Money;
import dev.dropsync.inventory.Plan;
import dev.dropsync.inventory.ProductId;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.VariantId;
import dev.dropsync.inventory.spi.InventoryListener;
import java.util.ArrayList;
import java.util.List;

/** Records every event as a short string, e.g. {@code "lowStock p1:V1 available=3 threshold=5"}. Thread-safe. */
public final class RecordingListener implements InventoryListener {
  private final List<String> events = new ArrayList<>();

  private synchronized void add(String e) {
    events.add(e);
  }

  /** A copy of the events so far. */
  public synchronized List<String> events() {
    return List.copyOf(events);
  }

  /** The events starting with {@code prefix}. */
  public synchronized List<String> events(String prefix) {
    return events.stream().filter(e -> e.startsWith(prefix)).toList();
  }

  /** Forgets the events so far. */
  public synchronized void clear() {
    events.clear();
  }

  @Override
  public void onLowStock(TenantId tenant, ProductId product, VariantId variant, long available, long threshold) {
    add("lowStock " + variant + " available=" + available + " threshold=" + threshold);
  }

  @Override
  public void onOutOfStock(TenantId tenant, ProductId product, VariantId variant) {
    add("outOfStock " + variant);
  }

  @Override
  public void onBackInStock(TenantId tenant, ProductId product, VariantId variant, long available) {
    add("backInStock " + variant + " available=" + available);
  }

  @Override
  public void onOversold(TenantId tenant, ProductId product, VariantId variant, long onHand, long reserved) {
    add("oversold " + variant + " onHand=" + onHand + " reserved=" + reserved);
  }

  @Override
  public void onPriceChanged(TenantId tenant, ProductId product, VariantId variant, Money oldPrice, Money newPrice) {
    add("priceChanged " + variant + " " + oldPrice.amount() + "->" + newPrice.amount());
  }

  @Override
  public void onPriceBelowFloor(TenantId tenant, ProductId product, VariantId variant, Money price, Money floor) {
    add("belowFloor " + variant + " price=" + price.amount() + " floor=" + floor.amount());
  }

  @Override
  public void onDeactivated(TenantId tenant, ProductId product, Reason reason) {
    add("deactivated " + product + " " + reason);
  }

  @Override
  public void onReactivated(TenantId tenant, ProductId product) {
    add("reactivated " + product);
  }

  @Override
  public void onReactivationRefused(TenantId tenant, ProductId product, Reason reason) {
    add("reactivationRefused " + product + " " + reason);
  }

  @Override
  public void onPlanLimitReached(TenantId tenant, Plan plan, int limit, int activeCount) {
    add("planLimit " + plan + " limit=" + limit + " active=" + activeCount);
  }
}
