package dev.skiff.rpc.internal;

import dev.skiff.rpc.ApplicationException;
import dev.skiff.rpc.CallRejectedException;
import dev.skiff.rpc.CallTimeoutException;
import dev.skiff.rpc.ConnectionException;
import dev.skiff.rpc.SkiffException;
import dev.skiff.rpc.ThriftException;
import dev.skiff.rpc.protocol.MessageHeader;
import dev.skiff.rpc.protocol.MessageType;
import dev.skiff.rpc.protocol.Protocol;
import dev.skiff.rpc.protocol.ProtocolConfig;
import dev.skiff.rpc.protocol.ProtocolException;
import dev.skiff.rpc.protocol.ProtocolReader;
import dev.skiff.rpc.protocol.ProtocolWriter;
import dev.skiff.rpc.protocol.ThriftStruct;
import dev.skiff.rpc.stub.MethodDescriptor;
import dev.skiff.rpc.transport.FrameDecoder;
import dev.skiff.rpc.transport.Frames;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection: sends calls, each under a fresh sequence id, and matches replies to calls
 * by that id, so that many calls share the connection and replies may come in any order. Every call
 * has a timeout scheduled on the connection's event loop; when the connection closes, every pending
 * call fails at once. Thread-safe.
 */
public final class ClientConnection {
  private static final Logger log = LoggerFactory.getLogger(ClientConnection.class);

  private final Channel channel;
  private final Protocol protocol;
  private final ProtocolConfig config;
  private final int maxCallsInFlight;
  private final String peer;
  private final Map<Integer, PendingCall<?>> pending = new ConcurrentHashMap<>();
  private final AtomicInteger sequenceIds = new AtomicInteger();
  private volatile boolean closed;

  private ClientConnection(
      Channel channel,
      Protocol protocol,
      ProtocolConfig config,
      int maxCallsInFlight,
      String peer) {
    this.channel = channel;
    this.protocol = protocol;
    this.config = config;
    this.maxCallsInFlight = maxCallsInFlight;
    this.peer = peer;
  }

  /** The Netty pipeline of a client connection; the connection itself is bound once connected. */
  public static ChannelInitializer<Channel> initializer(ProtocolConfig config) {
    return new ChannelInitializer<>() {
      @Override
      protected void initChannel(Channel ch) {
        ch.pipeline().addLast("frames", new FrameDecoder(config.maxFrameSize()));
      }
    };
  }

  /** Wraps a connected channel and starts reading replies from it. */
  public static ClientConnection attach(
      Channel channel,
      Protocol protocol,
      ProtocolConfig config,
      int maxCallsInFlight,
      String peer) {
    ClientConnection connection =
        new ClientConnection(channel, protocol, config, maxCallsInFlight, peer);
    channel.pipeline().addLast("replies", connection.new ReplyHandler());
    if (!channel.isActive()) {
      connection.failAll(new ConnectionException("connection to " + peer + " closed"));
    }
    return connection;
  }

  public boolean isActive() {
    return !closed && channel.isActive();
  }

  public Channel channel() {
    return channel;
  }

  public int callsInFlight() {
    return pending.size();
  }

  /**
   * Sends a call. The future completes with the result, a declared exception, or a {@link
   * SkiffException}; cancelling it forgets the call.
   */
  public <R> CompletableFuture<R> call(
      MethodDescriptor<R> method, String wireName, ThriftStruct args, Duration timeout) {
    CompletableFuture<R> result = new CompletableFuture<>();
    if (!isActive()) {
      result.completeExceptionally(new ConnectionException("not connected to " + peer));
      return result;
    }
    if (!method.oneway() && pending.size() >= maxCallsInFlight) {
      result.completeExceptionally(
          new CallRejectedException(
              "too many calls in flight to " + peer + ": limit " + maxCallsInFlight));
      return result;
    }
    int sequenceId = nextSequenceId();
    ByteBuf frame;
    try {
      frame =
          encode(
              wireName, method.oneway() ? MessageType.ONEWAY : MessageType.CALL, sequenceId, args);
    } catch (RuntimeException e) {
      result.completeExceptionally(e);
      return result;
    }
    if (method.oneway()) {
      channel
          .writeAndFlush(frame)
          .addListener(
              written -> {
                if (written.isSuccess()) {
                  result.complete(null);
                } else {
                  result.completeExceptionally(
                      new ConnectionException("could not send to " + peer, written.cause()));
                }
              });
      return result;
    }
    PendingCall<R> call = new PendingCall<>(method, result);
    pending.put(sequenceId, call);
    call.timeout =
        channel
            .eventLoop()
            .schedule(
                () -> {
                  if (pending.remove(sequenceId, call)) {
                    result.completeExceptionally(new CallTimeoutException(method.name(), timeout));
                  }
                },
                timeout.toNanos(),
                TimeUnit.NANOSECONDS);
    result.whenComplete(
        (value, failure) -> {
          pending.remove(sequenceId, call);
          call.timeout.cancel(false);
        });
    channel
        .writeAndFlush(frame)
        .addListener(
            written -> {
              if (!written.isSuccess()) {
                result.completeExceptionally(
                    new ConnectionException("could not send to " + peer, written.cause()));
              }
            });
    if (closed) {
      // The connection closed between the check above and registering the call.
      result.completeExceptionally(new ConnectionException("connection to " + peer + " closed"));
    }
    return result;
  }

