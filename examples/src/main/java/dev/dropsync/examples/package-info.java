/**
 * Runnable examples of dropsync, each a small class with a {@code main} and a command of {@code
 * examples/target/dropsync-examples.jar} ({@link dev.dropsync.examples.Main}):
 *
 * <ul>
 *   <li>{@link dev.dropsync.examples.ImportAndSyncExample} — CJ catalogue imported under a markup
 *       rule and synced ({@code import-sync});
 *   <li>{@link dev.dropsync.examples.FulfilOrderExample} — one order through the fulfilment engine
 *       with CJ as supplier ({@code fulfil});
 *   <li>{@link dev.dropsync.examples.SchedulesExample} — the automation's default plan schedules
 *       ({@code schedules});
 *   <li>{@link dev.dropsync.examples.WebhookServerExample} — a CJ webhook endpoint on the JDK HTTP
 *       server ({@code webhooks});
 *   <li>{@link dev.dropsync.examples.SecondSupplierExample} — a local warehouse next to CJ through
 *       the supplier SPIs ({@code second-supplier});
 *   <li>the demo, {@link dev.dropsync.examples.demo.Demo} ({@code demo}), and {@code quickstart}.
 * </ul>
 *
 * They run against the CJ simulator of cj-testkit, in this process ({@link
 * dev.dropsync.examples.EmbeddedCj}). Not a library: nothing here is API.
 */
@NullMarked
package dev.dropsync.examples;

import org.jspecify.annotations.NullMarked;
