package dev.dropsync.cj.internal;

/** A CJ endpoint: HTTP method, path below the base URL, retry and auth properties. */
public record Endpoint(String method, String path, boolean idempotent, boolean authenticated) {
  public String name() {
    return method + " " + path;
  }

  public static Endpoint get(String path) {
    return new Endpoint("GET", path, true, true);
  }

  public static Endpoint post(String path, boolean idempotent) {
    return new Endpoint("POST", path, idempotent, true);
  }

  @Override
  public String toString() {
    return name();
  }
}
