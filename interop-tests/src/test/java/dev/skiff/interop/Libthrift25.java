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
public final class Libthrift25 {
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

  public static Libthrift25 get() {
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
  public Writer writer(Protocol protocol) {
    Object buffer = newInstance("org.apache.thrift.transport.TMemoryBuffer", 64);
    return new Writer(buffer, protocol(protocol, buffer));
  }

  /**
   * A connection to 127.0.0.1:{@code port}: TSocket and TFramedTransport, as libthrift's clients
   * connect; the writer and the reader share it.
   */
  public Connection connect(Protocol protocol, int port) {
    Object socket = newInstance("org.apache.thrift.transport.TSocket", "127.0.0.1", port, 10_000);
    Object framed = newInstance("org.apache.thrift.transport.layered.TFramedTransport", socket);
    invoke(framed, "open");
    Object wire = protocol(protocol, framed);
    return new Connection(framed, new Writer(framed, wire), new Reader(framed, wire));
  }

  /** An open client connection. */
  public final class Connection implements AutoCloseable {
    private final Object transport;
    private final Writer writer;
    private final Reader reader;

    private Connection(Object transport, Writer writer, Reader reader) {
      this.transport = transport;
      this.writer = writer;
      this.reader = reader;
    }

    /** Sends a call: its message, and an args struct that {@code args} fills with fields. */
    public void send(String name, int seqId, java.util.function.Consumer<Writer> args) {
      writer.messageBegin(name, (byte) 1, seqId).structBegin(name + "_args");
      args.accept(writer);
      writer.structEnd().messageEnd();
    }

    /**
     * Reads the next message, which must be the REPLY of call {@code seqId} named {@code name}, and
     * returns the reader, at the result struct.
     */
    public Reader reply(String name, int seqId) {
      Object[] message = reader.messageBegin();
      List<Object> expected = List.of(name, (byte) 2, seqId);
      if (!List.of(message).equals(expected)) {
        throw new AssertionError(
            "expected a reply " + expected + " but got " + List.of(message) + " (name, type, id)");
      }
      return reader;
    }

    @Override
    public void close() {
      invoke(transport, "close");
    }
  }

  /** A reader of {@code bytes}. */
  public Reader reader(Protocol protocol, byte[] bytes) {
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
  public final class Writer {
    private final Object transport;
    private final Object protocol;

    private Writer(Object transport, Object protocol) {
      this.transport = transport;
      this.protocol = protocol;
    }

    public Writer messageBegin(String name, byte type, int seqId) {
      invoke(
          protocol,
          "writeMessageBegin",
          newInstance("org.apache.thrift.protocol.TMessage", name, type, seqId));
      return this;
    }

    /** Ends the message and sends it. */
    public void messageEnd() {
      invoke(protocol, "writeMessageEnd");
      invoke(transport, "flush");
    }

    public Writer structBegin(String name) {
      invoke(protocol, "writeStructBegin", newInstance("org.apache.thrift.protocol.TStruct", name));
      return this;
    }

    public Writer structEnd() {
      invoke(protocol, "writeFieldStop");
      invoke(protocol, "writeStructEnd");
      return this;
    }

    public Writer fieldBegin(String name, byte type, int id) {
      invoke(
          protocol,
          "writeFieldBegin",
          newInstance("org.apache.thrift.protocol.TField", name, type, (short) id));
      return this;
    }

    public Writer fieldEnd() {
      invoke(protocol, "writeFieldEnd");
      return this;
    }

    public Writer listBegin(byte elementType, int size) {
      invoke(
          protocol,
          "writeListBegin",
          newInstance("org.apache.thrift.protocol.TList", elementType, size));
      return this;
    }

    public Writer listEnd() {
      invoke(protocol, "writeListEnd");
      return this;
    }

    public Writer setBegin(byte elementType, int size) {
      invoke(
          protocol,
          "writeSetBegin",
          newInstance("org.apache.thrift.protocol.TSet", elementType, size));
      return this;
    }

    public Writer setEnd() {
      invoke(protocol, "writeSetEnd");
      return this;
    }

    public Writer mapBegin(byte keyType, byte valueType, int size) {
      invoke(
          protocol,
          "writeMapBegin",
          newInstance("org.apache.thrift.protocol.TMap", keyType, valueType, size));
      return this;
    }

    public Writer mapEnd() {
      invoke(protocol, "writeMapEnd");
      return this;
    }

    public Writer uuid(UUID value) {
      invoke(protocol, "writeUuid", value);
      return this;
    }

    public Writer string(String value) {
      invoke(protocol, "writeString", value);
      return this;
    }

    /** What was written, for a writer over a memory buffer. */
    public byte[] bytes() {
      byte[] array = (byte[]) invoke(transport, "getArray");
      return Arrays.copyOf(array, (Integer) invoke(transport, "length"));
    }
  }

  /** libthrift's {@code TProtocol} read calls. */
  public final class Reader {
    private final Object transport;
    private final Object protocol;

    private Reader(Object transport, Object protocol) {
      this.transport = transport;
      this.protocol = protocol;
    }

    /** The message's name, type and sequence id. */
    public Object[] messageBegin() {
      Object message = invoke(protocol, "readMessageBegin");
      return new Object[] {get(message, "name"), get(message, "type"), get(message, "seqid")};
    }

    public void messageEnd() {
      invoke(protocol, "readMessageEnd");
    }

    public void structBegin() {
      invoke(protocol, "readStructBegin");
    }

    public void structEnd() {
      invoke(protocol, "readStructEnd");
    }

    /** The next field's type and id; type 0 is the stop. */
    public short[] fieldBegin() {
      Object field = invoke(protocol, "readFieldBegin");
      return new short[] {(Byte) get(field, "type"), (Short) get(field, "id")};
    }

    public void fieldEnd() {
      invoke(protocol, "readFieldEnd");
    }

    /** The element type and size. */
    public int[] listBegin() {
      Object list = invoke(protocol, "readListBegin");
      return new int[] {(Byte) get(list, "elemType"), (Integer) get(list, "size")};
    }

    public void listEnd() {
      invoke(protocol, "readListEnd");
    }

    public int[] setBegin() {
      Object set = invoke(protocol, "readSetBegin");
      return new int[] {(Byte) get(set, "elemType"), (Integer) get(set, "size")};
    }

    public void setEnd() {
      invoke(protocol, "readSetEnd");
    }

    /** Key type, value type and size. */
    public int[] mapBegin() {
      Object map = invoke(protocol, "readMapBegin");
      return new int[] {
        (Byte) get(map, "keyType"), (Byte) get(map, "valueType"), (Integer) get(map, "size")
      };
    }

    public void mapEnd() {
      invoke(protocol, "readMapEnd");
    }

    public UUID uuid() {
      return (UUID) invoke(protocol, "readUuid");
    }

    public int i32() {
      return (Integer) invoke(protocol, "readI32");
    }

    public String string() {
      return (String) invoke(protocol, "readString");
    }

    public void skip(byte type) {
      invoke(protocol, "skip", type);
    }

    public int remaining() {
      return (Integer) invoke(transport, "getBytesRemainingInBuffer");
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

  private Object invoke(Object target, String name, Object... args) {
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
