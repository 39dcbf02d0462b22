package dev.dropsync.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dropsync.automation.spi.InMemoryCiphertextStore;
import dev.dropsync.automation.testing.AutomationFixture;
import dev.dropsync.cj.CjClient;
import dev.dropsync.cj.testkit.CjSimulator;
import dev.dropsync.cj.testkit.Endpoint;
import dev.dropsync.cj.testkit.RecordedCall;
import dev.dropsync.cj.testkit.SimClock;
import dev.dropsync.inventory.Plan;
import dev.dropsync.inventory.TenantId;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One CJ client per tenant, built with the tenant's own key from the secret store. */
class TenantCjClientsTest {
  private static final String KEY_B = "CJ4242@api@0123456789abcdef0123456789abcdef";
  private static final String OPEN_ID_B = "777000111";
  private final SimClock clock = SimClock.at(Instant.parse("2026-11-25T08:00:00Z"));
  private final CjSimulator sim = CjSimulator.builder().clock(clock).qps(2).qpsEnforced(false).products(5)
      .addAccount(KEY_B, OPEN_ID_B, 2).build().start();
  private final EncryptedSecretStore secrets = EncryptedSecretStore.builder()
      .keyRing(SecretKeyRing.of("k1", SecretKeyRing.generateKey())).storage(new InMemoryCiphertextStore()).build();
  private final TenantCjClients clients = TenantCjClients.builder().secrets(secrets)
      .configure((tenant, b) -> b.baseUrl(sim.baseUrl()).clock(clock).qps(2).sleeper(d -> {
        clock.advance(d);
        return CompletableFuture.completedFuture(null);
      }))
      .build();
  private final TenantId a = TenantId.of("shop-a");
  private final TenantId b = TenantId.of("shop-b");

  @AfterEach
  void close() {
    clients.close();
    sim.close();
  }

  private String accountOfLastBalanceCall() {
    java.util.List<RecordedCall> calls = sim.recorder().calls(Endpoint.GET_BALANCE);
    String openId = calls.get(calls.size() - 1).openId();
    return openId == null ? "none" : openId;
  }

  @Test
  void eachTenantGetsOneCachedClientWithItsOwnKey() {
    secrets.put(a, SecretName.CJ_API_KEY, Secret.of(sim.apiKey()));
    secrets.put(b, SecretName.CJ_API_KEY, Secret.of(KEY_B));
    Function<TenantId, CjClient> forTenant = clients;

    CjClient ca = forTenant.apply(a);
    CjClient cb = forTenant.apply(b);
    assertThat(forTenant.apply(a)).isSameAs(ca);
    assertThat(cb).isNotSameAs(ca);
    assertThat(clients.size()).isEqualTo(2);

    ca.payments().getBalance();
    assertThat(accountOfLastBalanceCall()).isEqualTo(sim.openId());
    cb.payments().getBalance();
    assertThat(accountOfLastBalanceCall()).isEqualTo(OPEN_ID_B);
    assertThat(ca.toString()).doesNotContain(sim.apiKey());
  }

  @Test
  void aTenantWithoutAKeyGetsATypedErrorWithoutAnyKeyInIt() {
    assertThatThrownBy(() -> clients.apply(a))
        .isInstanceOf(MissingSecretException.class)
        .hasMessageContaining("shop-a").hasMessageContaining("cj.apiKey")
        .satisfies(e -> assertThat(((MissingSecretException) e).name()).isEqualTo(SecretName.CJ_API_KEY));
    assertThat(clients.size()).isZero();
  }

  @Test
  void changingATenantsKeyThroughTheAutomationReplacesItsClient() {
    AutomationFixture fx = new AutomationFixture(bld -> bld.secrets(secrets).cjClients(clients));
    TenantAutomation ta = fx.onboard("shop-a", Plan.PRO); // stores the fixture's placeholder key
    ta.setCjCredentials(Secret.of(sim.apiKey()), null);
    CjClient first = clients.apply(a);
    first.payments().getBalance();
    assertThat(accountOfLastBalanceCall()).isEqualTo(sim.openId());

    ta.setCjCredentials(Secret.of(KEY_B), null);
    CjClient second = clients.apply(a);
    assertThat(second).isNotSameAs(first);
    second.payments().getBalance();
    assertThat(accountOfLastBalanceCall()).isEqualTo(OPEN_ID_B);

    ta.setCjCredentials(null, Secret.of("123"));
    assertThat(clients.apply(a)).isSameAs(second); // the openId is not the client's key
  }

  @Test
  void invalidateAndCloseReleaseTheClients() {
    secrets.put(a, SecretName.CJ_API_KEY, Secret.of(sim.apiKey()));
    CjClient first = clients.apply(a);
    assertThat(clients.invalidate(a)).isTrue();
    assertThat(clients.invalidate(a)).isFalse();
    assertThat(clients.apply(a)).isNotSameAs(first);
    clients.close();
    assertThat(clients.size()).isZero();
    assertThatThrownBy(() -> clients.apply(a)).isInstanceOf(IllegalStateException.class);
  }
}
