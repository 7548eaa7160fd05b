package dev.skiff.interop;

import dev.skiff.rpc.protocol.Protocol;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * libthrift 0.25's protocol API, for the one thing libthrift 0.17 (the release Apache Thrift 0.17's
 * generated Java needs) cannot do: uuid. Both releases use the same class names, so 0.25 lives in a
 * class loader of its own, made from the jars the build copies to the directory that the system
 * property {@code skiff.interop.libthrift25} names, and is driven by reflection.
 */
final class Libthrift25 {
  private static final Libthrift25 INSTANCE = new Libthrift25();

  private final ClassLoader loader;
  private final Map<String, Method> methods = new ConcurrentHashMap<>();

  private Libthrift25() {
    String directory = System.getProperty("skiff.interop.libthrift25");
    if (directory == null) {
      throw new IllegalStateException(
          "system property skiff.interop.libthrift25 is not set: run the tests through Maven");
    }
    try (Stream<Path> files = Files.list(Path.of(directory))) {
      URL[] jars =
          files
              .filter(f -> f.toString().endsWith(".jar"))
              .sorted()
              .map(Libthrift25::url)
              .toArray(URL[]::new);
      if (jars.length == 0) {
        throw new IllegalStateException("no jars in " + directory);
      }
      // Parent: the platform loader, so the test class path's libthrift 0.17 stays out of sight.
      loader = new URLClassLoader("libthrift-0.25", jars, ClassLoader.getPlatformClassLoader());
    } catch (IOException e) {
      throw new IllegalStateException("cannot list " + directory, e);
    }
    try {
      loader.loadClass("org.apache.thrift.protocol.TProtocol").getMethod("writeUuid", UUID.class);
    } catch (ClassNotFoundException | NoSuchMethodException e) {
      throw new IllegalStateException("no libthrift with uuid support in " + directory, e);
    }
  }

  static Libthrift25 get() {
    return INSTANCE;
  }

  private static URL url(Path path) {
    try {
      return path.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException(path.toString(), e);
    }
  }

  /** A writer over a fresh memory buffer. */
  Writer writer(Protocol protocol) {
    Object buffer = newInstance("org.apache.thrift.transport.TMemoryBuffer", 64);
    return new Writer(buffer, protocol(protocol, buffer));
  }

  /** A reader of {@code bytes}. */
  Reader reader(Protocol protocol, byte[] bytes) {
    Object transport = newInstance("org.apache.thrift.transport.TMemoryInputTransport", bytes);
    return new Reader(transport, protocol(protocol, transport));
  }

  private Object protocol(Protocol protocol, Object transport) {
    String name =
        switch (protocol) {
          case COMPACT -> "org.apache.thrift.protocol.TCompactProtocol";
          case BINARY -> "org.apache.thrift.protocol.TBinaryProtocol";
        };
    return newInstance(name, transport);
  }

  /** libthrift's {@code TProtocol} write calls, as libthrift's generated code makes them. */
  final class Writer {
    private final Object buffer;
    private final Object protocol;

    private Writer(Object buffer, Object protocol) {
      this.buffer = buffer;
      this.protocol = protocol;
    }

    Writer structBegin(String name) {
      call(protocol, "writeStructBegin", newInstance("org.apache.thrift.protocol.TStruct", name));
      return this;
    }

    Writer structEnd() {
      call(protocol, "writeFieldStop");
      call(protocol, "writeStructEnd");
      return this;
    }

    Writer fieldBegin(String name, byte type, int id) {
      call(
          protocol,
          "writeFieldBegin",
          newInstance("org.apache.thrift.protocol.TField", name, type, (short) id));
      return this;
    }

    Writer fieldEnd() {
      call(protocol, "writeFieldEnd");
      return this;
    }

    Writer listBegin(byte elementType, int size) {
      call(
          protocol,
          "writeListBegin",
          newInstance("org.apache.thrift.protocol.TList", elementType, size));
      return this;
    }

    Writer listEnd() {
      call(protocol, "writeListEnd");
      return this;
    }

    Writer setBegin(byte elementType, int size) {
      call(
          protocol,
          "writeSetBegin",
          newInstance("org.apache.thrift.protocol.TSet", elementType, size));
      return this;
    }

    Writer setEnd() {
      call(protocol, "writeSetEnd");
      return this;
    }

    Writer mapBegin(byte keyType, byte valueType, int size) {
      call(
          protocol,
          "writeMapBegin",
          newInstance("org.apache.thrift.protocol.TMap", keyType, valueType, size));
      return this;
    }

