package dev.dropsync.automation.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropsync.automation.SecretName;
import dev.dropsync.inventory.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The contract of every {@link CiphertextStore}. A host's store extends this class (from the
 * automation test-jar) and returns an empty store from {@link #newStore()}.
 */
public abstract class CiphertextStoreContractTest {
  protected static final TenantId A = TenantId.of("tenant-a");
  protected static final TenantId B = TenantId.of("tenant-b");
  protected static final SecretName KEY = SecretName.of("cj.apiKey");
  protected static final SecretName OPEN_ID = SecretName.of("cj.openId");

  /** A new, empty store. */
  protected abstract CiphertextStore newStore();

  protected static SealedSecret sealed(String keyId, int fill) {
    byte[] nonce = new byte[SealedSecret.NONCE_BYTES];
    byte[] ct = new byte[SealedSecret.TAG_BYTES + 8];
    java.util.Arrays.fill(nonce, (byte) fill);
    java.util.Arrays.fill(ct, (byte) (fill + 1));
    return new SealedSecret(keyId, nonce, ct);
  }

  @Test
  void putIsAnUpsertAndGetReturnsTheExactBytes() {
    CiphertextStore s = newStore();
    assertThat(s.get(A, KEY)).isEmpty();
    s.put(A, KEY, sealed("k1", 1));
    assertThat(s.get(A, KEY)).contains(sealed("k1", 1));
    s.put(A, KEY, sealed("k2", 7));
    SealedSecret read = s.get(A, KEY).orElseThrow();
    assertThat(read.keyId()).isEqualTo("k2");
    assertThat(read.nonce()).isEqualTo(sealed("k2", 7).nonce());
    assertThat(read.ciphertext()).isEqualTo(sealed("k2", 7).ciphertext());
  }

  @Test
  void rowsAreScopedByTenantAndName() {
    CiphertextStore s = newStore();
    s.put(A, KEY, sealed("k1", 1));
    s.put(A, OPEN_ID, sealed("k1", 2));
    s.put(B, KEY, sealed("k1", 3));
    assertThat(s.get(B, KEY)).contains(sealed("k1", 3));
    assertThat(s.get(B, OPEN_ID)).isEmpty();
    assertThat(s.names(A)).containsExactly(KEY, OPEN_ID);
    assertThat(s.names(B)).containsExactly(KEY);
    assertThat(s.names(TenantId.of("tenant-c"))).isEmpty();
    assertThat(s.delete(B, KEY)).isTrue();
    assertThat(s.delete(B, KEY)).isFalse();
    assertThat(s.get(A, KEY)).contains(sealed("k1", 1));
  }

  @Test
  void namesAreSorted() {
    CiphertextStore s = newStore();
    for (String n : List.of("zeta", "alpha", "mid.dle", "Beta")) {
      s.put(A, SecretName.of(n), sealed("k1", 1));
    }
    assertThat(s.names(A)).extracting(SecretName::value).containsExactly("Beta", "alpha", "mid.dle", "zeta");
  }

  @Test
  void replaceIsCompareAndSet() {
    CiphertextStore s = newStore();
    assertThat(s.replace(A, KEY, sealed("k1", 1), sealed("k2", 2))).isFalse();
    assertThat(s.get(A, KEY)).isEmpty();
    s.put(A, KEY, sealed("k1", 1));
    assertThat(s.replace(A, KEY, sealed("k1", 9), sealed("k2", 2))).isFalse();
    assertThat(s.get(A, KEY)).contains(sealed("k1", 1));
    assertThat(s.replace(B, KEY, sealed("k1", 1), sealed("k2", 2))).isFalse();
    assertThat(s.replace(A, KEY, sealed("k1", 1), sealed("k2", 2))).isTrue();
    assertThat(s.get(A, KEY)).contains(sealed("k2", 2));
  }

  @Test
  void concurrentReplacesOfOneRowLetExactlyOneWin() throws Exception {
    CiphertextStore s = newStore();
    s.put(A, KEY, sealed("k1", 1));
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CyclicBarrier start = new CyclicBarrier(threads);
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        int n = i;
        results.add(pool.submit(() -> {
          start.await(10, TimeUnit.SECONDS);
          return s.replace(A, KEY, sealed("k1", 1), sealed("k2", 10 + n));
        }));
      }
      int wins = 0;
      for (Future<Boolean> f : results) {
        wins += f.get(10, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertThat(wins).isEqualTo(1);
      assertThat(s.get(A, KEY).orElseThrow().keyId()).isEqualTo("k2");
    } finally {
      pool.shutdownNow();
    }
  }
}
