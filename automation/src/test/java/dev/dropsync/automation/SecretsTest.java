package dev.dropsync.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dropsync.automation.spi.CiphertextStore;
import dev.dropsync.automation.spi.InMemoryCiphertextStore;
import dev.dropsync.automation.spi.SealedSecret;
import dev.dropsync.inventory.InvalidInputException;
import dev.dropsync.inventory.TenantId;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** AES-GCM secrets at rest: round trip, tampering, wrong keys, tenant binding, rotation, redaction. */
class SecretsTest {
  private static final TenantId A = TenantId.of("shop-a");
  private static final TenantId B = TenantId.of("shop-b");
  private static final String VALUE = "CJ-API-KEY-5f1c9e7a2b";

  private final byte[] key1 = SecretKeyRing.generateKey();
  private final byte[] key2 = SecretKeyRing.generateKey();
  private final InMemoryCiphertextStore rows = new InMemoryCiphertextStore();
  private final EncryptedSecretStore store =
      EncryptedSecretStore.builder().keyRing(SecretKeyRing.of("k1", key1)).storage(rows).build();

  @Test
  void roundTripStoresOnlyCiphertext() {
    store.put(A, SecretName.CJ_API_KEY, Secret.of(VALUE));

    assertThat(store.get(A, SecretName.CJ_API_KEY).orElseThrow().reveal()).isEqualTo(VALUE);
    SealedSecret row = rows.get(A, SecretName.CJ_API_KEY).orElseThrow();
    assertThat(row.keyId()).isEqualTo("k1");
    assertThat(row.nonce()).hasSize(12);
    assertThat(row.ciphertext()).hasSize(VALUE.length() + 16);
    assertThat(new String(row.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain(VALUE);
    assertThat(indexOf(row.ciphertext(), VALUE.getBytes(StandardCharsets.UTF_8))).isEqualTo(-1);
  }

  @Test
  void everyWriteUsesAFreshNonce() {
    Set<String> nonces = new HashSet<>();
    Set<String> ciphertexts = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      store.put(A, SecretName.CJ_API_KEY, Secret.of(VALUE));
      SealedSecret row = rows.get(A, SecretName.CJ_API_KEY).orElseThrow();
      nonces.add(Arrays.toString(row.nonce()));
      ciphertexts.add(Arrays.toString(row.ciphertext()));
    }
    assertThat(nonces).hasSize(50);
    assertThat(ciphertexts).hasSize(50);
  }

  @Test
  void anyTamperedByteFailsToDecrypt() {
    store.put(A, SecretName.CJ_API_KEY, Secret.of(VALUE));
    SealedSecret good = rows.get(A, SecretName.CJ_API_KEY).orElseThrow();
    for (int i = 0; i < good.ciphertext().length; i++) {
      byte[] ct = good.ciphertext();
      ct[i] ^= 0x01;
      rows.put(A, SecretName.CJ_API_KEY, new SealedSecret("k1", good.nonce(), ct));
      assertThatThrownBy(() -> store.get(A, SecretName.CJ_API_KEY))
          .isInstanceOf(SecretDecryptionException.class)
          .hasMessageContaining("cj.apiKey").hasMessageContaining("shop-a").hasMessageNotContaining(VALUE);
    }
    byte[] nonce = good.nonce();
    nonce[0] ^= 0x01;
    rows.put(A, SecretName.CJ_API_KEY, new SealedSecret("k1", nonce, good.ciphertext()));
    assertThatThrownBy(() -> store.get(A, SecretName.CJ_API_KEY)).isInstanceOf(SecretDecryptionException.class);
    rows.put(A, SecretName.CJ_API_KEY, good);
    assertThat(store.get(A, SecretName.CJ_API_KEY).orElseThrow().reveal()).isEqualTo(VALUE);
  }

  @Test
  void theWrongKeyFailsToDecrypt() {
    store.put(A, SecretName.CJ_API_KEY, Secret.of(VALUE));
    EncryptedSecretStore wrong =
        EncryptedSecretStore.builder().keyRing(SecretKeyRing.of("k1", key2)).storage(rows).build();
    assertThatThrownBy(() -> wrong.get(A, SecretName.CJ_API_KEY))
        .isInstanceOf(SecretDecryptionException.class)
        .hasMessageContaining("authentication failed with key \"k1\"")
        .hasMessageNotContaining(VALUE);

    EncryptedSecretStore unknown =
        EncryptedSecretStore.builder().keyRing(SecretKeyRing.of("k9", key1)).storage(rows).build();
    assertThatThrownBy(() -> unknown.get(A, SecretName.CJ_API_KEY))
        .isInstanceOf(SecretDecryptionException.class)
        .hasMessageContaining("key id \"k1\" is not in the key ring");
  }

  @Test
  void aCiphertextMovedToAnotherTenantOrNameFailsToDecrypt() {
    store.put(A, SecretName.CJ_API_KEY, Secret.of(VALUE));
    SealedSecret row = rows.get(A, SecretName.CJ_API_KEY).orElseThrow();

    rows.put(B, SecretName.CJ_API_KEY, row);
    assertThatThrownBy(() -> store.get(B, SecretName.CJ_API_KEY))
        .isInstanceOf(SecretDecryptionException.class)
        .satisfies(e -> assertThat(((SecretDecryptionException) e).tenant()).isEqualTo(B));
    rows.put(A, SecretName.CJ_OPEN_ID, row);
    assertThatThrownBy(() -> store.get(A, SecretName.CJ_OPEN_ID))
        .isInstanceOf(SecretDecryptionException.class)
        .satisfies(e -> assertThat(((SecretDecryptionException) e).name()).isEqualTo(SecretName.CJ_OPEN_ID));
    assertThat(store.get(A, SecretName.CJ_API_KEY).orElseThrow().reveal()).isEqualTo(VALUE);
  }

  @Test
  void theAdditionalDataIsUnambiguous() {
    // "a:" + "b" must not authenticate as "a" + ":b": lengths are part of the encoding
    assertThat(EncryptedSecretStore.aad(TenantId.of("ab"), SecretName.of("c"), "k"))
        .isNotEqualTo(EncryptedSecretStore.aad(TenantId.of("a"), SecretName.of("bc"), "k"));
  }

  @Test
  void rotationReencryptsUnderThePrimaryKeyAndTheOldKeyCanThenBeDropped() {
    store.put(A, SecretName.CJ_API_KEY, Secret.of(VALUE));
    store.put(A, SecretName.CJ_OPEN_ID, Secret.of("1234567890"));
    store.put(B, SecretName.CJ_API_KEY, Secret.of("b-key"));
    EncryptedSecretStore both = EncryptedSecretStore.builder()
        .keyRing(SecretKeyRing.builder().key("k1", key1).key("k2", key2).primary("k2").build())
        .storage(rows).build();
    assertThat(both.get(A, SecretName.CJ_API_KEY).orElseThrow().reveal()).isEqualTo(VALUE);

    assertThat(both.rotate(A)).isEqualTo(2);
    assertThat(both.rotate(A)).isZero();
    assertThat(rows.get(A, SecretName.CJ_API_KEY).orElseThrow().keyId()).isEqualTo("k2");
    assertThat(rows.get(B, SecretName.CJ_API_KEY).orElseThrow().keyId()).isEqualTo("k1");

    EncryptedSecretStore onlyNew =
        EncryptedSecretStore.builder().keyRing(SecretKeyRing.of("k2", key2)).storage(rows).build();
    assertThat(onlyNew.get(A, SecretName.CJ_API_KEY).orElseThrow().reveal()).isEqualTo(VALUE);
    assertThat(onlyNew.get(A, SecretName.CJ_OPEN_ID).orElseThrow().reveal()).isEqualTo("1234567890");
    assertThatThrownBy(() -> onlyNew.get(B, SecretName.CJ_API_KEY)).isInstanceOf(SecretDecryptionException.class);
  }

  @Test
  void rotationNeverOverwritesAValueWrittenMeanwhile() {
    store.put(A, SecretName.CJ_API_KEY, Secret.of("old-value"));
    SealedSecret before = rows.get(A, SecretName.CJ_API_KEY).orElseThrow();
    EncryptedSecretStore both = EncryptedSecretStore.builder()
        .keyRing(SecretKeyRing.builder().key("k1", key1).key("k2", key2).primary("k2").build())
        .storage(new CiphertextStore() {
          private boolean raced;

          @Override
          public boolean replace(TenantId tenant, SecretName name, SealedSecret expected, SealedSecret next) {
            if (!raced) {
              raced = true;
              store.put(tenant, name, Secret.of("new-value")); // a concurrent writer gets in first
            }
            return rows.replace(tenant, name, expected, next);
          }

          @Override
          public void put(TenantId tenant, SecretName name, SealedSecret sealed) {
            rows.put(tenant, name, sealed);
          }

          @Override
          public java.util.Optional<SealedSecret> get(TenantId tenant, SecretName name) {
            return rows.get(tenant, name);
          }

          @Override
          public boolean delete(TenantId tenant, SecretName name) {
            return rows.delete(tenant, name);
          }

          @Override
          public java.util.List<SecretName> names(TenantId tenant) {
            return rows.names(tenant);
          }
        })
        .build();
    assertThat(before.keyId()).isEqualTo("k1");
    assertThat(both.rotate(A)).isZero();
    assertThat(store.get(A, SecretName.CJ_API_KEY).orElseThrow().reveal()).isEqualTo("new-value");
  }

  @Test
  void keysAreValidatedWithoutPrintingThem() {
    assertThatThrownBy(() -> SecretKeyRing.of("k1", new byte[31]))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("key").hasMessageContaining("31 bytes")
        .hasMessageContaining("must be 32 bytes");
    assertThatThrownBy(() -> SecretKeyRing.of("bad id", new byte[32])).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("keyId");
    assertThatThrownBy(() -> SecretKeyRing.builder().key("a", key1).key("b", key2).build())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("primary");
    assertThatThrownBy(() -> SecretKeyRing.builder().key("a", key1).primary("z").build())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("\"z\"");
    assertThatThrownBy(() -> SecretKeyRing.builder().key("a", key1).key("a", key2))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("once");
    assertThatThrownBy(() -> SecretKeyRing.builder().build()).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> EncryptedSecretStore.builder().storage(rows).build())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("keyRing");
  }