    Writer mapEnd() {
      call(protocol, "writeMapEnd");
      return this;
    }

    Writer uuid(UUID value) {
      call(protocol, "writeUuid", value);
      return this;
    }

    Writer string(String value) {
      call(protocol, "writeString", value);
      return this;
    }

    byte[] bytes() {
      byte[] array = (byte[]) call(buffer, "getArray");
      return Arrays.copyOf(array, (Integer) call(buffer, "length"));
    }
  }

  /** libthrift's {@code TProtocol} read calls. */
  final class Reader {
    private final Object transport;
    private final Object protocol;

    private Reader(Object transport, Object protocol) {
      this.transport = transport;
      this.protocol = protocol;
    }

    void structBegin() {
      call(protocol, "readStructBegin");
    }

    void structEnd() {
      call(protocol, "readStructEnd");
    }

    /** The next field's type and id; type 0 is the stop. */
    short[] fieldBegin() {
      Object field = call(protocol, "readFieldBegin");
      return new short[] {(Byte) get(field, "type"), (Short) get(field, "id")};
    }

    void fieldEnd() {
      call(protocol, "readFieldEnd");
    }

    /** The element type and size. */
    int[] listBegin() {
      Object list = call(protocol, "readListBegin");
      return new int[] {(Byte) get(list, "elemType"), (Integer) get(list, "size")};
    }

    void listEnd() {
      call(protocol, "readListEnd");
    }

    int[] setBegin() {
      Object set = call(protocol, "readSetBegin");
      return new int[] {(Byte) get(set, "elemType"), (Integer) get(set, "size")};
    }

    void setEnd() {
      call(protocol, "readSetEnd");
    }

    /** Key type, value type and size. */
    int[] mapBegin() {
      Object map = call(protocol, "readMapBegin");
      return new int[] {
        (Byte) get(map, "keyType"), (Byte) get(map, "valueType"), (Integer) get(map, "size")
      };
    }

    void mapEnd() {
      call(protocol, "readMapEnd");
    }

    UUID uuid() {
      return (UUID) call(protocol, "readUuid");
    }

    String string() {
      return (String) call(protocol, "readString");
    }

    void skip(byte type) {
      call(protocol, "skip", type);
    }

    int remaining() {
      return (Integer) call(transport, "getBytesRemainingInBuffer");
    }
  }

  private Object newInstance(String className, Object... args) {
    try {
      Class<?> type = loader.loadClass(className);
      for (Constructor<?> constructor : type.getConstructors()) {
        if (accepts(constructor.getParameterTypes(), args)) {
          return constructor.newInstance(args);
        }
      }
      throw new IllegalArgumentException(
          "no constructor of " + className + " takes " + List.of(args));
    } catch (ClassNotFoundException | InstantiationException | IllegalAccessException e) {
      throw new IllegalStateException(className, e);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(className + ": " + e.getCause(), e.getCause());
    }
  }

  private Object call(Object target, String name, Object... args) {
    Method method =
        methods.computeIfAbsent(
            target.getClass().getName() + "." + name + "/" + args.length,
            key -> find(target.getClass(), name, args));
    try {
      return method.invoke(target, args);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(name, e);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("libthrift 0.25 " + name + ": " + e.getCause(), e.getCause());
    }
  }

  private static Method find(Class<?> type, String name, Object[] args) {
    for (Method method : type.getMethods()) {
      if (method.getName().equals(name) && accepts(method.getParameterTypes(), args)) {
        return method;
      }
    }
    throw new IllegalArgumentException("no method " + type.getName() + "." + name);
  }

  private static Object get(Object target, String field) {
    try {
      return target.getClass().getField(field).get(target);
    } catch (NoSuchFieldException | IllegalAccessException e) {
      throw new IllegalStateException(field, e);
    }
  }

  private static boolean accepts(Class<?>[] parameters, Object[] args) {
    if (parameters.length != args.length) {
      return false;
    }
    for (int i = 0; i < parameters.length; i++) {
      if (!box(parameters[i]).isInstance(args[i])) {
        return false;
      }
    }
    return true;
  }

  private static Class<?> box(Class<?> type) {
    if (!type.isPrimitive()) {
      return type;
    }
    return switch (type.getName()) {
      case "boolean" -> Boolean.class;
      case "byte" -> Byte.class;
      case "short" -> Short.class;
      case "int" -> Integer.class;
      case "long" -> Long.class;
      case "double" -> Double.class;
      default -> throw new IllegalArgumentException(type.getName());
    };
  }
}
