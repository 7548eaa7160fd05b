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
import dev.skiff.rpc.transport.FrameConnection;
import dev.skiff.rpc.transport.FrameHandler;
import dev.skiff.rpc.transport.Frames;
import dev.skiff.rpc.transport.PolledCallFuture;
import io.netty.buffer.ByteBuf;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection over any transport: sends calls, each under a fresh sequence id, and
 * matches replies to calls by that id, so that many calls share the connection and replies may come
 * in any order. Every call has a timeout: scheduled by its connection, or kept by the sync caller
 * that waits for it ({@link PolledCallFuture#timeBy}); when the connection closes, every pending
 * call fails at once. Thread-safe.
 */
public final class ClientConnection implements FrameHandler {
  private static final Logger log = LoggerFactory.getLogger(ClientConnection.class);

  private final FrameConnection channel;
  private final Protocol protocol;
  private final ProtocolConfig config;
  private final int maxCallsInFlight;
  private final String peer;
  private final Map<Integer, PendingCall<?>> pending = new ConcurrentHashMap<>();
  private final AtomicInteger sequenceIds = new AtomicInteger();
  private volatile boolean closed;

  private ClientConnection(
      FrameConnection channel,
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

  /** A connection for calls over {@code channel}; it is the handler of the channel's replies. */
  public static ClientConnection bind(
      FrameConnection channel,
      Protocol protocol,
      ProtocolConfig config,
      int maxCallsInFlight,
      String peer) {
    return new ClientConnection(channel, protocol, config, maxCallsInFlight, peer);
  }

  public boolean isActive() {
    return !closed && channel.isActive();
  }

  public FrameConnection channel() {
    return channel;
  }

  public int callsInFlight() {
    return pending.size();
  }

  /**
   * Sends a call. The future completes with the result, a declared exception, or a {@link
   * SkiffException}; cancelling it forgets the call.
   *
   * @param callerWaits whether the calling thread blocks on the returned future right away (see
   *     {@link FrameConnection#newCallFuture})
   */
  public <R> CompletableFuture<R> call(
      MethodDescriptor<R> method,
      String wireName,
      ThriftStruct args,
      Duration timeout,
      boolean callerWaits) {
    // A oneway call is done once sent: no reply to read, so no transport's future.
    CompletableFuture<R> result =
        method.oneway() ? new CompletableFuture<>() : channel.newCallFuture(callerWaits);
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
      channel.send(
          frame,
          failure -> {
            if (failure == null) {
              result.complete(null);
            } else {
              result.completeExceptionally(sendFailure(failure));
            }
          });
      return result;
    }
    PendingCall<R> call = new PendingCall<>(this, method, result, sequenceId, timeout);
    long deadline = System.nanoTime() + timeout.toNanos();
    // A sync caller that waits by polling is awake at the deadline anyway: it ends the call
    // itself, and the call takes no timer.
    boolean callerTimesIt = callerWaits && result instanceof PolledCallFuture<R>;
    if (callerTimesIt) {
      ((PolledCallFuture<R>) result).timeBy(call, deadline);
    } else {
      result.whenComplete(call);
    }
    pending.put(call.sequenceId, call);
    channel.send(frame, deadline, call);
    if (!callerTimesIt) {
      // Taken once the frame is out, so that the timer's bookkeeping is not in the round trip's
      // way.
      call.startTimer(timeout);
    }
    if (closed) {
      // The connection closed between the check above and registering the call.
      result.completeExceptionally(new ConnectionException("connection to " + peer + " closed"));
    }
    return result;
  }

  private SkiffException sendFailure(Throwable failure) {
    // A transport's own refusal (a full mailbox, a dead peer) is already the right type.
    return failure instanceof SkiffException skiff
        ? skiff
        : new ConnectionException("could not send to " + peer, failure);
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
    ByteBuf out = channel.newFrameBuffer();
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

  /**
   * A call waiting for its reply. One object per call plays every part the call's life needs: the
   * timeout task, the clean-up once the result is decided, and the send listener.
   */
  private static final class PendingCall<R>
      implements Runnable,
          BiConsumer<R, Throwable>,
          PolledCallFuture.TimedCall,
          FrameConnection.SendListener {
    final ClientConnection connection;
    final MethodDescriptor<R> method;
    final CompletableFuture<R> result;
    final Integer sequenceId; // boxed once, for every use as the key
    final Duration timeout;
    private volatile FrameConnection.Cancellable timer; // null until the frame is sent

    PendingCall(
        ClientConnection connection,
        MethodDescriptor<R> method,
        CompletableFuture<R> result,
        int sequenceId,
        Duration timeout) {
      this.connection = connection;
      this.method = method;
      this.result = result;
      this.sequenceId = sequenceId;
      this.timeout = timeout;
    }

    /** The timer fired. */
    @Override
    public void run() {
      expire();
    }

    @Override
    public void expire() {
      if (connection.pending.remove(sequenceId, this)) {
        result.completeExceptionally(new CallTimeoutException(method.name(), timeout));
      }
    }

    void startTimer(Duration timeout) {
      FrameConnection.Cancellable started = connection.channel.schedule(this, timeout.toNanos());
      timer = started;
      if (result.isDone()) {
        // Decided before the timer was there to cancel (a reply, a send failure, a close).
        started.cancel();
      }
    }

    /** The result is decided, one way or another. */
    @Override
    public void accept(R value, Throwable failure) {
      decided();
    }

    @Override
    public void decided() {
      connection.pending.remove(sequenceId, this);
      FrameConnection.Cancellable started = timer;
      if (started != null) {
        started.cancel();
      }
    }

    @Override
    public void sent(Throwable failure) {
      if (failure != null) {
        result.completeExceptionally(connection.sendFailure(failure));
      }
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

  /** Hands a reply to the call it answers; called by the transport. */
  @Override
  public void frameReceived(ByteBuf frame) {
    ProtocolReader reader = protocol.newReader(frame, config);
    MessageHeader header;
    try {
      header = reader.readMessageBegin();
    } catch (ProtocolException e) {
      log.warn("closing connection to {}: unreadable reply: {}", peer, e.getMessage());
      channel.close();
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
  public void connectionClosed(Throwable cause) {
    if (cause == null) {
      failAll(new ConnectionException("connection to " + peer + " closed"));
    } else if (cause instanceof ConnectionException dead) {
      failAll(dead);
    } else {
      log.warn("connection to {} failed: {}", peer, cause.toString());
      failAll(new ConnectionException("connection to " + peer + " failed: " + cause, cause));
    }
  }
}
