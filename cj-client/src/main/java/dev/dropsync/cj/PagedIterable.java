package dev.dropsync.cj;

import dev.dropsync.cj.model.Page;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * Items across all pages of a CJ listing, fetched lazily: the next page is requested only when
 * iteration reaches it. Each {@link #iterator()} starts again from the first page of the original
 * request (same filter and options). Failures are rethrown as the original {@link CjException}.
 * {@link #nextPageNumber()} tells where to resume after an interruption.
 *
 * <p>Iterators are not thread-safe; use one per thread.
 *
 * @param <T> item type
 * @since 0.1.0
 */
public final class PagedIterable<T> implements Iterable<T> {
  private final int firstPage;
  private final IntFunction<Page<T>> fetcher;
  private final long maxItems;
  private volatile int nextPage;
  private volatile int pagesFetched;

  PagedIterable(int firstPage, IntFunction<Page<T>> fetcher) {
    this(firstPage, fetcher, Long.MAX_VALUE);
  }

  private PagedIterable(int firstPage, IntFunction<Page<T>> fetcher, long maxItems) {
    this.firstPage = firstPage;
    this.fetcher = fetcher;
    this.nextPage = firstPage;
    this.maxItems = maxItems;
  }

  /**
   * A view that yields at most {@code maxItems} items and fetches no page beyond the one holding the
   * last of them.
   *
   * @param maxItems the maximum number of items, at least 0
   * @return a new lazy iterable over the same pages
   * @throws CjInvalidRequestException when {@code maxItems} is negative
   * @since 0.1.0
   */
  public PagedIterable<T> limit(long maxItems) {
    if (maxItems < 0) {
      throw CjInvalidRequestException.of("PagedIterable", "maxItems", maxItems, "maxItems must be >= 0 but was " + maxItems);
    }
    return new PagedIterable<>(firstPage, fetcher, maxItems);
  }

  /**
   * The page number the most recent iterator will fetch next; pass it as {@code pageNum} to resume.
   *
   * @return the next page number (1-based)
   * @since 0.1.0
   */
  public int nextPageNumber() {
    return nextPage;
  }

  /**
   * How many pages the most recent iterator has fetched.
   *
   * @return pages fetched
   * @since 0.1.0
   */
  public int pagesFetched() {
    return pagesFetched;
  }

  /**
   * A lazy iterator over all items; fetches page by page.
   *
   * @return a new iterator starting at the first page
   * @throws CjException from {@code hasNext()} when a page fetch fails
   * @since 0.1.0
   */
  @Override
  public Iterator<T> iterator() {
    nextPage = firstPage;
    pagesFetched = 0;
    return new Iterator<T>() {
      private @Nullable Iterator<T> current;
      private boolean more = true;
      private long returned;

      @Override
      public boolean hasNext() {
        if (returned >= maxItems) {
          return false;
        }
        while ((current == null || !current.hasNext()) && more) {
          int page = nextPage;
          Page<T> p = fetcher.apply(page);
          pagesFetched++;
          nextPage = page + 1;
          more = p.hasNext();
          current = p.items().iterator();
        }
        return current != null && current.hasNext();
      }

      @Override
      public T next() {
        if (!hasNext() || current == null) {
          throw new NoSuchElementException();
        }
        returned++;
        return current.next();
      }
    };
  }

  /**
   * A sequential lazy stream over all items.
   *
   * @return the stream
   * @since 0.1.0
   */
  public Stream<T> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false);
  }
}
