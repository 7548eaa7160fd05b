// Enums: implicit, explicit, hex and negative values; annotations; doc comments; separators.
namespace java dev.skiff.corpus.enums

/** Implicit values: 0, 1, 2. */
enum Color {
  RED,
  GREEN,
  BLUE
}

enum Mixed {
  /** First explicit. */
  TEN = 10,
  ELEVEN;
  HEX = 0x1F
  NEGATIVE = -3
  AFTER_NEGATIVE
  PLUS = +7 (note = "a plus sign"),
  LAST (deprecated)
} (java.annotation = "x", flag)

enum Empty {
}