  @Test
  void keyBytesAreCopiedSoTheCallerCanWipeThem() {
    byte[] k = SecretKeyRing.generateKey();
    EncryptedSecretStore s = EncryptedSecretStore.builder().keyRing(SecretKeyRing.of("k", k)).storage(rows).build();
    Arrays.fill(k, (byte) 0);
    s.put(A, SecretName.CJ_API_KEY, Secret.of(VALUE));
    assertThat(s.get(A, SecretName.CJ_API_KEY).orElseThrow().reveal()).isEqualTo(VALUE);
    EncryptedSecretStore zero =
        EncryptedSecretStore.builder().keyRing(SecretKeyRing.of("k", new byte[32])).storage(rows).build();
    assertThatThrownBy(() -> zero.get(A, SecretName.CJ_API_KEY)).isInstanceOf(SecretDecryptionException.class);
  }

  @Test
  void nothingPrintsTheSecretOrTheKey() {
    Secret s = Secret.of(VALUE);
    store.put(A, SecretName.CJ_API_KEY, s);
    SealedSecret row = rows.get(A, SecretName.CJ_API_KEY).orElseThrow();
    TenantOnboarding onboarding = TenantOnboarding.builder()
        .tenant(dev.dropsync.inventory.Tenant.of(A, dev.dropsync.inventory.Plan.FREE, java.util.Currency.getInstance("USD")))
        .cjApiKey(s).cjOpenId(Secret.of("987654321")).build();
    for (Object o : new Object[] {s, row, store, store.keyRing(), onboarding}) {
      assertThat(o.toString()).doesNotContain(VALUE).doesNotContain("987654321")
          .doesNotContain(Arrays.toString(key1)).doesNotContain(java.util.HexFormat.of().formatHex(key1));
    }
    assertThat(s.toString()).isEqualTo("Secret[redacted]");
    assertThat(row.toString()).contains("k1");
  }

