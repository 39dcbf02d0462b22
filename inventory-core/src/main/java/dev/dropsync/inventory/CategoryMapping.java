package dev.dropsync.inventory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Maps a supplier's category path (e.g. {@code [Home & Garden, Kitchen, Knives]}) to the store's
 * category and tags. Immutable and thread-safe; build with {@link #builder()}.
 *
 * <p>The entry with the longest matching path prefix wins (segments compared case-insensitively);
 * its tags are joined by the path's own tags if {@link Builder#keepPathTags(boolean)} is on
 * (default on). Without a matching entry the category is the path's last segment and the tags are
 * the path's segments as lower-case slugs ({@code "home-garden"}, {@code "kitchen"}, …).
 *
 * @since 0.1.0
 */
public final class CategoryMapping {
  private final Map<String, Entry> entries;
  private final boolean keepPathTags;

  private CategoryMapping(Builder b) {
    this.entries = new TreeMap<>(b.entries);
    this.keepPathTags = b.keepPathTags;
  }

  /** The mapping with no entries: last segment as category, path slugs as tags. */
  public static CategoryMapping defaults() {
    return builder().build();
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The category and tags for {@code categoryPath}.
   *
   * @param categoryPath outermost first; may be empty (category {@code ""}, no tags)
   */
  public Assignment map(List<String> categoryPath) {
    Set<String> pathTags = new LinkedHashSet<>();
    for (String segment : categoryPath) {
      String slug = slug(segment);
      if (!slug.isEmpty()) {
        pathTags.add(slug);
      }
    }
    for (int n = categoryPath.size(); n > 0; n--) {
      Entry e = entries.get(key(categoryPath.subList(0, n)));
      if (e != null) {
        Set<String> tags = new LinkedHashSet<>(e.tags);
        if (keepPathTags) {
          tags.addAll(pathTags);
        }
        return new Assignment(e.category, List.copyOf(tags));
      }
    }
    String category = categoryPath.isEmpty() ? "" : categoryPath.get(categoryPath.size() - 1).trim();
    return new Assignment(category, List.copyOf(pathTags));
  }

  static String slug(String segment) {
    String s = segment.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-");
    return s.replaceAll("^-+|-+$", "");
  }

  private static String key(List<String> path) {
    List<String> norm = new ArrayList<>(path.size());
    for (String s : path) {
      norm.add(s.trim().toLowerCase(Locale.ROOT));
    }
    return String.join("\u0000", norm);
  }

  private record Entry(String category, List<String> tags) {}

  /**
   * A mapped category and tags.
   *
   * @param category the store's category, or {@code ""}
   * @param tags the tags, without duplicates, in order
   * @since 0.1.0
   */
  public record Assignment(String category, List<String> tags) {
    /** Copies the tags. */
    public Assignment {
      Objects.requireNonNull(category, "category");
      tags = List.copyOf(tags);
    }
  }

  /** Builds a {@link CategoryMapping}. Not thread-safe. @since 0.1.0 */
  public static final class Builder {
    private final Map<String, Entry> entries = new TreeMap<>();
    private boolean keepPathTags = true;

    private Builder() {}

    /**
     * Maps every path starting with {@code supplierPathPrefix} to {@code category} and {@code tags}.
     *
     * @param supplierPathPrefix the path prefix, outermost first; not empty
     * @throws InvalidInputException if the prefix is empty or the category blank
     */
    public Builder map(List<String> supplierPathPrefix, String category, String... tags) {
      if (supplierPathPrefix.isEmpty()) {
        throw new InvalidInputException("supplierPathPrefix", "[]", "must not be empty");
      }
      if (category.isBlank()) {
        throw new InvalidInputException("category", category, "must not be blank");
      }
      entries.put(key(supplierPathPrefix), new Entry(category, List.of(tags)));
      return this;
    }

    /** Whether mapped entries also get the path's slug tags (default true). */
    public Builder keepPathTags(boolean keep) {
      this.keepPathTags = keep;
      return this;
    }

    /** The mapping. */
    public CategoryMapping build() {
      return new CategoryMapping(this);
    }
  }
}
