package dev.skiff.idl.parser;

import java.util.ArrayList;
import java.util.List;

/** Turns the raw text of a {@code /** ... *}{@code /} comment into the prose it holds. */
final class DocComments {
  private DocComments() {}

  static String clean(String raw) {
    String body = raw.substring(3, raw.length() - 2);
    List<String> lines = new ArrayList<>();
    for (String line : body.split("\r?\n", -1)) {
      String stripped = line.strip();
      if (stripped.startsWith("*")) {
        stripped = stripped.substring(1);
        if (stripped.startsWith(" ")) {
          stripped = stripped.substring(1);
        }
      }
      lines.add(stripped.stripTrailing());
    }
    while (!lines.isEmpty() && lines.get(0).isBlank()) {
      lines.remove(0);
    }
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
      lines.remove(lines.size() - 1);
    }
    return String.join("\n", lines);
  }
}
