package dev.dropsync.storage.jdbc;

import dev.dropsync.automation.SecretName;
import dev.dropsync.automation.spi.CiphertextStore;
import dev.dropsync.automation.spi.SealedSecret;
import dev.dropsync.inventory.TenantId;
import dev.dropsync.storage.jdbc.internal.Tx;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A {@link CiphertextStore} on PostgreSQL: the rows under {@link
 * dev.dropsync.automation.EncryptedSecretStore} (table {@code secret_ciphertexts}, keyed by {@code
 * (tenant_id, name)}, columns {@code key_id text}, {@code nonce bytea}, {@code ciphertext bytea};
 * migration {@code V6__automation.sql}). It only ever sees {@link SealedSecret}s: the key ring stays
 * in the host, so a database dump, a replica or a support session with SQL access reveals no
 * secret. {@link #put} is an upsert ({@code INSERT … ON CONFLICT DO UPDATE}); {@link #replace} is a
 * compare-and-set on all three columns in one {@code UPDATE}, so key rotation never overwrites a
 * value written meanwhile; {@link #names} are sorted by code point ({@code COLLATE "C"}, the order
 * of {@link String#compareTo} for the ASCII names {@link SecretName} allows).
 *
 * <pre>{@code
 * SecretStore secrets = EncryptedSecretStore.builder()
 *     .keyRing(SecretKeyRing.of("2026-11", keyFromYourKms))
 *     .storage(new JdbcCiphertextStore(appPool))
 *     .build();
 * }</pre>
 *
 * <p>Every call is one transaction scoped to its tenant by row-level security; serialization
 * failures and deadlocks are retried, other database failures surface as {@link
 * JdbcStoreException} (whose message names the tenant and the secret's name, never bytes of it).
 * Thread-safe; holds nothing but the pool.
 *
 * @since 0.1.0
 */
public final class JdbcCiphertextStore implements CiphertextStore {
  private final Tx tx;

  /**
   * A store over {@code dataSource} (an application-role pool on a schema migrated with {@link
   * DropsyncSchema#migrate} and granted with {@link DropsyncSchema#grantTo}).
   *
   * @param dataSource the pool
   * @throws NullPointerException if {@code dataSource} is null
   * @since 0.1.0
   */
  public JdbcCiphertextStore(DataSource dataSource) {
    this.tx = new Tx(Objects.requireNonNull(dataSource, "dataSource"));
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public void put(TenantId tenant, SecretName name, SealedSecret sealed) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(sealed, "sealed");
    tx.inTenant(tenant.value(), "store secret " + name + " of tenant " + tenant, c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO secret_ciphertexts (tenant_id, name, key_id, nonce, "
          + "ciphertext, updated_at) VALUES (?, ?, ?, ?, ?, now()) ON CONFLICT (tenant_id, name) DO UPDATE "
          + "SET key_id = excluded.key_id, nonce = excluded.nonce, ciphertext = excluded.ciphertext, "
          + "updated_at = excluded.updated_at")) {
        ps.setString(1, tenant.value());
        ps.setString(2, name.value());
        ps.setString(3, sealed.keyId());
        ps.setBytes(4, sealed.nonce());
        ps.setBytes(5, sealed.ciphertext());
        return ps.executeUpdate();
      }
    });
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public Optional<SealedSecret> get(TenantId tenant, SecretName name) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(name, "name");
    return tx.inTenant(tenant.value(), "read secret " + name + " of tenant " + tenant, c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT key_id, nonce, ciphertext FROM secret_ciphertexts WHERE tenant_id = ? AND name = ?")) {
        ps.setString(1, tenant.value());
        ps.setString(2, name.value());
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(new SealedSecret(rs.getString(1), rs.getBytes(2), rs.getBytes(3)))
              : Optional.<SealedSecret>empty();
        }
      }
    });
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public boolean replace(TenantId tenant, SecretName name, SealedSecret expected, SealedSecret next) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(next, "next");
    return tx.inTenant(tenant.value(), "replace secret " + name + " of tenant " + tenant, c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE secret_ciphertexts SET key_id = ?, nonce = ?, "
          + "ciphertext = ?, updated_at = now() WHERE tenant_id = ? AND name = ? AND key_id = ? AND nonce = ? "
          + "AND ciphertext = ?")) {
        ps.setString(1, next.keyId());
        ps.setBytes(2, next.nonce());
        ps.setBytes(3, next.ciphertext());
        ps.setString(4, tenant.value());
        ps.setString(5, name.value());
        ps.setString(6, expected.keyId());
        ps.setBytes(7, expected.nonce());
        ps.setBytes(8, expected.ciphertext());
        return ps.executeUpdate() == 1;
      }
    });
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public boolean delete(TenantId tenant, SecretName name) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(name, "name");
    return tx.inTenant(tenant.value(), "delete secret " + name + " of tenant " + tenant, c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "DELETE FROM secret_ciphertexts WHERE tenant_id = ? AND name = ?")) {
        ps.setString(1, tenant.value());
        ps.setString(2, name.value());
        return ps.executeUpdate() == 1;
      }
    });
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public List<SecretName> names(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    return tx.inTenant(tenant.value(), "list secret names of tenant " + tenant, c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT name FROM secret_ciphertexts WHERE tenant_id = ? ORDER BY name")) {
        ps.setString(1, tenant.value());
        List<SecretName> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(SecretName.of(rs.getString(1)));
          }
        }
        return List.copyOf(out);
      }
    });
  }

  /**
   * Describes the store (no secret material: it holds none).
   *
   * @return {@code "JdbcCiphertextStore"}
   */
  @Override
  public String toString() {
    return "JdbcCiphertextStore";
  }
}
