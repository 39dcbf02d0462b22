/**
 * Immutable public records for CJ requests and responses. Money is {@link java.math.BigDecimal} in
 * USD as CJ sends it (numbers or strings), prices that may be ranges are {@link
 * dev.dropsync.cj.model.PriceRange}, times are {@link java.time.Instant} (CJ's zone-less dates are
 * read as UTC), ids are always {@link String}, even when CJ sends JSON numbers above 2^53. Request
 * records validate in their compact constructors or builders and throw {@link
 * dev.dropsync.cj.CjInvalidRequestException} naming the field and the value.
 */
@NullMarked
package dev.dropsync.cj.model;

import org.jspecify.annotations.NullMarked;
