package dev.skiff.idl.javagen;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.CodeBlock;
import dev.skiff.idl.schema.Program;
import java.nio.file.Path;

/** IDL doc comments as Javadoc, and the {@code @Generated} annotation. */
final class Javadocs {
  private Javadocs() {}

  /**
   * {@code doc} as Javadoc text ending in a newline, or an empty block for an empty doc. A {@code
   * *}{@code /} would end the comment, a backslash-u would start a Unicode escape (javac reads them
   * even in comments) and an {@code @} starting a line would start a block tag, so these are
   * written as HTML entities.
   */
  static CodeBlock of(String doc) {
    String text = doc.strip();
    if (text.isEmpty()) {
      return CodeBlock.builder().build();
    }
    return CodeBlock.of("$L\n", escape(text));
  }

  /** Like {@link #of}, or the given fallback sentence when the IDL has no doc. */
  static CodeBlock orElse(String doc, String fallbackFormat, Object... args) {
    return doc.isBlank() ? CodeBlock.of(fallbackFormat + "\n", args) : of(doc);
  }

  /** The escaped text of {@code doc} on one paragraph, for {@code @param} lines. */
  static String inline(String doc) {
    return escape(doc.strip());
  }

  private static String escape(String text) {
    return text.replace("*/", "*&#47;")
        .replace("\\u", "&#92;u")
        .replaceAll("(?m)^(\\s*)@", "$1&#64;");
  }

  /** {@code @Generated(value = "dev.skiff.idl", comments = "from tutorial.thrift")}. */
  static AnnotationSpec generated(Program program) {
    Path file = program.path().getFileName();
    return AnnotationSpec.builder(RuntimeTypes.GENERATED)
        .addMember("value", "$S", "dev.skiff.idl")
        .addMember("comments", "$S", "from " + (file != null ? file : program.path()))
        .build();
  }
}
