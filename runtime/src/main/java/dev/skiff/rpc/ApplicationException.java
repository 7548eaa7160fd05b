package dev.skiff.rpc;

import static java.util.Objects.requireNonNull;

import dev.skiff.rpc.protocol.ProtocolReader;
import dev.skiff.rpc.protocol.ProtocolWriter;
import dev.skiff.rpc.protocol.TType;

/**
 * A protocol-level error reported by the peer in an {@code EXCEPTION} message: Thrift's {@code
 * TApplicationException}, with the same type codes, so that Skiff and every Thrift library
 * understand each other's errors. Thrown to callers when a server answers with one, for example for
 * an unknown method or a handler that failed with an undeclared exception.
 */
public final class ApplicationException extends SkiffException {
  private static final long serialVersionUID = 1L;

  /** The error codes of Thrift's TApplicationException. */
  public enum Type {
    UNKNOWN(0),
    UNKNOWN_METHOD(1),
    INVALID_MESSAGE_TYPE(2),
    WRONG_METHOD_NAME(3),
    BAD_SEQUENCE_ID(4),
    MISSING_RESULT(5),
    INTERNAL_ERROR(6),
    PROTOCOL_ERROR(7),
    INVALID_TRANSFORM(8),
    INVALID_PROTOCOL(9),
    UNSUPPORTED_CLIENT_TYPE(10);

    private final int value;

    Type(int value) {
      this.value = value;
    }

    /** The code on the wire. */
    public int value() {
      return value;
    }

    /** The type with this code; {@link #UNKNOWN} for codes this version does not know. */
    public static Type of(int value) {
      for (Type type : values()) {
        if (type.value == value) {
          return type;
        }
      }
      return UNKNOWN;
    }
  }

  private static final short MESSAGE_ID = 1;
  private static final short TYPE_ID = 2;

  private final Type type;

  public ApplicationException(Type type, String message) {
    super(message);
    this.type = requireNonNull(type, "type");
  }

  public Type type() {
    return type;
  }

  /** Writes this error as the struct {@code 1: string message, 2: i32 type}. */
  public void write(ProtocolWriter out) {
    out.writeStructBegin("TApplicationException");
    if (getMessage() != null) {
      out.writeFieldBegin("message", TType.STRING, MESSAGE_ID);
      out.writeString(getMessage());
      out.writeFieldEnd();
    }
    out.writeFieldBegin("type", TType.I32, TYPE_ID);
    out.writeI32(type.value());
    out.writeFieldEnd();
    out.writeFieldStop();
    out.writeStructEnd();
  }

  /** Reads the struct {@link #write} writes; unknown fields are skipped. */
  public static ApplicationException read(ProtocolReader in) {
    String message = null;
    Type type = Type.UNKNOWN;
    in.readStructBegin();
    for (byte fieldType = in.readFieldBegin();
        fieldType != TType.STOP;
        fieldType = in.readFieldBegin()) {
      short id = in.fieldId();
      if (id == MESSAGE_ID && fieldType == TType.STRING) {
        message = in.readString();
      } else if (id == TYPE_ID && fieldType == TType.I32) {
        type = Type.of(in.readI32());
      } else {
        in.skip(fieldType);
      }
      in.readFieldEnd();
    }
    in.readStructEnd();
    return new ApplicationException(type, message);
  }

  @Override
  public String toString() {
    return "ApplicationException(" + type + "): " + getMessage();
  }
}
