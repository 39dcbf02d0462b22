package dev.dropsync.inventory;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The result of importing one item (a supplier product id or a product URL).
 *
 * @param input the id or URL as given
 * @param outcome imported, already imported or failed
 * @param product the stored product (new or existing), or null if the import failed
 * @param reason for FAILED the error message; for a product imported as a draft because of the
 *     plan limit, {@code "PLAN_LIMIT: ..."}; otherwise null
 * @since 0.1.0
 */
public record ImportResult(String input, ImportOutcome outcome, @Nullable Product product, @Nullable String reason) {
  /** Checks for nulls. */
  public ImportResult {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(outcome, "outcome");
  }

  /**
   * The stored product.
   *
   * @throws InventoryException with the failure reason if the import failed
   */
  public Product requireProduct() {
    if (product == null) {
      throw new InventoryException("import of \"" + input + "\" failed: " + reason);
    }
    return product;
  }

  /** True if the product was imported but left as a draft because the plan limit was reached. */
  public boolean draftedByPlanLimit() {
    return outcome == ImportOutcome.IMPORTED && reason != null && reason.startsWith("PLAN_LIMIT");
  }
}
