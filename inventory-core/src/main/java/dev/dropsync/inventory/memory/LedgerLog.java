package dev.dropsync.inventory.memory;

import dev.dropsync.inventory.LedgerEntry;
import dev.dropsync.inventory.LedgerReason;
import dev.dropsync.inventory.ProductId;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.inventory.VariantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * One tenant's append-only ledger, stored column-wise in fixed-size chunks so that millions of
 * rows cost a few primitive arrays rather than millions of long-lived objects. Entry {@code i} has
 * sequence {@code i + 1}. Not thread-safe: the store calls it under the tenant's lock.
 */
final class LedgerLog {
  private static final int CHUNK = 8192;
  private static final LedgerReason[] REASONS = LedgerReason.values();

  private final TenantId tenant;
  private final ArrayList<long[]> deltaOnHand = new ArrayList<>();
  private final ArrayList<long[]> deltaReserved = new ArrayList<>();
  private final ArrayList<long[]> seconds = new ArrayList<>();
  private final ArrayList<int[]> nanos = new ArrayList<>();
  private final ArrayList<int[]> variantIndex = new ArrayList<>();
  private final ArrayList<byte[]> reason = new ArrayList<>();
  private final ArrayList<String[]> ref = new ArrayList<>();
  private final ArrayList<VariantId> variants = new ArrayList<>();
  private final ArrayList<ProductId> products = new ArrayList<>();
  private final HashMap<VariantId, Integer> indexOf = new HashMap<>();
  private final ArrayList<int[]> positionsOf = new ArrayList<>();
  private int[] positionCount = new int[16];
  private int size;

  LedgerLog(TenantId tenant) {
    this.tenant = tenant;
  }

  int size() {
    return size;
  }

  LedgerEntry append(ProductId product, VariantId variant, long dOnHand, long dReserved, LedgerReason why, String note,
      Instant at) {
    int chunk = size / CHUNK;
    int slot = size % CHUNK;
    if (slot == 0) {
      deltaOnHand.add(new long[CHUNK]);
      deltaReserved.add(new long[CHUNK]);
      seconds.add(new long[CHUNK]);
      nanos.add(new int[CHUNK]);
      variantIndex.add(new int[CHUNK]);
      reason.add(new byte[CHUNK]);
      ref.add(new String[CHUNK]);
    }
    Integer vi = indexOf.get(variant);
    if (vi == null) {
      vi = variants.size();
      indexOf.put(variant, vi);
      variants.add(variant);
      products.add(product);
      positionsOf.add(new int[4]);
      if (vi == positionCount.length) {
        positionCount = java.util.Arrays.copyOf(positionCount, vi * 2);
      }
    }
    deltaOnHand.get(chunk)[slot] = dOnHand;
    deltaReserved.get(chunk)[slot] = dReserved;
    seconds.get(chunk)[slot] = at.getEpochSecond();
    nanos.get(chunk)[slot] = at.getNano();
    variantIndex.get(chunk)[slot] = vi;
    reason.get(chunk)[slot] = (byte) why.ordinal();
    ref.get(chunk)[slot] = note;
    int n = positionCount[vi];
    int[] pos = positionsOf.get(vi);
    if (n == pos.length) {
      pos = java.util.Arrays.copyOf(pos, n * 2);
      positionsOf.set(vi, pos);
    }
    pos[n] = size;
    positionCount[vi] = n + 1;
    size++;
    return new LedgerEntry(size, tenant, product, variant, dOnHand, dReserved, why, note, at);
  }

  LedgerEntry get(int index) {
    int chunk = index / CHUNK;
    int slot = index % CHUNK;
    int vi = variantIndex.get(chunk)[slot];
    return new LedgerEntry(index + 1L, tenant, products.get(vi), variants.get(vi), deltaOnHand.get(chunk)[slot],
        deltaReserved.get(chunk)[slot], REASONS[reason.get(chunk)[slot]],
        ref.get(chunk)[slot], Instant.ofEpochSecond(seconds.get(chunk)[slot], nanos.get(chunk)[slot]));
  }

  List<LedgerEntry> ofVariant(VariantId variant) {
    Integer vi = indexOf.get(variant);
    if (vi == null) {
      return List.of();
    }
    int n = positionCount[vi];
    int[] pos = positionsOf.get(vi);
    List<LedgerEntry> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(get(pos[i]));
    }
    return List.copyOf(out);
  }

  List<LedgerEntry> range(long afterSequence, int limit) {
    int from = (int) Math.max(0, Math.min(afterSequence, size));
    int to = (int) Math.min(size, (long) from + limit);
    List<LedgerEntry> out = new ArrayList<>(Math.max(0, to - from));
    for (int i = from; i < to; i++) {
      out.add(get(i));
    }
    return List.copyOf(out);
  }
}
