package dev.dropsync.cj;

import dev.dropsync.cj.internal.HttpCore;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Waits for the futures of the {@code …Async} calls the way the blocking calls do: the result, or
 * the call's own {@link CjException} rethrown unwrapped (never a {@code CompletionException} or
 * {@code ExecutionException}). Use it to start several async calls — which the client's rate
 * limiter paces without blocking a thread each — and then collect them in order:
 *
 * <pre>{@code
 * List<CompletableFuture<ProductDetail>> calls = pids.stream()
 *     .map(pid -> cj.products().getByPidAsync(pid, RequestOptions.none())).toList();
 * for (CompletableFuture<ProductDetail> call : calls) {
 *   ProductDetail detail = CjFutures.await(call, "/product/query");   // throws CjException
 * }
 * }</pre>
 *
 * <p>Thread-safe; holds no state.
 *
 * @since 0.1.0
 */
public final class CjFutures {
  private CjFutures() {}

  /**
   * Blocks until {@code future} completes and returns its value.
   *
   * @param future a future returned by a {@code …Async} call of a {@link CjClient}
   * @param endpoint the endpoint's path, for the message of an interruption or cancellation
   * @return the call's result
   * @throws CjException the call's own exception, unwrapped; a {@link CjTransportException} if
   *     the waiting thread was interrupted (the call is then cancelled and the interrupt flag kept)
   *     or the future was cancelled
   * @since 0.1.0
   */
  public static <T> T await(CompletableFuture<T> future, String endpoint) {
    return HttpCore.await(Objects.requireNonNull(future, "future"), Objects.requireNonNull(endpoint, "endpoint"));
  }
}
