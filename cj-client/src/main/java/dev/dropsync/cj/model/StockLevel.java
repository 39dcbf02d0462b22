package dev.dropsync.cj.model;

import org.jspecify.annotations.Nullable;

/**
 * Stock of a variant or product in one warehouse area ({@code stock/queryByVid}, {@code
 * stock/queryBySku}, {@code getInventoryByPid}). A snapshot: CJ has no reservation call.
 *
 * @param vid variant id, or {@code null} at product level
 * @param areaId area id as text (CJ sends a string or an int)
 * @param areaEn area name, or {@code null}
 * @param countryCode warehouse country
 * @param countryNameEn country name, or {@code null}
 * @param totalInventory total units
 * @param cjInventory units in CJ warehouses
 * @param factoryInventory units at the factory
 * @since 0.1.0
 */
public record StockLevel(
    @Nullable String vid,
    @Nullable String areaId,
    @Nullable String areaEn,
    String countryCode,
    @Nullable String countryNameEn,
    long totalInventory,
    long cjInventory,
    long factoryInventory) {}
