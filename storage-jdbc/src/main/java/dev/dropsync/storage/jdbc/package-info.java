/**
 * PostgreSQL (14 and later) implementations of every dropsync store SPI, on plain JDBC over a
 * {@link javax.sql.DataSource} the host supplies.
 *
 * <p>The schema ships as Flyway migrations in this jar ({@link dev.dropsync.storage.jdbc.DropsyncSchema});
 * a host may run them with {@link dev.dropsync.storage.jdbc.DropsyncSchema#migrate} or export the SQL
 * with {@link dev.dropsync.storage.jdbc.DropsyncSchema#migrationScripts()} and apply it its own way.
 *
 * <p><b>Tenant isolation in the database.</b> Every tenant-owned row carries {@code tenant_id}, and
 * every such table has a PostgreSQL row-level-security policy that admits only rows whose tenant is
 * the transaction's {@code dropsync.tenant_id} setting. The stores set it with {@code set_config(...,
 * true)} (the same as {@code SET LOCAL}) at the start of each transaction, so even a faulty query
 * cannot read or write another tenant's rows. Connect as a role that is not a superuser and does not
 * have {@code BYPASSRLS}: superusers skip row-level security.
 *
 * <p><b>System scope.</b> The scheduler's claim loop works across tenants: {@link
 * dev.dropsync.storage.jdbc.JdbcTaskStore} runs in the {@code system} scope ({@code
 * dropsync.scope}), which only the scheduler tables' policies admit. {@link
 * dev.dropsync.storage.jdbc.DropsyncSchema#restrictSystemScope} narrows it to the scheduler's own
 * database role.
 *
 * <pre>{@code
 * DropsyncSchema.migrate(ownerPool);
 * DropsyncSchema.grantTo(ownerPool, "dropsync_app");
 * InventoryStore inventory = new JdbcInventoryStore(appPool);
 * TaskStore tasks = JdbcTaskStore.builder(appPool).heartbeatClock(JdbcTaskStore.HeartbeatClock.DATABASE).build();
 * }</pre>
 */
@NullMarked
package dev.dropsync.storage.jdbc;

import org.jspecify.annotations.NullMarked;
