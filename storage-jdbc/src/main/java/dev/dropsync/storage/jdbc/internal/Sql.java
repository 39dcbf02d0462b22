package dev.dropsync.storage.jdbc.internal;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Small JDBC binding helpers shared by the stores. */
public final class Sql {
  private Sql() {}

  /** Nanoseconds since the epoch, saturated to the bigint range (for open-ended query bounds). */
  public static long nanos(Instant i) {
    try {
      return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000_000L), i.getNano());
    } catch (ArithmeticException e) {
      return i.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  /** The instant {@code nanos} nanoseconds after the epoch. */
  public static Instant instant(long nanos) {
    return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
  }

  /** Binds a timestamptz. */
  public static void setTime(PreparedStatement ps, int index, Instant at) throws SQLException {
    ps.setObject(index, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
  }

  /** Binds a jsonb parameter (the SQL must cast: {@code ?::jsonb}). */
  public static void setJson(PreparedStatement ps, int index, String json) throws SQLException {
    ps.setString(index, json);
  }

  /** Binds a nullable string. */
  public static void setNullableString(PreparedStatement ps, int index, @Nullable String s) throws SQLException {
    if (s == null) {
      ps.setNull(index, Types.VARCHAR);
    } else {
      ps.setString(index, s);
    }
  }

  /** Binds an optional numeric. */
  public static void setDecimal(PreparedStatement ps, int index, Optional<BigDecimal> d) throws SQLException {
    if (d.isPresent()) {
      ps.setBigDecimal(index, d.get());
    } else {
      ps.setNull(index, Types.NUMERIC);
    }
  }

  /** Reads an optional numeric. */
  public static Optional<BigDecimal> decimal(ResultSet rs, String column) throws SQLException {
    return Optional.ofNullable(rs.getBigDecimal(column));
  }
}
