package dev.skiff.rpc.protocol;

import java.util.Arrays;

/**
 * The last field ids of the structs enclosing the current one, which the compact protocol's field
 * id deltas need once a nested struct ends. Kept by {@link CompactProtocolReader} and {@link
 * CompactProtocolWriter} as a plain array and a depth. A struct at the top level saves nothing:
 * outside every struct the last field id is always 0. So a message whose structs nest no further
 * than its arguments, the common case, makes no array at all.
 */
final class FieldIdStack {
  private FieldIdStack() {}

  /**
   * Saves the last field id of the struct at {@code depth} as a struct nested in it begins.
   *
   * @param stack the array so far, or null if none was needed yet
   * @param depth the depth of the struct that now has a nested one (0: none yet)
   * @param lastFieldId its last field id
   * @return the array, made or grown as needed
   */
  static short[] push(short[] stack, int depth, short lastFieldId) {
    if (depth == 0) {
      return stack;
    }
    if (stack == null) {
      stack = new short[8];
    } else if (depth > stack.length) {
      stack = Arrays.copyOf(stack, stack.length * 2);
    }
    stack[depth - 1] = lastFieldId;
    return stack;
  }

  /**
   * The last field id of the struct at {@code depth}, saved by {@link #push}, as its child ends.
   */
  static short pop(short[] stack, int depth) {
    return depth == 0 ? 0 : stack[depth - 1];
  }
}
