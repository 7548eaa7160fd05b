package dev.skiff.rpc.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The compact protocol's stack of enclosing structs' last field ids. */
class FieldIdStackTest {
  @Test
  void aTopLevelStructSavesNothingAndMakesNoArray() {
    short[] stack = FieldIdStack.push(null, 0, (short) 0);
    assertNull(stack);
    assertEquals(0, FieldIdStack.pop(stack, 0));
  }

  @Test
  void nestingDeeperThanTheFirstArrayGrowsItAndGivesEveryIdBack() {
    short[] stack = null;
    for (int depth = 0; depth < 40; depth++) {
      stack = FieldIdStack.push(stack, depth, (short) (depth == 0 ? 0 : 1000 + depth));
    }
    for (int depth = 39; depth >= 0; depth--) {
      assertEquals(depth == 0 ? 0 : 1000 + depth, FieldIdStack.pop(stack, depth));
    }
  }
}
