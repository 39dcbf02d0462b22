package dev.dropsync.automation.spi;

import dev.dropsync.automation.SecretName;
import dev.dropsync.inventory.TenantId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link CiphertextStore} in memory (a concurrent map). Thread-safe; for tests, demos and
 * single-process hosts. Nothing survives a restart.
 *
 * @since 0.1.0
 */
public final class InMemoryCiphertextStore implements CiphertextStore {
  private record Key(TenantId tenant, SecretName name) {}

  private final ConcurrentHashMap<Key, SealedSecret> rows = new ConcurrentHashMap<>();

  /**
   * Creates an empty store.
   *
   * @since 0.1.0
   */
  public InMemoryCiphertextStore() {}

  @Override
  public void put(TenantId tenant, SecretName name, SealedSecret sealed) {
    rows.put(new Key(Objects.requireNonNull(tenant, "tenant"), Objects.requireNonNull(name, "name")),
        Objects.requireNonNull(sealed, "sealed"));
  }

  @Override
  public Optional<SealedSecret> get(TenantId tenant, SecretName name) {
    return Optional.ofNullable(rows.get(new Key(tenant, name)));
  }

  @Override
  public boolean replace(TenantId tenant, SecretName name, SealedSecret expected, SealedSecret next) {
    return rows.replace(new Key(tenant, name), Objects.requireNonNull(expected, "expected"),
        Objects.requireNonNull(next, "next"));
  }

  @Override
  public boolean delete(TenantId tenant, SecretName name) {
    return rows.remove(new Key(tenant, name)) != null;
  }

  @Override
  public List<SecretName> names(TenantId tenant) {
    List<SecretName> out = new ArrayList<>();
    for (Map.Entry<Key, SealedSecret> e : rows.entrySet()) {
      if (e.getKey().tenant().equals(tenant)) {
        out.add(e.getKey().name());
      }
    }
    out.sort(Comparator.comparing(SecretName::value));
    return out;
  }
}
