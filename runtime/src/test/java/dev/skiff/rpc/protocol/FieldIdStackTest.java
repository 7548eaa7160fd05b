package dev.skiff.rpc.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The compact protocol's stack of enclosing structs' last field ids. */
class FieldIdStackTest {
  @Test
  void fourLevelsAreHeldWithoutAnArray() {
    long held = 0;
    short[] spilled = null;
    for (int depth = 0; depth < FieldIdStack.HELD; depth++) {
      held = FieldIdStack.push(held, (short) (depth == 0 ? 0 : -depth * 1000));
    }
    assertNull(spilled);
    for (int depth = FieldIdStack.HELD - 1; depth >= 0; depth--) {
      assertEquals(depth == 0 ? 0 : -depth * 1000, FieldIdStack.top(held));
      held = FieldIdStack.pop(held, spilled, depth);
    }
    assertEquals(0, held);
  }

  @Test
  void nestingDeeperSpillsIntoAGrowingArrayAndGivesEveryIdBack() {
    long held = 0;
    short[] spilled = null;
    for (int depth = 0; depth < 40; depth++) {
      if (depth >= FieldIdStack.HELD) {
        spilled = FieldIdStack.spill(spilled, depth, held);
      }
      held = FieldIdStack.push(held, (short) (depth == 0 ? 0 : 1000 + depth * (depth % 2 * 2 - 1)));
    }
    for (int depth = 39; depth >= 0; depth--) {
      assertEquals(depth == 0 ? 0 : 1000 + depth * (depth % 2 * 2 - 1), FieldIdStack.top(held));
      held = FieldIdStack.pop(held, spilled, depth);
    }
    assertEquals(0, held);
  }
}
