package dev.dropsync.cj.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Removes known secrets (API key, tokens, openId) from text that may reach users. */
public final class Redactor {
  private final List<String> secrets = new CopyOnWriteArrayList<>();

  public void add(String secret) {
    if (secret.length() >= 4 && !secrets.contains(secret)) {
      secrets.add(secret);
    }
  }

  public String redact(String text) {
    String out = text;
    for (String s : secrets) {
      if (out.contains(s)) {
        out = out.replace(s, "[redacted]");
      }
    }
    return out;
  }
}