  private int nextSequenceId() {
    int id = sequenceIds.incrementAndGet();
    if (id <= 0) {
      // After 2^31 calls, wrap around to 1; ids still pending that long ago have timed out.
      sequenceIds.compareAndSet(id, 0);
      id = sequenceIds.incrementAndGet();
    }
    return id;
  }

  private ByteBuf encode(String name, MessageType type, int sequenceId, ThriftStruct args) {
    ByteBuf out = channel.alloc().ioBuffer();
    try {
      int start = Frames.begin(out);
      ProtocolWriter writer = protocol.newWriter(out);
      writer.writeMessageBegin(new MessageHeader(name, type, sequenceId));
      args.write(writer);
      writer.writeMessageEnd();
      Frames.end(out, start, config.maxFrameSize());
      return out;
    } catch (RuntimeException e) {
      out.release();
      throw e;
    }
  }

  public void close() {
    closed = true;
    channel.close();
  }

  private void failAll(SkiffException failure) {
    closed = true;
    for (Integer id : pending.keySet()) {
      PendingCall<?> call = pending.remove(id);
      if (call != null) {
        call.result.completeExceptionally(failure);
      }
    }
  }

  private static final class PendingCall<R> {
    final MethodDescriptor<R> method;
    final CompletableFuture<R> result;
    ScheduledFuture<?> timeout;

    PendingCall(MethodDescriptor<R> method, CompletableFuture<R> result) {
      this.method = method;
      this.result = result;
    }

    void complete(ProtocolReader reader) {
      try {
        R value = method.resultReader().read(reader);
        reader.readMessageEnd();
        result.complete(value);
      } catch (ThriftException declared) {
        result.completeExceptionally(declared);
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
      }
    }
  }

  /** Reads replies on the event loop and hands each to the call it answers. */
  private final class ReplyHandler extends SimpleChannelInboundHandler<ByteBuf> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ByteBuf frame) {
      ProtocolReader reader = protocol.newReader(frame, config);
      MessageHeader header;
      try {
        header = reader.readMessageBegin();
      } catch (ProtocolException e) {
        log.warn("closing connection to {}: unreadable reply: {}", peer, e.getMessage());
        ctx.close();
        return;
      }
      PendingCall<?> call = pending.remove(header.sequenceId());
      if (call == null) {
        log.debug("dropping reply from {}: unknown sequence id {}", peer, header.sequenceId());
        return;
      }
      switch (header.type()) {
        case REPLY -> call.complete(reader);
        case EXCEPTION -> {
          try {
            call.result.completeExceptionally(ApplicationException.read(reader));
          } catch (RuntimeException e) {
            call.result.completeExceptionally(e);
          }
        }
        default ->
            call.result.completeExceptionally(
                new ApplicationException(
                    ApplicationException.Type.INVALID_MESSAGE_TYPE,
                    "reply to " + call.method.name() + " has message type " + header.type()));
      }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      failAll(new ConnectionException("connection to " + peer + " closed"));
      ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      log.warn("closing connection to {}: {}", peer, cause.toString());
      failAll(new ConnectionException("connection to " + peer + " failed: " + cause, cause));
      ctx.close();
    }
  }
}
