package dev.skiff.bench;

import io.grpc.CallOptions;
import io.grpc.Drainable;
import io.grpc.KnownLength;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * gRPC-java over its shaded Netty, a unary {@code Bench/Echo} of bytes. No protobuf: the payload is
 * bytes, so a byte-array marshaller is the fair equivalent of Skiff's {@code binary}; its streams
 * are {@link KnownLength} and {@link Drainable}, as protobuf's are, so gRPC takes its fast paths.
 * Client and server run callbacks on the transport threads ({@code directExecutor}), gRPC's
 * recommended setting for handlers that never block.
 */
final class GrpcPeer {
  static final MethodDescriptor<byte[], byte[]> ECHO =
      MethodDescriptor.<byte[], byte[]>newBuilder()
          .setType(MethodDescriptor.MethodType.UNARY)
          .setFullMethodName(MethodDescriptor.generateFullMethodName("Bench", "Echo"))
          .setRequestMarshaller(BytesMarshaller.INSTANCE)
          .setResponseMarshaller(BytesMarshaller.INSTANCE)
          .build();

  private GrpcPeer() {}

  static Serving serve() throws IOException {
    ServerServiceDefinition service =
        ServerServiceDefinition.builder("Bench")
            .addMethod(
                ECHO,
                ServerCalls.asyncUnaryCall(
                    (byte[] request, StreamObserver<byte[]> reply) -> {
                      reply.onNext(request);
                      reply.onCompleted();
                    }))
            .build();
    Server server =
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
            .directExecutor()
            .addService(service)
            .build()
            .start();
    return new Serving() {
      @Override
      public String address() {
        return Integer.toString(server.getPort());
      }

      @Override
      public void close() {
        awaitQuietly(() -> server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS));
      }
    };
  }

  static ManagedChannel channel(String port) {
    return NettyChannelBuilder.forAddress("127.0.0.1", Integer.parseInt(port))
        .usePlaintext()
        .directExecutor()
        .build();
  }

  static Caller caller(String port, int size) {
    ManagedChannel channel = channel(port);
    byte[] payload = new byte[size];
    return new Caller() {
      @Override
      public int call() {
        return ClientCalls.blockingUnaryCall(channel, ECHO, CallOptions.DEFAULT, payload).length;
      }

      @Override
      public void close() {
        awaitQuietly(() -> channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS));
      }
    };
  }

  static AsyncCaller asyncCaller(String port, int size) {
    ManagedChannel channel = channel(port);
    byte[] payload = new byte[size];
    return new AsyncCaller() {
      @Override
      public void start(Consumer<Throwable> done) {
        ClientCalls.asyncUnaryCall(
            channel.newCall(ECHO, CallOptions.DEFAULT),
            payload,
            new StreamObserver<byte[]>() {
              @Override
              public void onNext(byte[] value) {}

              @Override
              public void onError(Throwable t) {
                done.accept(t);
              }

              @Override
              public void onCompleted() {
                done.accept(null);
              }
            });
      }

      @Override
      public void close() {
        awaitQuietly(() -> channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS));
      }
    };
  }

  private interface Wait {
    boolean await() throws InterruptedException;
  }

  private static void awaitQuietly(Wait wait) {
    try {
      wait.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Bytes as they are: what a message of one {@code bytes} field costs without protobuf. */
  private enum BytesMarshaller implements MethodDescriptor.Marshaller<byte[]> {
    INSTANCE;

    @Override
    public InputStream stream(byte[] value) {
      return new BytesStream(value);
    }

    @Override
    public byte[] parse(InputStream stream) {
      try {
        return stream.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static final class BytesStream extends ByteArrayInputStream
      implements KnownLength, Drainable {
    BytesStream(byte[] bytes) {
      super(bytes);
    }

    @Override
    public int drainTo(OutputStream target) throws IOException {
      int length = count - pos;
      target.write(buf, pos, length);
      pos = count;
      return length;
    }
  }
}
