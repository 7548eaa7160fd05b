package dev.skiff.idl.javagen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.JavaFile;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Compiles the code generated from {@link SampleIdl} (and from programs in the default package and
 * with names that shadow {@code java.lang}) with {@code -Xlint:all -Werror --release 17} against
 * the runtime, loads it, and runs it: every sample value survives a write and a read through both
 * protocols, and the rules for required fields, unions, unknown fields and unknown enum values hold
 * on hand-made input.
 */
class GeneratedCodeTest {
  private static final List<String> PROTOCOLS = List.of("COMPACT", "BINARY");

  private static final String DEFAULT_PACKAGE =
      """
      enum Mode { ON = 1, OFF = 2 }
      struct Loose {
        1: required string name,
        2: optional Mode mode,
        3: list<Loose> more
      }
      union Either { 1: string left, 2: i32 right }
      exception Oops { 1: string message }
      const Mode DEFAULT_MODE = Mode.ON
      """;

  private static final String SHADOWING =
      """
      namespace java com.example.shadow
      struct String { 1: i32 x }
      struct Override { 1: string name, 2: String inner }
      enum Integer { ONE = 1 }
      union Object { 1: string text, 2: Integer number }
      struct Uses {
        1: string text,
        2: list<String> strings,
        3: map<string, Integer> numbers,
        4: Override override,
        5: Object object
      }
      const Integer FIRST = Integer.ONE
      """;

  /**
   * Fields named like the classes they use: Java reads such a simple name as the field, so fields
   * named like generated classes are renamed, and runtime and JDK classes are qualified.
   */
  private static final String OBSCURING =
      """
      enum Color { RED = 1 }
      struct Point { 1: i32 X, 2: i32 Y }
      struct Order {
        1: required Point Point,
        2: Color Color = Color.RED,
        3: list<Point> List,
        4: uuid UUID,
        5: map<string, string> Map,
        6: string TType,
        7: i32 Objects,
        8: optional set<Color> Set,
        9: string FieldChecks,
        10: list<string> ContainerCodec,
        11: string OrderedCollections,
        12: string ProtocolReader
      }
      union Choice { 1: Point Point, 2: string Kind, 3: Color Color }
      exception Problem { 1: string message, 2: Color Color, 3: double Double, 4: Point Point }
      const list<string> List = ["a"]
      const Color OrderedCollections = Color.RED
      const set<string> Letters = ["x"]
      """;

  @TempDir static Path output;

  private static ClassLoader loader;
  private static Class<?> harness;

  @BeforeAll
  static void compile() throws ClassNotFoundException {
    List<JavaFile> files = new ArrayList<>();
    files.addAll(JavaGenerator.generate(Idl.link(SampleIdl.files(), "everything.thrift")));
    files.addAll(JavaGenerator.generate(Idl.link("loose.thrift", DEFAULT_PACKAGE)));
    files.addAll(JavaGenerator.generate(Idl.link("shadow.thrift", SHADOWING)));
    files.addAll(
        JavaGenerator.generate(
            Idl.link("obscure.thrift", "namespace java com.example.obscure\n" + OBSCURING)));
    // The default package cannot be qualified: there, the fields are renamed instead.
    files.addAll(
        JavaGenerator.generate(
            Idl.link(
                "obscure.thrift", OBSCURING.replace("Point", "Spot").replace("Color", "Hue"))));
    loader =
        InMemoryCompiler.compile(
            files,
            List.of(InMemoryCompiler.source(Harness.CLASS_NAME, Harness.SOURCE)),
            RuntimeClasspath.get(),
            output);
    harness = loader.loadClass(Harness.CLASS_NAME);
  }

