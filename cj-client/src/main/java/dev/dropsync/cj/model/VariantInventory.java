package dev.dropsync.cj.model;

/**
 * Inventory of one variant in one country.
 *
 * @param countryCode warehouse country
 * @param totalInventory total units
 * @param cjInventory units in CJ warehouses
 * @param factoryInventory units at the factory
 * @param verifiedWarehouse whether the warehouse is verified
 * @since 0.1.0
 */
public record VariantInventory(
    String countryCode, long totalInventory, long cjInventory, long factoryInventory, boolean verifiedWarehouse) {}
