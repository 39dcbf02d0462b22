package dev.dropsync.cj.model;

import org.jspecify.annotations.Nullable;

/**
 * A successful answer to {@code CjClient.rawRequest}: the envelope's fields and {@code data} as JSON
 * text.
 *
 * @param httpStatus HTTP status
 * @param code CJ code, or {@code null}
 * @param message CJ message, or {@code null}
 * @param requestId CJ request id, or {@code null}
 * @param dataJson {@code data} re-encoded as JSON (numbers keep their exact text), {@code "null"}
 *     when absent
 * @since 0.1.0
 */
public record RawResponse(
    int httpStatus, @Nullable Integer code, @Nullable String message, @Nullable String requestId, String dataJson) {}