  private static Object call(String method, Object... args) {
    Class<?>[] types = new Class<?>[args.length];
    for (int i = 0; i < args.length; i++) {
      types[i] = args[i] instanceof String ? String.class : Object.class;
    }
    try {
      Method m = harness.getMethod(method, types);
      return m.invoke(null, args);
    } catch (InvocationTargetException e) {
      throw new AssertionError(method + " threw", e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  @TestFactory
  Stream<DynamicTest> everySampleSurvivesARoundTripThroughBothProtocols() {
    @SuppressWarnings("unchecked")
    Map<String, Object> samples = (Map<String, Object>) call("samples");
    assertTrue(samples.size() >= 20, "samples: " + samples.keySet());
    return PROTOCOLS.stream()
        .flatMap(
            protocol ->
                samples.entrySet().stream()
                    .map(
                        sample ->
                            DynamicTest.dynamicTest(
                                protocol + ": " + sample.getKey(),
                                () -> {
                                  Object read = call("roundTrip", protocol, sample.getValue());
                                  assertNotSame(sample.getValue(), read);
                                  assertEquals(sample.getValue(), read);
                                  assertEquals(sample.getValue().hashCode(), read.hashCode());
                                  assertEquals(sample.getValue().toString(), read.toString());
                                })));
  }

  @ParameterizedTest
  @ValueSource(strings = {"COMPACT", "BINARY"})
  void aMissingRequiredFieldIsAProtocolErrorNamingStructAndField(String protocol) {
    assertEquals(
        "ProtocolException: required field Point.y is missing",
        call("missingRequiredField", protocol));
  }

  @ParameterizedTest
  @ValueSource(strings = {"COMPACT", "BINARY"})
  void unknownFieldsAndFieldsOfTheWrongTypeAreSkipped(String protocol) {
    assertEquals("Point[x=1, y=2]", call("unknownAndMistypedFieldsSkipped", protocol));
  }

  @ParameterizedTest
  @ValueSource(strings = {"COMPACT", "BINARY"})
  void fieldsOutOfDeclarationOrderAreReadAndTheLastOfARepeatedFieldWins(String protocol) {
    assertEquals("Point[x=4, y=5]", call("outOfOrderAndRepeatedFields", protocol));
  }

  @ParameterizedTest
  @ValueSource(strings = {"COMPACT", "BINARY"})
  void absentFieldsTakeTheirDefaults(String protocol) {
    assertEquals("GREEN [7, 3] 1.5 true 0 null null", call("defaultsFillAbsentFields", protocol));
  }

  @ParameterizedTest
  @ValueSource(strings = {"COMPACT", "BINARY"})
  void unknownEnumValuesLeaveFieldsUnsetAndDropContainerElements(String protocol) {
    assertEquals("null [RED, BLUE] {GREEN=[kept]}", call("unknownEnumValues", protocol));
  }

  @ParameterizedTest
  @ValueSource(strings = {"COMPACT", "BINARY"})
  void anUnknownValueOfARequiredEnumFieldIsAProtocolError(String protocol) {
    assertEquals(
        "ProtocolException: required field User.favorite is missing or holds an enum value"
            + " unknown to this version of the IDL",
        call("unknownRequiredEnumValue", protocol));
  }

  @ParameterizedTest
  @ValueSource(strings = {"COMPACT", "BINARY"})
  void containersWithElementsOfTheWrongTypeAreSkipped(String protocol) {
    assertEquals("null null []", call("mistypedContainerElementsSkipped", protocol));
  }

  @ParameterizedTest
  @ValueSource(strings = {"COMPACT", "BINARY"})
  void aUnionWithoutAKnownFieldIsAProtocolError(String protocol) {
    assertEquals(
        "ProtocolException: union Shape has no field set (or only enum values unknown to this"
            + " version)",
        call("unionWithoutField", protocol));
    assertEquals(
        "ProtocolException: union Shape has no field set (or only enum values unknown to this"
            + " version)",
        call("unionWithUnknownEnumOnly", protocol));
  }

  @ParameterizedTest
  @ValueSource(strings = {"COMPACT", "BINARY"})
  void aUnionWithTwoFieldsIsAProtocolError(String protocol) {
    assertEquals(
        "ProtocolException: union Shape has more than one field set: labels follows another",
        call("unionWithTwoFields", protocol));
  }

  @ParameterizedTest
  @ValueSource(strings = {"COMPACT", "BINARY"})
  void writingIsDeterministic(String protocol) {
    assertEquals("true", call("deterministicBytes", protocol));
  }

  @Test
  void buildersCheckRequiredFields() {
    assertEquals(
        "IllegalStateException: required field User.name is not set",
        call("builderChecksRequiredFields"));
    assertEquals(
        "IllegalStateException: required field User.id is not set",
        call("builderChecksRequiredPrimitives"));
  }

  @Test
  void constructorsRejectNullForRequiredFieldsAndUnionCases() {
    assertEquals(
        "NullPointerException: required field Tree.label is null",
        call("constructorChecksRequiredFields"));
    assertEquals(
        "NullPointerException: required field Shape.square is null", call("unionCaseRejectsNull"));
  }

  @Test
  void containersAreImmutableCopiesInInsertionOrder() {
    assertEquals(
        "UnsupportedOperationException: null | UnsupportedOperationException: null |"
            + " UnsupportedOperationException: null",
        call("containersAreImmutable"));
    assertEquals("[9, 1, 5, 3] [z, a, m] {z=1, a=2}", call("containersKeepOrder"));
  }

  @Test
  void buildersStartFromTheDefaultsAndCopyValues() {
    assertEquals("GREEN [7, 3] 1.5 true null", call("buildersApplyDefaults"));
    assertEquals("other false true", call("toBuilderCopies"));
  }

  @Test
  void defaultsOfEveryKindAreApplied() {
    assertEquals(
        "Defaults[a=5, b=3, c=-2, d=2.0, e=[x], f={o=Point[x=0, y=0]}, p=Pair[left=l, right=null],"
            + " g=Bytes[2: 6869], u=00000000-0000-0001-0000-000000000002,"
            + " h={Point[x=1, y=1]=[RED, BLUE]}, s=Square[square=Point[x=2, y=3]]]",
        call("defaultsOfEveryKind"));
  }

  @Test
  void unionsNameTheirCase() {
    assertEquals(
        "square Point[x=1, y=2] true [CIRCLE, SQUARE, COLOR, LABELS, KIND, SHAPE]", call("unions"));
  }

  @Test
  void exceptionsCarryTheirFields() {
    assertEquals(
        "gone | 404 | code=3, detail=d, causes=null | true true false | null", call("exceptions"));
  }

  @Test
  void enumsMapValuesBothWays() {
    assertEquals("4 GREEN null class_ 0 6", call("enums"));
  }

  @Test
  void constantsHaveTheirIdlValues() {
    assertEquals(
        "10 hi \"there\" [a, b] Point[x=0, y=0] BLUE 3.14 Bytes[3: 616263]"
            + " 9223372036854775807 -128 300 true {RED=[Point[x=1, y=2]]} [1.0, 0.5] GREEN",
        call("constants"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"COMPACT", "BINARY"})
  void defaultPackageTypesWork(String protocol) throws ReflectiveOperationException {
    Class<?> mode = loader.loadClass("Mode");
    Object on = mode.getMethod("findByValue", int.class).invoke(null, 1);
    Class<?> loose = loader.loadClass("Loose");
    Object value =
        loose
            .getConstructor(String.class, mode, List.class)
            .newInstance(
                "a",
                on,
                List.of(
                    loose
                        .getConstructor(String.class, mode, List.class)
                        .newInstance("b", null, null)));
    assertEquals(value, call("roundTrip", protocol, value));
    assertEquals(on, loader.loadClass("LooseConstants").getField("DEFAULT_MODE").get(null));
  }

  @ParameterizedTest
  @ValueSource(strings = {"COMPACT", "BINARY"})
  void typesNamedLikeJavaLangClassesWork(String protocol) throws ReflectiveOperationException {
    Class<?> string = loader.loadClass("com.example.shadow.String");
    Object inner = string.getConstructor(int.class).newInstance(7);
    Class<?> override = loader.loadClass("com.example.shadow.Override");
    Object value = override.getConstructor(String.class, string).newInstance("n", inner);
    assertEquals(value, call("roundTrip", protocol, value));
  }

  @ParameterizedTest
  @ValueSource(strings = {"COMPACT", "BINARY"})
  void fieldsNamedLikeTheClassesTheyUseWork(String protocol) throws ReflectiveOperationException {
    Class<?> point = loader.loadClass("com.example.obscure.Point");
    Class<?> order = loader.loadClass("com.example.obscure.Order");
    Object builder = order.getMethod("builder").invoke(null);
    builder =
        builder
            .getClass()
            .getMethod("Point_", point)
            .invoke(builder, point.getConstructor(int.class, int.class).newInstance(1, 2));
    Object value = builder.getClass().getMethod("build").invoke(builder);
    assertEquals(value, call("roundTrip", protocol, value));
    assertEquals(
        "Order[Point_=Point[X=1, Y=2], Color_=RED, List=null, UUID=null, Map=null, TType=null,"
            + " Objects=0, Set=null, FieldChecks=null, ContainerCodec=null,"
            + " OrderedCollections=null, ProtocolReader=null]",
        value.toString());
    Class<?> spot = loader.loadClass("Spot");
    Class<?> choice = loader.loadClass("Choice");
    Object chosen =
        choice
            .getMethod("Spot_", spot)
            .invoke(null, spot.getConstructor(int.class, int.class).newInstance(3, 4));
    assertEquals(chosen, call("roundTrip", protocol, chosen));
  }
}
