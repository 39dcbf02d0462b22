package dev.dropsync.automation.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropsync.automation.Secret;
import dev.dropsync.automation.SecretName;
import dev.dropsync.inventory.TenantId;
import org.junit.jupiter.api.Test;

/**
 * The contract of every {@link SecretStore}. A host's store (a vault adapter, say) extends this
 * class (from the automation test-jar) and returns an empty store from {@link #newStore()}.
 */
public abstract class SecretStoreContractTest {
  protected static final TenantId A = TenantId.of("tenant-a");
  protected static final TenantId B = TenantId.of("tenant-b");
  protected static final SecretName KEY = SecretName.CJ_API_KEY;
  protected static final SecretName OPEN_ID = SecretName.CJ_OPEN_ID;

  /** A new, empty store. */
  protected abstract SecretStore newStore();

  @Test
  void roundTripsValuesIncludingNonAscii() {
    SecretStore s = newStore();
    s.put(A, KEY, Secret.of("CJ-key-0123456789"));
    s.put(A, OPEN_ID, Secret.of("ключ-密钥-🔑"));
    assertThat(s.get(A, KEY).orElseThrow().reveal()).isEqualTo("CJ-key-0123456789");
    assertThat(s.get(A, OPEN_ID).orElseThrow().reveal()).isEqualTo("ключ-密钥-🔑");
    assertThat(s.get(A, SecretName.of("other"))).isEmpty();
  }

  @Test
  void putReplacesAndDeleteRemoves() {
    SecretStore s = newStore();
    s.put(A, KEY, Secret.of("old"));
    s.put(A, KEY, Secret.of("new"));
    assertThat(s.get(A, KEY).orElseThrow().reveal()).isEqualTo("new");
    assertThat(s.names(A)).containsExactly(KEY);
    assertThat(s.delete(A, KEY)).isTrue();
    assertThat(s.delete(A, KEY)).isFalse();
    assertThat(s.get(A, KEY)).isEmpty();
    assertThat(s.names(A)).isEmpty();
  }

  @Test
  void tenantsNeverSeeEachOthersSecrets() {
    SecretStore s = newStore();
    s.put(A, KEY, Secret.of("a-key"));
    assertThat(s.get(B, KEY)).isEmpty();
    assertThat(s.names(B)).isEmpty();
    assertThat(s.delete(B, KEY)).isFalse();
    s.put(B, KEY, Secret.of("b-key"));
    assertThat(s.get(A, KEY).orElseThrow().reveal()).isEqualTo("a-key");
    assertThat(s.get(B, KEY).orElseThrow().reveal()).isEqualTo("b-key");
  }

  @Test
  void theStoreKeepsItsOwnCopy() {
    SecretStore s = newStore();
    Secret given = Secret.of("keep-me");
    s.put(A, KEY, given);
    given.destroy();
    Secret read = s.get(A, KEY).orElseThrow();
    assertThat(read.reveal()).isEqualTo("keep-me");
    read.destroy();
    assertThat(s.get(A, KEY).orElseThrow().reveal()).isEqualTo("keep-me");
  }

  @Test
  void returnedSecretsAreRedactedWhenPrinted() {
    SecretStore s = newStore();
    s.put(A, KEY, Secret.of("do-not-print-me"));
    Secret read = s.get(A, KEY).orElseThrow();
    assertThat(read.toString()).doesNotContain("do-not-print-me").contains("redacted");
    assertThat(String.valueOf(s.get(A, KEY))).doesNotContain("do-not-print-me");
    assertThat(s.toString()).doesNotContain("do-not-print-me");
  }
}
