package dev.skiff.rpc.protocol;

import java.util.Arrays;

/**
 * The last field ids of the structs enclosing the current one, which the compact protocol's field
 * id deltas need once a nested struct ends. Kept by {@link CompactProtocolReader} and {@link
 * CompactProtocolWriter} as a {@code long} that holds the four innermost ids, 16 bits each with the
 * innermost in the low bits, and an array for ids pushed out of it by deeper nesting:
 *
 * <pre>
 *   held:     | id at depth d-4 | id at depth d-3 | id at depth d-2 | id at depth d-1 |
 *   spilled:  [ id at depth 0, id at depth 1, ... id at depth d-5 ]
 * </pre>
 *
 * So structs nested up to four deep, nearly every message, cost no array at all; a struct at the
 * top level pushes the 0 that the last field id always is outside every struct.
 */
final class FieldIdStack {
  /** How many ids {@code held} keeps. */
  static final int HELD = Long.SIZE / Short.SIZE;

  private FieldIdStack() {}

  /**
   * Returns {@code held} with {@code lastFieldId} pushed as the innermost id. Once {@link #HELD}
   * ids are held, {@link #spill} must save the outermost first.
   */
  static long push(long held, short lastFieldId) {
    return held << Short.SIZE | (lastFieldId & 0xffff);
  }

  /** The innermost id, the one the last {@link #push} saved. */
  static short top(long held) {
    return (short) held;
  }

  /**
   * Saves the outermost held id before a push at {@code depth} (at least {@link #HELD}) drops it.
   *
   * @param spilled the ids saved so far, or null if none were needed yet
   * @param depth the number of ids pushed so far
   * @return the array, made or grown as needed
   */
  static short[] spill(short[] spilled, int depth, long held) {
    int slot = depth - HELD;
    if (spilled == null) {
      spilled = new short[8];
    } else if (slot >= spilled.length) {
      spilled = Arrays.copyOf(spilled, spilled.length * 2);
    }
    spilled[slot] = (short) (held >>> (Long.SIZE - Short.SIZE));
    return spilled;
  }

  /**
   * Returns {@code held} without its innermost id, refilled from {@code spilled} when ids were
   * spilled.
   *
   * @param depth the number of ids pushed that remain after this pop
   */
  static long pop(long held, short[] spilled, int depth) {
    held >>>= Short.SIZE;
    if (depth >= HELD) {
      held |= (long) (spilled[depth - HELD] & 0xffff) << (Long.SIZE - Short.SIZE);
    }
    return held;
  }
}
