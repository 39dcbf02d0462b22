package dev.dropsync.cj.internal;

import org.jspecify.annotations.Nullable;

/** A decoded CJ response envelope plus the HTTP facts needed for error mapping. */
public record Envelope(
    Endpoint endpoint,
    int httpStatus,
    @Nullable Integer code,
    @Nullable Boolean result,
    @Nullable Boolean success,
    @Nullable String message,
    @Nullable String requestId,
    @Nullable Object data,
    boolean hasData,
    @Nullable String retryAfter,
    boolean jsonBody) {

  public boolean isSuccess() {
    if (httpStatus < 200 || httpStatus > 299 || !jsonBody) {
      return false;
    }
    if (Boolean.FALSE.equals(result) || Boolean.FALSE.equals(success)) {
      return false;
    }
    if (code == null) {
      return Boolean.TRUE.equals(result) || Boolean.TRUE.equals(success);
    }
    return code == 200 || code == 0;
  }

  public Node.Ctx ctx() {
    return new Node.Ctx(endpoint.name(), requestId, httpStatus);
  }

  /** The {@code data} object, failing with a typed error naming the endpoint when absent. */
  public Node dataObject() {
    return Node.of(data, "data", ctx());
  }

  public java.util.List<Node> dataList() {
    if (data == null) {
      return java.util.List.of();
    }
    return Node.list(data, "data", ctx());
  }
}
