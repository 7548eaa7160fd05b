package dev.skiff.bench;

import dev.skiff.rpc.Bytes;
import dev.skiff.rpc.ServiceDefinition;
import dev.skiff.rpc.protocol.ProtocolReader;
import dev.skiff.rpc.protocol.ProtocolWriter;
import dev.skiff.rpc.protocol.TType;
import dev.skiff.rpc.protocol.ThriftStruct;
import dev.skiff.rpc.stub.MethodDescriptor;
import dev.skiff.rpc.stub.ServerMethod;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The benchmarked service, in the shape generated code has: {@code service Bench { binary echo(1:
 * binary payload) }}. Binary, so that the figures are of the transport, not of UTF-8 coding.
 */
final class BenchService {
  static final MethodDescriptor<Bytes> ECHO =
      MethodDescriptor.call("Bench", "echo", BenchService::readResult);

  private BenchService() {}

  /** {@code 1: binary payload}; also the result shape, with field 0. */
  record Payload(short field, Bytes data) implements ThriftStruct {
    @Override
    public void write(ProtocolWriter out) {
      out.writeStructBegin("payload");
      out.writeFieldBegin("payload", TType.STRING, field);
      out.writeBinary(data);
      out.writeFieldEnd();
      out.writeFieldStop();
      out.writeStructEnd();
    }

    static Payload read(ProtocolReader in) {
      Bytes data = null;
      short field = 0;
      in.readStructBegin();
      for (byte type = in.readFieldBegin(); type != TType.STOP; type = in.readFieldBegin()) {
        if (type == TType.STRING) {
          field = in.fieldId();
          data = in.readBinary();
        } else {
          in.skip(type);
        }
        in.readFieldEnd();
      }
      in.readStructEnd();
      return new Payload(field, data);
    }
  }

  static Bytes readResult(ProtocolReader in) {
    return Payload.read(in).data();
  }

  static ServiceDefinition definition() {
    ServerMethod<Payload> echo =
        new ServerMethod<>(
            "echo",
            false,
            Payload::read,
            args -> CompletableFuture.completedFuture(new Payload((short) 0, args.data())));
    return new ServiceDefinition("Bench", List.of(echo));
  }
}
