package dev.dropsync.automation;

/**
 * A tenant's webhook deliveries received in a window, by outcome.
 *
 * @param received log entries (verified or not)
 * @param duplicates later deliveries dropped as duplicates of those entries
 * @param rejected deliveries refused for their signature
 * @param queued verified messages not processed yet
 * @param applied messages applied
 * @param ignored messages with nothing to do
 * @param failed messages whose processing failed permanently
 * @since 0.1.0
 */
public record WebhookHealth(
    long received, long duplicates, long rejected, long queued, long applied, long ignored, long failed) {}
