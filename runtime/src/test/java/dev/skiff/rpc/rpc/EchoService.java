package dev.skiff.rpc.rpc;

import dev.skiff.rpc.ServiceDefinition;
import dev.skiff.rpc.ThriftException;
import dev.skiff.rpc.protocol.ProtocolReader;
import dev.skiff.rpc.protocol.ProtocolWriter;
import dev.skiff.rpc.protocol.TType;
import dev.skiff.rpc.protocol.ThriftStruct;
import dev.skiff.rpc.stub.MethodDescriptor;
import dev.skiff.rpc.stub.ServerMethod;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * A hand-written service in the shape generated code has, for testing the runtime on its own:
 *
 * <pre>
 * exception Oops { 1: string why }
 * service Echo {
 *   string echo(1: string text)
 *   string fail(1: string text) throws (1: Oops oops)   // throws Oops when text starts with "oops"
 *   oneway void tell(1: string text)
 * }
 * </pre>
 */
final class EchoService {
  static final String NAME = "Echo";

  static final MethodDescriptor<String> ECHO =
      MethodDescriptor.call(NAME, "echo", EchoService::readResult);
  static final MethodDescriptor<String> FAIL =
      MethodDescriptor.call(NAME, "fail", EchoService::readResult);
  static final MethodDescriptor<Void> TELL = MethodDescriptor.oneway(NAME, "tell");

  private EchoService() {}

  /** {@code 1: string text}. */
  record TextArgs(String text) implements ThriftStruct {
    @Override
    public void write(ProtocolWriter out) {
      out.writeStructBegin("args");
      out.writeFieldBegin("text", TType.STRING, (short) 1);
      out.writeString(text);
      out.writeFieldEnd();
      out.writeFieldStop();
      out.writeStructEnd();
    }

    static TextArgs read(ProtocolReader in) {
      String text = null;
      in.readStructBegin();
      for (byte type = in.readFieldBegin(); type != TType.STOP; type = in.readFieldBegin()) {
        if (in.fieldId() == 1 && type == TType.STRING) {
          text = in.readString();
        } else {
          in.skip(type);
        }
        in.readFieldEnd();
      }
      in.readStructEnd();
      return new TextArgs(text);
    }
  }

  static final class Oops extends ThriftException {
    private static final long serialVersionUID = 1L;

    Oops(String why) {
      super(why);
    }

    @Override
    public void write(ProtocolWriter out) {
      out.writeStructBegin("Oops");
      out.writeFieldBegin("why", TType.STRING, (short) 1);
      out.writeString(getMessage());
      out.writeFieldEnd();
      out.writeFieldStop();
      out.writeStructEnd();
    }
  }

  /** {@code 0: string success, 1: Oops oops}. */
  record TextResult(String success, Oops oops) implements ThriftStruct {
    @Override
    public void write(ProtocolWriter out) {
      out.writeStructBegin("result");
      if (success != null) {
        out.writeFieldBegin("success", TType.STRING, (short) 0);
        out.writeString(success);
        out.writeFieldEnd();
      }
      if (oops != null) {
        out.writeFieldBegin("oops", TType.STRUCT, (short) 1);
        oops.write(out);
        out.writeFieldEnd();
      }
      out.writeFieldStop();
      out.writeStructEnd();
    }
  }

  static String readResult(ProtocolReader in) throws Oops {
    String success = null;
    Oops oops = null;
    in.readStructBegin();
    for (byte type = in.readFieldBegin(); type != TType.STOP; type = in.readFieldBegin()) {
      if (in.fieldId() == 0 && type == TType.STRING) {
        success = in.readString();
      } else if (in.fieldId() == 1 && type == TType.STRUCT) {
        TextArgs why = TextArgs.read(in); // same shape: 1: string
        oops = new Oops(why.text());
      } else {
        in.skip(type);
      }
      in.readFieldEnd();
    }
    in.readStructEnd();
    if (oops != null) {
      throw oops;
    }
    if (success == null) {
      throw new dev.skiff.rpc.ApplicationException(
          dev.skiff.rpc.ApplicationException.Type.MISSING_RESULT, "echo failed: unknown result");
    }
    return success;
  }

  /**
   * The server side; {@code echo} runs {@code behaviour} (which may delay, fail or throw), {@code
   * tell} hands the text to {@code told}.
   */
  static ServiceDefinition definition(
      Function<String, CompletionStage<String>> behaviour,
      java.util.function.Consumer<String> told) {
    ServerMethod<TextArgs> echo =
        new ServerMethod<>(
            "echo",
            false,
            TextArgs::read,
            args -> behaviour.apply(args.text()).thenApply(text -> new TextResult(text, null)));
    ServerMethod<TextArgs> fail =
        new ServerMethod<>(
            "fail",
            false,
            TextArgs::read,
            args -> {
              if (args.text().startsWith("oops")) {
                return CompletableFuture.completedFuture(
                    new TextResult(null, new Oops(args.text())));
              }
              throw new IllegalStateException("secret internal detail: " + args.text());
            });
    ServerMethod<TextArgs> tell =
        new ServerMethod<>(
            "tell",
            true,
            TextArgs::read,
            args -> {
              told.accept(args.text());
              return null;
            });
    return new ServiceDefinition(NAME, List.of(echo, fail, tell));
  }
}