  @Test
  void blankSecretsAreRefusedWithoutTheirValue() {
    assertThatThrownBy(() -> Secret.of("   ")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("3 blank characters");
    assertThatThrownBy(() -> Secret.of((String) null)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void secretsCompareInConstantTimeAndCanBeWiped() {
    Secret a = Secret.of(VALUE);
    char[] chars = VALUE.toCharArray();
    Secret b = Secret.of(chars);
    Arrays.fill(chars, 'x');
    assertThat(a.sameValue(b)).isTrue();
    assertThat(a.sameValue(Secret.of(VALUE + "!"))).isFalse();
    assertThat(a).isNotEqualTo(b);
    assertThat(new String(a.utf8(), StandardCharsets.UTF_8)).isEqualTo(VALUE);
    a.destroy();
    assertThat(a.isDestroyed()).isTrue();
    assertThatThrownBy(a::reveal).isInstanceOf(IllegalStateException.class).hasMessageNotContaining(VALUE);
    assertThat(b.reveal()).isEqualTo(VALUE);
  }

  @Test
  void secretNamesAreValidated() {
    assertThat(SecretName.of("cj.apiKey")).isEqualTo(SecretName.CJ_API_KEY);
    assertThatThrownBy(() -> SecretName.of("")).isInstanceOf(InvalidInputException.class).hasMessageContaining("secretName");
    assertThatThrownBy(() -> SecretName.of("has space")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> SecretName.of(".hidden")).isInstanceOf(InvalidInputException.class);
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
