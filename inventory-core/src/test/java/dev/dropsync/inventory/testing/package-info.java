/**
 * Test helpers published in the test-jar: {@link dev.dropsync.inventory.testing.InventoryFixture}
 * (an in-memory engine with a scriptable supplier, a mutable clock and an event recorder, plus
 * one-line seeding of tenants and products), {@link dev.dropsync.inventory.testing.MutableClock}
 * and {@link dev.dropsync.inventory.testing.RecordingListener}.
 */
@NullMarked
package dev.dropsync.inventory.testing;

import org.jspecify.annotations.NullMarked;
