package dev.skiff.idl.javagen;

import static dev.skiff.idl.javagen.RuntimeTypes.CONTAINER_CODEC;
import static dev.skiff.idl.javagen.RuntimeTypes.PROTOCOL_READER;
import static dev.skiff.idl.javagen.RuntimeTypes.PROTOCOL_WRITER;
import static dev.skiff.idl.javagen.RuntimeTypes.TTYPE;

import com.palantir.javapoet.CodeBlock;
import dev.skiff.idl.schema.BaseType;
import dev.skiff.idl.schema.ListType;
import dev.skiff.idl.schema.MapType;
import dev.skiff.idl.schema.NamedType;
import dev.skiff.idl.schema.SetType;
import dev.skiff.idl.schema.ThriftType;

/**
 * The code that reads and writes one value of a Thrift type through the runtime's protocol
 * interfaces. Containers go through {@code ContainerCodec}, with element readers and writers as
 * method references, so nested containers need no lambdas and no fresh local names.
 */
final class WireCode {
  private final JavaTypes types;

  WireCode(JavaTypes types) {
    this.types = types;
  }

  /** {@code TType.I32} and so on: the wire type of {@code type}. */
  CodeBlock ttype(ThriftType type) {
    return CodeBlock.of("$T.$L", TTYPE, ttypeName(type));
  }

  private static String ttypeName(ThriftType type) {
    ThriftType t = type.trueType();
    if (t instanceof BaseType base) {
      return switch (base) {
        case BOOL -> "BOOL";
        case BYTE -> "BYTE";
        case I16 -> "I16";
        case I32 -> "I32";
        case I64 -> "I64";
        case DOUBLE -> "DOUBLE";
        case STRING, BINARY -> "STRING";
        case UUID -> "UUID";
      };
    }
    if (t instanceof ListType) {
      return "LIST";
    }
    if (t instanceof SetType) {
      return "SET";
    }
    if (t instanceof MapType) {
      return "MAP";
    }
    return ((NamedType) t).isEnum() ? "I32" : "STRUCT";
  }

  /**
   * An expression reading one value from {@code in}. Enum values unknown to the IDL read as {@code
   * null}, and so do containers whose element types on the wire differ from the declared ones.
   */
  CodeBlock read(ThriftType type, String in) {
    ThriftType t = type.trueType();
    if (t instanceof BaseType base) {
      return CodeBlock.of("$N.$L()", in, "read" + protocolSuffix(base));
    }
    if (t instanceof NamedType named) {
      return named.isEnum()
          ? CodeBlock.of("$T.findByValue($N.readI32())", types.className(named.name()), in)
          : CodeBlock.of("$T.read($N)", types.className(named.name()), in);
    }
    if (t instanceof ListType list) {
      return CodeBlock.of(
          "$T.readList($N,$W$L,$W$L)",
          CONTAINER_CODEC,
          in,
          ttype(list.elementType()),
          reader(list.elementType()));
    }
    if (t instanceof SetType set) {
      return CodeBlock.of(
          "$T.readSet($N,$W$L,$W$L)",
          CONTAINER_CODEC,
          in,
          ttype(set.elementType()),
          reader(set.elementType()));
    }
    MapType map = (MapType) t;
    return CodeBlock.of(
        "$T.readMap($N,$W$L,$W$L,$W$L,$W$L)",
        CONTAINER_CODEC,
        in,
        ttype(map.keyType()),
        ttype(map.valueType()),
        reader(map.keyType()),
        reader(map.valueType()));
  }

