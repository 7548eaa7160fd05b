package dev.skiff.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.skiff.interop.libthrift.interopConstants;
import dev.skiff.interop.skiff.Color;
import dev.skiff.interop.skiff.Defaults;
import dev.skiff.interop.skiff.InteropConstants;
import dev.skiff.interop.skiff.Level;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Constants, defaults and enums agree between Skiff's generated code and Apache Thrift's. */
class ConstantsAndDefaultsTest {
  @Test
  void constantsHaveLibthriftsValues() {
    assertEquals(interopConstants.MAX_ITEMS, InteropConstants.MAX_ITEMS);
    assertEquals(interopConstants.BIGGEST, InteropConstants.BIGGEST);
    assertEquals(interopConstants.PI, InteropConstants.PI);
    assertEquals(interopConstants.GREETING, InteropConstants.GREETING);
    assertEquals(interopConstants.YES, InteropConstants.YES);
    assertEquals(interopConstants.MINUTE, InteropConstants.MINUTE);
    assertEquals(interopConstants.WORDS, InteropConstants.WORDS);
    assertEquals(interopConstants.PRIMES, InteropConstants.PRIMES);
    assertEquals(
        ToSkiff.map(interopConstants.COLOR_NAMES, k -> k, ToSkiff::color),
        InteropConstants.COLOR_NAMES);
    assertEquals(ToSkiff.point(interopConstants.ORIGIN), InteropConstants.ORIGIN);
    assertEquals(ToSkiff.color(interopConstants.FAVORITE), InteropConstants.FAVORITE);
    assertEquals(ToSkiff.shape(interopConstants.UNIT_CIRCLE), InteropConstants.UNIT_CIRCLE);
    assertEquals(ToSkiff.tree(interopConstants.SAPLING), InteropConstants.SAPLING);
  }

  @Test
  void constantContainersKeepIdlOrder() {
    assertEquals(List.of(2, 3, 5, 7), List.copyOf(InteropConstants.PRIMES));
    assertEquals(List.of("red", "blue"), List.copyOf(InteropConstants.COLOR_NAMES.keySet()));
  }

  @Test
  void builderDefaultsAreLibthriftsConstructorDefaults() {
    Defaults skiff = Defaults.builder().build();
    Defaults libthrift = ToSkiff.defaults(new dev.skiff.interop.libthrift.Defaults());
    // The one documented difference: an optional field with a default starts set in Skiff's
    // builder (so it is written), unset in libthrift's constructor (its getter returns the default,
    // but the field is not written).
    assertEquals(42, skiff.optionalWithDefault());
    assertNull(libthrift.optionalWithDefault());
    assertEquals(libthrift, skiff.toBuilder().optionalWithDefault(null).build());
  }

  @Test
  void enumsHaveTheSameNamesAndValues() {
    assertEquals(
        Arrays.stream(dev.skiff.interop.libthrift.Color.values())
            .map(c -> c.name() + "=" + c.getValue())
            .toList(),
        Arrays.stream(Color.values()).map(c -> c.name() + "=" + c.value()).toList());
    assertEquals(
        Arrays.stream(dev.skiff.interop.libthrift.Level.values())
            .map(c -> c.name() + "=" + c.getValue())
            .toList(),
        Arrays.stream(Level.values()).map(c -> c.name() + "=" + c.value()).toList());
    assertEquals(
        List.of(0, 1, 2, 10, 11), Arrays.stream(Level.values()).map(Level::value).toList());
  }
}
