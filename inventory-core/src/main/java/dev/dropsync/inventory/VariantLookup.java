package dev.dropsync.inventory;

import java.util.Optional;

/**
 * Looks up what fulfilment needs to order a variant from its supplier. Implemented by the
 * inventory engine; thread-safe.
 *
 * @since 0.1.0
 */
public interface VariantLookup {
  /** The variant, if the tenant has it. */
  Optional<VariantRef> findVariant(TenantId tenant, VariantId variant);
}