  /** A {@code ValueReader} of {@code type}, for container elements. */
  CodeBlock reader(ThriftType type) {
    ThriftType t = type.trueType();
    if (t instanceof BaseType base) {
      return CodeBlock.of("$T::$L", PROTOCOL_READER, "read" + protocolSuffix(base));
    }
    if (t instanceof NamedType named) {
      return named.isEnum()
          ? CodeBlock.of(
              "$T.enumReader($T::findByValue)", CONTAINER_CODEC, types.className(named.name()))
          : CodeBlock.of("$T::read", types.className(named.name()));
    }
    if (t instanceof ListType list) {
      return CodeBlock.of(
          "$T.listReader($L,$W$L)",
          CONTAINER_CODEC,
          ttype(list.elementType()),
          reader(list.elementType()));
    }
    if (t instanceof SetType set) {
      return CodeBlock.of(
          "$T.setReader($L,$W$L)",
          CONTAINER_CODEC,
          ttype(set.elementType()),
          reader(set.elementType()));
    }
    MapType map = (MapType) t;
    return CodeBlock.of(
        "$T.mapReader($L,$W$L,$W$L,$W$L)",
        CONTAINER_CODEC,
        ttype(map.keyType()),
        ttype(map.valueType()),
        reader(map.keyType()),
        reader(map.valueType()));
  }

  /** A statement writing {@code value}, which is not {@code null}, to {@code out}. */
  CodeBlock write(ThriftType type, String out, CodeBlock value) {
    ThriftType t = type.trueType();
    if (t instanceof BaseType base) {
      return CodeBlock.of("$N.$L($L);\n", out, "write" + protocolSuffix(base), value);
    }
    if (t instanceof NamedType named) {
      return named.isEnum()
          ? CodeBlock.of("$N.writeI32($L.value());\n", out, value)
          : CodeBlock.of("$L.write($N);\n", value, out);
    }
    if (t instanceof ListType list) {
      return CodeBlock.of(
          "$T.writeList($N,$W$L,$W$L,$W$L);\n",
          CONTAINER_CODEC,
          out,
          ttype(list.elementType()),
          value,
          writer(list.elementType()));
    }
    if (t instanceof SetType set) {
      return CodeBlock.of(
          "$T.writeSet($N,$W$L,$W$L,$W$L);\n",
          CONTAINER_CODEC,
          out,
          ttype(set.elementType()),
          value,
          writer(set.elementType()));
    }
    MapType map = (MapType) t;
    return CodeBlock.of(
        "$T.writeMap($N,$W$L,$W$L,$W$L,$W$L,$W$L);\n",
        CONTAINER_CODEC,
        out,
        ttype(map.keyType()),
        ttype(map.valueType()),
        value,
        writer(map.keyType()),
        writer(map.valueType()));
  }

  /** A {@code ValueWriter} of {@code type}, for container elements. */
  CodeBlock writer(ThriftType type) {
    ThriftType t = type.trueType();
    if (t instanceof BaseType base) {
      return CodeBlock.of("$T::$L", PROTOCOL_WRITER, "write" + protocolSuffix(base));
    }
    if (t instanceof NamedType named) {
      return CodeBlock.of("$T::$L", CONTAINER_CODEC, named.isEnum() ? "writeEnum" : "writeStruct");
    }
    if (t instanceof ListType list) {
      return CodeBlock.of(
          "$T.listWriter($L,$W$L)",
          CONTAINER_CODEC,
          ttype(list.elementType()),
          writer(list.elementType()));
    }
    if (t instanceof SetType set) {
      return CodeBlock.of(
          "$T.setWriter($L,$W$L)",
          CONTAINER_CODEC,
          ttype(set.elementType()),
          writer(set.elementType()));
    }
    MapType map = (MapType) t;
    return CodeBlock.of(
        "$T.mapWriter($L,$W$L,$W$L,$W$L)",
        CONTAINER_CODEC,
        ttype(map.keyType()),
        ttype(map.valueType()),
        writer(map.keyType()),
        writer(map.valueType()));
  }

  /** The suffix of {@code readI32}, {@code writeBinary} and the rest. */
  private static String protocolSuffix(BaseType base) {
    return switch (base) {
      case BOOL -> "Bool";
      case BYTE -> "Byte";
      case I16 -> "I16";
      case I32 -> "I32";
      case I64 -> "I64";
      case DOUBLE -> "Double";
      case STRING -> "String";
      case BINARY -> "Binary";
      case UUID -> "Uuid";
    };
  }
}
