package dev.skiff.idl.javagen;

/**
 * Java source compiled together with the code generated from {@link SampleIdl}: it uses the
 * generated types directly, as a user would, and reports what happened as strings, which the tests
 * (whose class path has neither the runtime nor the generated classes) compare.
 */
final class Harness {
  static final String CLASS_NAME = "harness.Harness";

  static final String SOURCE =
      """
      package harness;

      import com.example.gen.*;
      import dev.skiff.rpc.Bytes;
      import dev.skiff.rpc.ThriftException;
      import dev.skiff.rpc.protocol.*;
      import io.netty.buffer.ByteBuf;
      import io.netty.buffer.Unpooled;
      import java.lang.reflect.InvocationTargetException;
      import java.lang.reflect.Method;
      import java.lang.reflect.Modifier;
      import java.util.*;
      import java.util.function.Supplier;

      public final class Harness {
        private Harness() {}

        public static byte[] encode(String protocol, Object value) {
          ByteBuf buf = Unpooled.buffer();
          try {
            ((ThriftStruct) value).write(Protocol.valueOf(protocol).newWriter(buf));
            byte[] bytes = new byte[buf.readableBytes()];
            buf.readBytes(bytes);
            return bytes;
          } finally {
            buf.release();
          }
        }

        public static <T> T decode(String protocol, byte[] bytes, StructReader<T> reader) {
          ByteBuf buf = Unpooled.wrappedBuffer(bytes);
          try {
            T value = reader.read(Protocol.valueOf(protocol).newReader(buf));
            if (buf.isReadable()) {
              throw new AssertionError(buf.readableBytes() + " bytes left unread");
            }
            return value;
          } finally {
            buf.release();
          }
        }

        /** The class declaring {@code read}: the value's own, or the union interface of a case. */
        public static Class<?> readingType(Class<?> type) {
          for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (declaresRead(c)) {
              return c;
            }
            for (Class<?> i : c.getInterfaces()) {
              if (declaresRead(i)) {
                return i;
              }
            }
          }
          throw new AssertionError("no read method for " + type);
        }

        private static boolean declaresRead(Class<?> c) {
          try {
            return Modifier.isStatic(c.getDeclaredMethod("read", ProtocolReader.class).getModifiers());
          } catch (NoSuchMethodException e) {
            return false;
          }
        }

        /** Writes {@code value}, reads it back through its type's {@code read}. */
        public static Object roundTrip(String protocol, Object value) {
          Method read;
          try {
            read = readingType(value.getClass()).getMethod("read", ProtocolReader.class);
          } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
          }
          return decode(
              protocol,
              encode(protocol, value),
              in -> {
                try {
                  return read.invoke(null, in);
                } catch (InvocationTargetException e) {
                  throw (RuntimeException) e.getCause();
                } catch (IllegalAccessException e) {
                  throw new AssertionError(e);
                }
              });
        }

        public static Map<String, Object> samples() {
          Map<String, Object> samples = new LinkedHashMap<>();
          samples.put("point", new Point(1, -2));
          samples.put("pair with nulls", new Pair("left", null));
          samples.put(
              "user, required fields only",
              User.builder().id(7).name("ann").favorite(Color.BLUE).build());
          samples.put("user, every field", fullUser());
          samples.put(
              "user, fields without defaults explicitly unset",
              fullUser().toBuilder().email(null).age(null).tags(null).home(null).build());
          samples.put(
              "keywords",
              Keywords.builder()
                  .class_(1)
                  .builder_("b")
                  .read_("r")
                  .write_("w")
                  .hashCode_(5)
                  .long_("l")
                  .in("i")
                  .out("o")
                  .fieldType("f")
                  .toBuilder_("t")
                  .build_("bd")
                  .source("s")
                  .string("str")
                  .build());
          samples.put(
              "user, empty containers",
              fullUser().toBuilder()
                  .tags(List.of())
                  .lucky(Set.of())
                  .places(Map.of())
                  .byColor(Map.of())
                  .matrix(List.of(List.of()))
                  .avatar(Bytes.empty())
                  .build());
          samples.put("defaults", Defaults.builder().build());
          samples.put("union circle", Shape.circle(2.5));
          samples.put("union struct", Shape.square(new Point(3, 4)));
          samples.put("union enum", Shape.color(Color.GREEN));
          samples.put("union list", Shape.labels(List.of("x", "y")));
          samples.put("union renamed case", Shape.kind_("k"));
          samples.put("union binary", Shape.Shape(Bytes.of(new byte[] {1, 2, 3})));
          samples.put("exception with message", new NotFound("gone", 404));
          samples.put(
              "exception with builder",
              Failure.builder().code(3).detail("d").causes(List.of("a", "b")).build());
          samples.put("empty exception", new Empty());
          samples.put("empty struct", new Nothing());
          samples.put(
              "recursive struct",
              Tree.builder()
                  .label("root")
                  .children(
                      List.of(
                          Tree.builder().label("leaf").build(),
                          Tree.builder().label("inner").children(List.of()).build()))
                  .build());
          samples.put("struct constant", EverythingConstants.ADMIN);
          samples.put("union constant", EverythingConstants.UNIT);
          return samples;
        }

        private static User fullUser() {
          Map<Color, Set<String>> byColor = new LinkedHashMap<>();
          byColor.put(Color.BLUE, new LinkedHashSet<>(List.of("sky", "sea")));
          byColor.put(Color.RED, Set.of());
          return User.builder()
              .id(Long.MIN_VALUE)
              .name("Zoë ✓")
              .email("z@example.com")
              .color(Color.RED)
              .tags(List.of("a", "b", "a"))
              .lucky(new LinkedHashSet<>(List.of(42, -1, 7)))
              .places(Map.of("home", new Point(0, 0)))
              .avatar(Bytes.of(new byte[] {0, -1, 127}))
              .created(1_700_000_000_000L)
              .token(new UUID(0x0123456789abcdefL, 0xfedcba9876543210L))
              .score(-0.25)
              .active(false)
              .level((byte) -7)
              .rank((short) 1234)
              .matrix(List.of(List.of(1, 2), List.of(), List.of(3)))
              .byColor(byColor)
              .home(new Point(5, 6))
              .aliases(List.of("zo"))
              .age(33)
              .favorite(Color.GREEN)
              .palette(List.of(Color.BLUE, Color.RED, Color.BLUE))
              .build();
        }

        private static String attempt(Supplier<?> action) {
          try {
            return String.valueOf(action.get());
          } catch (RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
          }
        }

        private static byte[] raw(String protocol, ThriftStruct body) {
          return encode(protocol, body);
        }

        private static void field(ProtocolWriter out, String name, byte type, int id, Runnable value) {
          out.writeFieldBegin(name, type, (short) id);
          value.run();
          out.writeFieldEnd();
        }

        // Scenarios: each returns what happened, for the test to compare.

        public static String missingRequiredField(String protocol) {
          byte[] bytes =
              raw(
                  protocol,
                  out -> {
                    out.writeStructBegin("Point");
                    field(out, "x", TType.I32, 1, () -> out.writeI32(1));
                    out.writeFieldStop();
                    out.writeStructEnd();
                  });
          return attempt(() -> decode(protocol, bytes, Point::read));
        }

        public static String unknownAndMistypedFieldsSkipped(String protocol) {
          byte[] bytes =
              raw(
                  protocol,
                  out -> {
                    out.writeStructBegin("Point");
                    field(out, "extra", TType.STRING, 99, () -> out.writeString("ignored"));
                    field(out, "y", TType.STRING, 2, () -> out.writeString("wrong type"));
                    field(out, "x", TType.I32, 1, () -> out.writeI32(1));
                    field(
                        out,
                        "nested",
                        TType.LIST,
                        100,
                        () -> {
                          out.writeListBegin(TType.STRUCT, 1);
                          new Point(8, 9).write(out);
                          out.writeListEnd();
                        });
                    field(out, "y", TType.I32, 2, () -> out.writeI32(2));
                    field(out, "flag", TType.BOOL, 101, () -> out.writeBool(true));
                    out.writeFieldStop();
                    out.writeStructEnd();
                  });
          return attempt(() -> decode(protocol, bytes, Point::read));
        }

        public static String outOfOrderAndRepeatedFields(String protocol) {
          byte[] bytes =
              raw(
                  protocol,
                  out -> {
                    out.writeStructBegin("Point");
                    field(out, "y", TType.I32, 2, () -> out.writeI32(2));
                    field(out, "x", TType.I32, 1, () -> out.writeI32(3));
                    field(out, "x", TType.I32, 1, () -> out.writeI32(4));
                    field(out, "y", TType.I32, 2, () -> out.writeI32(5));
                    out.writeFieldStop();
                    out.writeStructEnd();
                  });
          return attempt(() -> decode(protocol, bytes, Point::read));
        }

        public static String defaultsFillAbsentFields(String protocol) {
          byte[] bytes =
              raw(
                  protocol,
                  out -> {
                    out.writeStructBegin("User");
                    field(out, "id", TType.I64, 1, () -> out.writeI64(1));
                    field(out, "name", TType.STRING, 2, () -> out.writeString("n"));
                    field(out, "favorite", TType.I32, 20, () -> out.writeI32(4));
                    out.writeFieldStop();
                    out.writeStructEnd();
                  });
          User user = decode(protocol, bytes, User::read);
          return user.color() + " " + user.lucky() + " " + user.score() + " " + user.active()
              + " " + user.created() + " " + user.tags() + " " + user.age();
        }

        public static String unknownEnumValues(String protocol) {
          byte[] bytes =
              raw(
                  protocol,
                  out -> {
                    out.writeStructBegin("User");
                    field(out, "id", TType.I64, 1, () -> out.writeI64(1));
                    field(out, "name", TType.STRING, 2, () -> out.writeString("n"));
                    field(out, "color", TType.I32, 4, () -> out.writeI32(99));
                    field(out, "favorite", TType.I32, 20, () -> out.writeI32(1));
                    field(
                        out,
                        "palette",
                        TType.LIST,
                        21,
                        () -> {
                          out.writeListBegin(TType.I32, 3);
                          out.writeI32(1);
                          out.writeI32(99);
                          out.writeI32(4);
                          out.writeListEnd();
                        });
                    field(
                        out,
                        "byColor",
                        TType.MAP,
                        16,
                        () -> {
                          out.writeMapBegin(TType.I32, TType.SET, 2);
                          out.writeI32(99);
                          out.writeSetBegin(TType.STRING, 1);
                          out.writeString("lost");
                          out.writeSetEnd();
                          out.writeI32(2);
                          out.writeSetBegin(TType.STRING, 1);
                          out.writeString("kept");
                          out.writeSetEnd();
                          out.writeMapEnd();
                        });
                    out.writeFieldStop();
                    out.writeStructEnd();
                  });
          User user = decode(protocol, bytes, User::read);
          return user.color() + " " + user.palette() + " " + user.byColor();
        }

        public static String unknownRequiredEnumValue(String protocol) {
          byte[] bytes =
              raw(
                  protocol,
                  out -> {
                    out.writeStructBegin("User");
                    field(out, "id", TType.I64, 1, () -> out.writeI64(1));
                    field(out, "name", TType.STRING, 2, () -> out.writeString("n"));
                    field(out, "favorite", TType.I32, 20, () -> out.writeI32(99));
                    out.writeFieldStop();
                    out.writeStructEnd();
                  });
          return attempt(() -> decode(protocol, bytes, User::read));
        }

        public static String mistypedContainerElementsSkipped(String protocol) {
          byte[] bytes =
              raw(
                  protocol,
                  out -> {
                    out.writeStructBegin("User");
                    field(out, "id", TType.I64, 1, () -> out.writeI64(1));
                    field(out, "name", TType.STRING, 2, () -> out.writeString("n"));
                    field(out, "favorite", TType.I32, 20, () -> out.writeI32(1));
                    field(
                        out,
                        "tags",
                        TType.LIST,
                        5,
                        () -> {
                          out.writeListBegin(TType.I64, 2);
                          out.writeI64(1);
                          out.writeI64(2);
                          out.writeListEnd();
                        });
                    field(
                        out,
                        "places",
                        TType.MAP,
                        7,
                        () -> {
                          out.writeMapBegin(TType.STRING, TType.I32, 1);
                          out.writeString("k");
                          out.writeI32(3);
                          out.writeMapEnd();
                        });
                    field(
                        out,
                        "lucky",
                        TType.SET,
                        6,
                        () -> {
                          out.writeSetBegin(TType.I32, 0);
                          out.writeSetEnd();
                        });
                    out.writeFieldStop();
                    out.writeStructEnd();
                  });
          User user = decode(protocol, bytes, User::read);
          return user.tags() + " " + user.places() + " " + user.lucky();
        }

        public static String unionWithoutField(String protocol) {
          byte[] bytes =
              raw(
                  protocol,
                  out -> {
                    out.writeStructBegin("Shape");
                    field(out, "unknown", TType.I32, 42, () -> out.writeI32(1));
                    out.writeFieldStop();
                    out.writeStructEnd();
                  });
          return attempt(() -> decode(protocol, bytes, Shape::read));
        }

        public static String unionWithTwoFields(String protocol) {
          byte[] bytes =
              raw(
                  protocol,
                  out -> {
                    out.writeStructBegin("Shape");
                    field(out, "circle", TType.DOUBLE, 1, () -> out.writeDouble(1.0));
                    field(out, "labels", TType.LIST, 4, () -> {
                      out.writeListBegin(TType.STRING, 0);
                      out.writeListEnd();
                    });
                    out.writeFieldStop();
                    out.writeStructEnd();
                  });
          return attempt(() -> decode(protocol, bytes, Shape::read));
        }

        public static String unionWithUnknownEnumOnly(String protocol) {
          byte[] bytes =
              raw(
                  protocol,
                  out -> {
                    out.writeStructBegin("Shape");
                    field(out, "color", TType.I32, 3, () -> out.writeI32(99));
                    out.writeFieldStop();
                    out.writeStructEnd();
                  });
          return attempt(() -> decode(protocol, bytes, Shape::read));
        }

        public static String deterministicBytes(String protocol) {
          User user = fullUser();
          byte[] first = encode(protocol, user);
          byte[] again = encode(protocol, decode(protocol, first, User::read));
          return String.valueOf(Arrays.equals(first, again));
        }

        // Behaviour of the generated API itself, independent of a protocol.

        public static String builderChecksRequiredFields() {
          return attempt(() -> User.builder().id(1).favorite(Color.RED).build());
        }

        public static String builderChecksRequiredPrimitives() {
          return attempt(() -> User.builder().name("n").favorite(Color.RED).build());
        }

        public static String constructorChecksRequiredFields() {
          return attempt(() -> new Tree(null, null));
        }

        public static String unionCaseRejectsNull() {
          return attempt(() -> Shape.square(null));
        }

        public static String containersAreImmutable() {
          User user = fullUser();
          return attempt(() -> user.tags().add("x")) + " | "
              + attempt(() -> user.lucky().add(1)) + " | "
              + attempt(
                  () -> {
                    user.byColor().clear();
                    return "cleared";
                  });
        }

        public static String containersKeepOrder() {
          Set<Integer> lucky = new LinkedHashSet<>(List.of(9, 1, 5, 3));
          Map<String, Integer> ranks = new LinkedHashMap<>();
          ranks.put("z", 1);
          ranks.put("a", 2);
          ranks.put("m", 3);
          User user =
              User.builder().id(1).name("n").favorite(Color.RED).lucky(lucky).build();
          lucky.add(100);
          return user.lucky() + " " + EverythingConstants.LETTERS + " "
              + EverythingConstants.RANKS;
        }

        public static String buildersApplyDefaults() {
          User user = User.builder().id(1).name("n").favorite(Color.RED).build();
          return user.color() + " " + user.lucky() + " " + user.score() + " " + user.active()
              + " " + user.email();
        }

        public static String defaultsOfEveryKind() {
          return Defaults.builder().build().toString();
        }

        public static String toBuilderCopies() {
          User user = fullUser();
          User renamed = user.toBuilder().name("other").build();
          return renamed.name() + " " + renamed.equals(user) + " "
              + renamed.toBuilder().name(user.name()).build().equals(user);
        }

        public static String unions() {
          Shape shape = Shape.square(new Point(1, 2));
          String kind =
              switch (shape.kind()) {
                case SQUARE -> "square " + ((Shape.Square) shape).square();
                default -> "other";
              };
          return kind + " " + Shape.circle(1).equals(new Shape.Circle(1)) + " "
              + Arrays.toString(Shape.Kind.values());
        }

        public static String exceptions() {
          NotFound notFound = new NotFound("gone", 404);
          Failure failure = Failure.builder().code(3).detail("d").build();
          ThriftException base = notFound;
          return base.getMessage() + " | " + notFound.code() + " | " + failure.getMessage() + " | "
              + notFound.equals(new NotFound("gone", 404)) + " "
              + (notFound.hashCode() == new NotFound("gone", 404).hashCode()) + " "
              + notFound.equals(new NotFound("gone", 405)) + " | " + new Empty().getMessage();
        }

        public static String enums() {
          return Color.BLUE.value() + " " + Color.findByValue(2) + " " + Color.findByValue(3)
              + " " + Odd.findByValue(5) + " " + Odd.value.value() + " "
              + Odd.findByValue.value();
        }

        public static String constants() {
          return EverythingConstants.MAX + " " + EverythingConstants.GREETING + " "
              + EverythingConstants.NAMES + " " + EverythingConstants.ORIGIN + " "
              + EverythingConstants.FAVORITE + " " + EverythingConstants.PI + " "
              + EverythingConstants.MAGIC + " " + EverythingConstants.BIG + " "
              + EverythingConstants.SMALL + " " + EverythingConstants.SHORT + " "
              + EverythingConstants.YES + " " + EverythingConstants.ROUTES + " "
              + EverythingConstants.RATIOS + " " + EverythingConstants.ADMIN.color();
        }
      }
      """;

  private Harness() {}
}
