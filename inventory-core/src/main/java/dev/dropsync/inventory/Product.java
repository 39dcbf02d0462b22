package dev.dropsync.inventory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * An imported product: the tenant's copy of a supplier product, with its variants, stock and
 * status. Immutable snapshot; {@code version} increases with every stored change and is what
 * compare-and-set updates check.
 *
 * @param tenant the owning tenant
 * @param id the engine's product id
 * @param supplierId the supplier's key, e.g. {@code "cj"}
 * @param supplierProductId the supplier's product id (unique per tenant and supplier)
 * @param title the title
 * @param category the mapped category, or {@code ""} if none
 * @param tags the mapped tags, without duplicates
 * @param variants the variants, at least one, ids unique
 * @param status the lifecycle status
 * @param outOfStockPolicy this product's own policy, or null to use the tenant's
 * @param lowStockThreshold this product's own low-stock threshold, or null to inherit
 * @param version the stored version (0 before the first insert)
 * @param createdAt when it was imported
 * @param updatedAt when it last changed
 * @since 0.1.0
 */
public record Product(
    TenantId tenant,
    ProductId id,
    String supplierId,
    String supplierProductId,
    String title,
    String category,
    List<String> tags,
    List<Variant> variants,
    ProductStatus status,
    @Nullable OutOfStockPolicy outOfStockPolicy,
    @Nullable Long lowStockThreshold,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  /** Validates and copies the lists. @throws InvalidInputException on bad values */
  public Product {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(supplierId, "supplierId");
    Objects.requireNonNull(supplierProductId, "supplierProductId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (supplierId.isBlank()) {
      throw new InvalidInputException("supplierId", supplierId, "must not be blank");
    }
    if (supplierProductId.isBlank()) {
      throw new InvalidInputException("supplierProductId", supplierProductId, "must not be blank");
    }
    tags = List.copyOf(tags);
    variants = List.copyOf(variants);
    if (variants.isEmpty()) {
      throw new InvalidInputException("variants", "[]", "must not be empty (product \"" + id + "\")");
    }
    if (variants.size() <= 8) {
      for (int i = 0; i < variants.size(); i++) {
        for (int j = i + 1; j < variants.size(); j++) {
          if (variants.get(i).id().equals(variants.get(j).id())) {
            throw new InvalidInputException("variantId", variants.get(j).id(), "must be unique within a product");
          }
        }
      }
    } else {
      Set<VariantId> seen = new HashSet<>();
      for (Variant v : variants) {
        if (!seen.add(v.id())) {
          throw new InvalidInputException("variantId", v.id(), "must be unique within a product");
        }
      }
    }
    if (lowStockThreshold != null && lowStockThreshold < 0) {
      throw new InvalidInputException("lowStockThreshold", lowStockThreshold, "must be >= 0");
    }
    if (version < 0) {
      throw new InvalidInputException("version", version, "must be >= 0");
    }
  }

  /** The variant with id {@code variantId}, if this product has it. */
  public Optional<Variant> variant(VariantId variantId) {
    for (Variant v : variants) {
      if (v.id().equals(variantId)) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }

  /** The variant with the supplier's variant id, if this product has it. */
  public Optional<Variant> variantBySupplierId(String supplierVariantId) {
    for (Variant v : variants) {
      if (v.supplierVariantId().equals(supplierVariantId)) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }

  /** Units available over all variants (each variant's available, summed). */
  public long available() {
    long sum = 0;
    for (Variant v : variants) {
      sum += v.available();
    }
    return sum;
  }

  /** Units on hand over all variants. */
  public long onHand() {
    long sum = 0;
    for (Variant v : variants) {
      sum += v.onHand();
    }
    return sum;
  }

  /** This product with the variant {@code variantId} replaced by {@code change}'s result. */
  public Product withVariant(VariantId variantId, UnaryOperator<Variant> change) {
    List<Variant> copy = new ArrayList<>(variants.size());
    boolean found = false;
    for (Variant v : variants) {
      if (v.id().equals(variantId)) {
        copy.add(change.apply(v));
        found = true;
      } else {
        copy.add(v);
      }
    }
    if (!found) {
      throw new NotFoundException("variantId", variantId.value());
    }
    return new Product(tenant, id, supplierId, supplierProductId, title, category, tags, copy,
        status, outOfStockPolicy, lowStockThreshold, version, createdAt, updatedAt);
  }

  /**
   * This product with one variant's stock replaced, at another version and update time, in one
   * copy (used by stores on the stock hot path).
   *
   * @throws NotFoundException if the product has no such variant
   */
  public Product withVariantStock(VariantId variantId, long onHand, long reserved, long newVersion, Instant at) {
    Variant[] copy = variants.toArray(new Variant[0]);
    boolean found = false;
    for (int i = 0; i < copy.length; i++) {
      if (copy[i].id().equals(variantId)) {
        copy[i] = copy[i].withStock(onHand, reserved);
        found = true;
      }
    }
    if (!found) {
      throw new NotFoundException("variantId", variantId.value());
    }
    return new Product(tenant, id, supplierId, supplierProductId, title, category, tags, List.of(copy),
        status, outOfStockPolicy, lowStockThreshold, newVersion, createdAt, at);
  }

  /** This product with other variants. */
  public Product withVariants(List<Variant> newVariants) {
    return new Product(tenant, id, supplierId, supplierProductId, title, category, tags,
        newVariants, status, outOfStockPolicy, lowStockThreshold, version, createdAt, updatedAt);
  }

  /** This product with another status. */
  public Product withStatus(ProductStatus newStatus) {
    return new Product(tenant, id, supplierId, supplierProductId, title, category, tags, variants,
        newStatus, outOfStockPolicy, lowStockThreshold, version, createdAt, updatedAt);
  }

  /** This product at another version and update time (used by stores). */
  public Product withVersion(long newVersion, Instant at) {
    return new Product(tenant, id, supplierId, supplierProductId, title, category, tags, variants,
        status, outOfStockPolicy, lowStockThreshold, newVersion, createdAt, at);
  }

  /** This product with its own out-of-stock policy and low-stock threshold (null: inherit). */
  public Product withStockRules(@Nullable OutOfStockPolicy policy, @Nullable Long threshold) {
    return new Product(tenant, id, supplierId, supplierProductId, title, category, tags, variants,
        status, policy, threshold, version, createdAt, updatedAt);
  }

  /** This product with another category and tags. */
  public Product withCategory(String newCategory, List<String> newTags) {
    return new Product(tenant, id, supplierId, supplierProductId, title, newCategory, newTags,
        variants, status, outOfStockPolicy, lowStockThreshold, version, createdAt, updatedAt);
  }
}
