/**
 * A faithful simulator of the CJ Dropshipping Open API 2.0, served over real HTTP, for testing code that
 * talks to CJ. Start a {@link dev.dropsync.cj.testkit.CjSimulator}, point the client at
 * {@link dev.dropsync.cj.testkit.CjSimulator#baseUrl()} with {@link dev.dropsync.cj.testkit.CjSimulator#apiKey()},
 * drive time with a {@link dev.dropsync.cj.testkit.SimClock}, inject faults with
 * {@link dev.dropsync.cj.testkit.SimFaults} and assert on {@link dev.dropsync.cj.testkit.SimRecorder}.
 *
 * <pre>{@code
 * SimClock clock = SimClock.at(Instant.parse("2026-11-24T08:00:00Z"));
 * try (CjSimulator sim = CjSimulator.builder().clock(clock).products(200).seed(7).build().start()) {
 *   sim.faults().next(Endpoint.CREATE_ORDER_V2, 1, Fault.lostResponse());
 *   // ... run the code under test against sim.baseUrl() / sim.apiKey() ...
 *   assertThat(sim.recorder().duplicateOrderNumbers()).isEmpty();
 * }
 * }</pre>
 */
@NullMarked
package dev.dropsync.cj.testkit;

import org.jspecify.annotations.NullMarked;
