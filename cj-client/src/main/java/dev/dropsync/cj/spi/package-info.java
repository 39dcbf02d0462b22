/**
 * Extension points a host implements: {@link dev.dropsync.cj.spi.TokenStore} persists CJ tokens so a
 * restart reuses a live token (CJ allows one getAccessToken per five minutes), and {@link
 * dev.dropsync.cj.spi.Sleeper} performs the client's waits (rate limiter spacing, retry backoff) so
 * tests can run them on virtual time. {@link dev.dropsync.cj.spi.InMemoryTokenStore} is the default.
 */
@NullMarked
package dev.dropsync.cj.spi;

import org.jspecify.annotations.NullMarked;
