package dev.dropsync.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dropsync.automation.EncryptedSecretStore;
import dev.dropsync.automation.Secret;
import dev.dropsync.automation.SecretDecryptionException;
import dev.dropsync.automation.SecretKeyRing;
import dev.dropsync.automation.SecretName;
import dev.dropsync.automation.spi.SealedSecret;
import dev.dropsync.inventory.TenantId;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * What {@link JdbcCiphertextStore} puts in the database: ciphertext only. The raw rows are read as
 * the schema owner (row-level security off), every column as text and as bytes, and searched for
 * the plaintext in every encoding a careless store might use.
 */
class JdbcCiphertextStoreTest {
  private static final TenantId A = TenantId.of("tenant-a");
  private static final TenantId B = TenantId.of("tenant-b");
  private static final String API_KEY = "CJ-API-KEY-0123456789abcdef-do-not-leak";

  private static EncryptedSecretStore secrets(DataSource app, byte[] key) {
    return EncryptedSecretStore.builder().keyRing(SecretKeyRing.of("2026-11", key))
        .storage(new JdbcCiphertextStore(app)).build();
  }

  @Test
  void thePlaintextApiKeyAppearsInNoColumnOfTheRawRow() throws SQLException {
    DataSource app = TestDatabase.get().fresh();
    EncryptedSecretStore store = secrets(app, SecretKeyRing.generateKey());
    store.put(A, SecretName.CJ_API_KEY, Secret.of(API_KEY));
    store.put(A, SecretName.CJ_OPEN_ID, Secret.of("1000000000123"));

    List<byte[]> cells = rawCells("SELECT * FROM secret_ciphertexts WHERE tenant_id = 'tenant-a'");
    assertThat(cells).as("two rows were read").hasSizeGreaterThanOrEqualTo(2 * 6);
    assertThat(leaks(cells, API_KEY)).as("cells containing the API key").isEmpty();
    assertThat(leaks(cells, "1000000000123")).as("cells containing the openId").isEmpty();
    // the row as a whole, as PostgreSQL prints it (bytea in hex), and the table's text dump
    assertThat(leaks(rawCells("SELECT row_to_json(s)::text FROM secret_ciphertexts s"), API_KEY)).isEmpty();
    assertThat(TestDatabase.get().dump("SELECT * FROM secret_ciphertexts")).doesNotContain(API_KEY)
        .doesNotContain(hex(API_KEY)).contains("2026-11");
    // and yet it is there, for the key ring
    assertThat(store.get(A, SecretName.CJ_API_KEY).orElseThrow().reveal()).isEqualTo(API_KEY);
  }

  @Test
  void theLeakCheckFindsAPlaintextThatIsStored() throws SQLException {
    DataSource app = TestDatabase.get().fresh();
    byte[] nonce = new byte[SealedSecret.NONCE_BYTES];
    byte[] plain = (API_KEY + "-padding").getBytes(StandardCharsets.UTF_8);
    new JdbcCiphertextStore(app).put(A, SecretName.CJ_API_KEY, new SealedSecret("k1", nonce, plain));
    assertThat(leaks(rawCells("SELECT * FROM secret_ciphertexts"), API_KEY))
        .as("the ciphertext cell, found as bytes and in its hex text form").hasSize(2);
    assertThat(leaks(rawCells("SELECT row_to_json(s)::text FROM secret_ciphertexts s"), API_KEY)).hasSize(1);
  }

  @Test
  void aCiphertextCopiedToAnotherTenantInSqlDoesNotDecrypt() throws SQLException {
    DataSource app = TestDatabase.get().fresh();
    byte[] key = SecretKeyRing.generateKey();
    secrets(app, key).put(A, SecretName.CJ_API_KEY, Secret.of(API_KEY));
    try (Connection c = TestDatabase.get().admin().getConnection(); Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO secret_ciphertexts (tenant_id, name, key_id, nonce, ciphertext) "
          + "SELECT 'tenant-b', name, key_id, nonce, ciphertext FROM secret_ciphertexts WHERE tenant_id = 'tenant-a'");
    }
    EncryptedSecretStore store = secrets(app, key);
    assertThat(store.names(B)).containsExactly(SecretName.CJ_API_KEY);
    assertThatThrownBy(() -> store.get(B, SecretName.CJ_API_KEY)).isInstanceOf(SecretDecryptionException.class)
        .hasMessageNotContaining(API_KEY);
    assertThat(store.get(A, SecretName.CJ_API_KEY).orElseThrow().reveal()).isEqualTo(API_KEY);
  }

  @Test
  void everyWriteUsesAFreshNonce() {
    DataSource app = TestDatabase.get().fresh();
    EncryptedSecretStore store = secrets(app, SecretKeyRing.generateKey());
    JdbcCiphertextStore rows = new JdbcCiphertextStore(app);
    store.put(A, SecretName.CJ_API_KEY, Secret.of(API_KEY));
    SealedSecret first = rows.get(A, SecretName.CJ_API_KEY).orElseThrow();
    store.put(A, SecretName.CJ_API_KEY, Secret.of(API_KEY));
    SealedSecret second = rows.get(A, SecretName.CJ_API_KEY).orElseThrow();
    assertThat(second.nonce()).isNotEqualTo(first.nonce());
    assertThat(second.ciphertext()).isNotEqualTo(first.ciphertext());
  }

  /** Every cell of the query's rows, as the bytes the driver returns and as its text form. */
  private static List<byte[]> rawCells(String sql) throws SQLException {
    List<byte[]> out = new ArrayList<>();
    try (Connection c = TestDatabase.get().admin().getConnection();
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        for (int i = 1; i <= md.getColumnCount(); i++) {
          byte[] bytes = "bytea".equals(md.getColumnTypeName(i)) ? rs.getBytes(i) : null;
          String text = rs.getString(i);
          out.add(bytes != null ? bytes : text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8));
          if (bytes != null && text != null) {
            out.add(text.getBytes(StandardCharsets.UTF_8));
          }
        }
      }
    }
    return out;
  }

  /** The cells holding {@code plain} as UTF-8, UTF-16, hex or Base64. */
  private static List<byte[]> leaks(List<byte[]> cells, String plain) {
    List<byte[]> needles = List.of(plain.getBytes(StandardCharsets.UTF_8), plain.getBytes(StandardCharsets.UTF_16BE),
        plain.getBytes(StandardCharsets.UTF_16LE), hex(plain).getBytes(StandardCharsets.US_ASCII),
        hex(plain).toUpperCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII),
        java.util.Base64.getEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8))
            .substring(0, 20).getBytes(StandardCharsets.US_ASCII));
    List<byte[]> out = new ArrayList<>();
    for (byte[] cell : cells) {
      if (needles.stream().anyMatch(n -> indexOf(cell, n) >= 0)) {
        out.add(cell);
      }
    }
    return out;
  }

  private static String hex(String s) {
    return HexFormat.of().formatHex(s.getBytes(StandardCharsets.UTF_8));
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
