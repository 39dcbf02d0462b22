package dev.dropsync.storage.jdbc.internal;

import dev.dropsync.inventory.pricing.CharmRounding;
import dev.dropsync.inventory.pricing.CostTier;
import dev.dropsync.inventory.pricing.PricingRule;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Maps pricing rules to and from the JSON documents of {@code inventory_pricing_rules.rule}.
 * Decimals are written as strings ({@link BigDecimal#toString()}), so each reads back with its
 * exact value and scale and the rule reads back {@code equals} to what was saved.
 */
public final class InventoryDocs {
  private InventoryDocs() {}

  /** The rule as a JSON document. */
  public static String ruleJson(PricingRule rule) {
    Map<String, @Nullable Object> m = new LinkedHashMap<>();
    List<Object> tiers = new ArrayList<>();
    for (CostTier t : rule.tiers()) {
      Map<String, @Nullable Object> tier = new LinkedHashMap<>();
      tier.put("min", t.min().toString());
      BigDecimal max = t.max();
      tier.put("max", max == null ? null : max.toString());
      tier.put("kind", t.kind().name());
      tier.put("value", t.value().toString());
      tiers.add(tier);
    }
    m.put("tiers", tiers);
    m.put("multiplier", rule.multiplier().toString());
    m.put("fixedAdd", rule.fixedAdd().toString());
    m.put("rounding", rule.rounding().name());
    m.put("minimumMargin", rule.minimumMargin().map(BigDecimal::toString).orElse(null));
    m.put("compareAtMultiplier", rule.compareAtMultiplier().map(BigDecimal::toString).orElse(null));
    return DocJson.write(m);
  }

  /** Reads a rule written by {@link #ruleJson}. @throws IllegalArgumentException on a malformed document */
  public static PricingRule rule(String json) {
    Map<String, @Nullable Object> m = asMap(DocJson.read(json));
    PricingRule.Builder b = PricingRule.builder();
    for (@Nullable Object o : asList(m.get("tiers"))) {
      Map<String, @Nullable Object> t = asMap(o);
      String max = optStr(t, "max");
      b.tier(new CostTier(new BigDecimal(str(t, "min")), max == null ? null : new BigDecimal(max),
          CostTier.Kind.valueOf(str(t, "kind")), new BigDecimal(str(t, "value"))));
    }
    b.multiplier(str(m, "multiplier"));
    b.fixedAdd(str(m, "fixedAdd"));
    b.rounding(CharmRounding.valueOf(str(m, "rounding")));
    String margin = optStr(m, "minimumMargin");
    if (margin != null) {
      b.minimumMargin(margin);
    }
    String compareAt = optStr(m, "compareAtMultiplier");
    if (compareAt != null) {
      b.compareAtMultiplier(compareAt);
    }
    return b.build();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, @Nullable Object> asMap(@Nullable Object o) {
    if (!(o instanceof Map)) {
      throw new IllegalArgumentException("stored document: expected an object but found " + o);
    }
    return (Map<String, @Nullable Object>) o;
  }

  @SuppressWarnings("unchecked")
  private static List<@Nullable Object> asList(@Nullable Object o) {
    if (!(o instanceof List)) {
      throw new IllegalArgumentException("stored document: expected an array but found " + o);
    }
    return (List<@Nullable Object>) o;
  }

  private static String str(Map<String, @Nullable Object> m, String k) {
    @Nullable Object v = m.get(k);
    if (!(v instanceof String s)) {
      throw new IllegalArgumentException("stored document: field " + k + " must be a string but was " + v);
    }
    return s;
  }

  private static @Nullable String optStr(Map<String, @Nullable Object> m, String k) {
    @Nullable Object v = m.get(k);
    return v == null ? null : str(m, k);
  }
}
