package dev.skiff.rpc.internal;

import dev.skiff.rpc.ApplicationException;
import dev.skiff.rpc.CallContext;
import dev.skiff.rpc.CallInfo;
import dev.skiff.rpc.SkiffException;
import dev.skiff.rpc.protocol.MessageHeader;
import dev.skiff.rpc.protocol.MessageType;
import dev.skiff.rpc.protocol.Protocol;
import dev.skiff.rpc.protocol.ProtocolConfig;
import dev.skiff.rpc.protocol.ProtocolException;
import dev.skiff.rpc.protocol.ProtocolReader;
import dev.skiff.rpc.protocol.ProtocolWriter;
import dev.skiff.rpc.protocol.TType;
import dev.skiff.rpc.protocol.ThriftStruct;
import dev.skiff.rpc.stub.ServerMethod;
import dev.skiff.rpc.transport.FrameConnection;
import dev.skiff.rpc.transport.FrameHandler;
import dev.skiff.rpc.transport.Frames;
import io.netty.buffer.ByteBuf;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one connection: reads each frame's message, decodes the arguments on the event loop, runs
 * the method on the handler executor and writes the reply — in whatever order calls finish; Thrift
 * clients match replies by sequence id. The protocol (compact or binary) is recognised from each
 * message's first byte. Errors that concern one call are answered with an {@link
 * ApplicationException} and leave the connection open; only a stream that has lost its framing or
 * an unreadable message header closes it. Works over any transport's {@link FrameConnection}.
 */
public final class ServerConnectionHandler implements FrameHandler {
  private static final Logger log = LoggerFactory.getLogger(ServerConnectionHandler.class);

  private final FrameConnection connection;
  private final Dispatcher dispatcher;
  private final ProtocolConfig config;

  /** Calls of this connection counted in and not yet answered: decremented on handler threads. */
  private final AtomicInteger inFlight = new AtomicInteger();

  /**
   * The calls handlers are running, to cancel when the connection closes: those still running once
   * handed to the executor. An insert and a removal for every call were a measurable part of a
   * shared-memory round trip (a microsecond).
   */
  private final Set<CallContext> running = ConcurrentHashMap.newKeySet();

  /** The call being handed to the executor, which a direct executor runs meanwhile. */
  private volatile CallContext dispatching;

  private static final int STARTED = 0;
  private static final int REGISTERED = 1;
  private static final int DONE = 2;

  public ServerConnectionHandler(
      FrameConnection connection, Dispatcher dispatcher, ProtocolConfig config) {
    this.connection = connection;
    this.dispatcher = dispatcher;
    this.config = config;
  }

  @Override
  public void frameReceived(ByteBuf frame) {
    if (!frame.isReadable()) {
      log.debug("closing connection from {}: empty frame", connection.remoteAddress());
      connection.close();
      return;
    }
    Protocol protocol;
    MessageHeader header;
    ProtocolReader reader;
    try {
      protocol = Protocol.detect(frame.getByte(frame.readerIndex()));
      reader = protocol.newReader(frame, config);
      header = reader.readMessageBegin();
    } catch (ProtocolException e) {
      log.debug(
          "closing connection from {}: unreadable message: {}",
          connection.remoteAddress(),
          e.getMessage());
      connection.close();
      return;
    }
    boolean oneway = header.type() == MessageType.ONEWAY;
    if (header.type() != MessageType.CALL && !oneway) {
      replyError(
          protocol,
          header,
          ApplicationException.Type.INVALID_MESSAGE_TYPE,
          "Invalid message type " + header.type() + " for '" + header.name() + "'");
      return;
    }
    Dispatcher.Target target = dispatcher.find(header.name());
    if (target == null) {
      skipArguments(reader);
      if (!oneway) {
        replyError(
            protocol,
            header,
            ApplicationException.Type.UNKNOWN_METHOD,
            dispatcher.notFound(header.name()));
      }
      return;
    }
    CallInfo call =
        new CallInfo(
            target.service(),
            target.method().name(),
            oneway,
            connection.remoteAddress(),
            connection.peer());
    // Refusals come before the arguments are decoded: a refused call costs no decoding.
    if (dispatcher.draining()) {
      if (!oneway) {
        replyError(
            protocol,
            header,
            ApplicationException.Type.INTERNAL_ERROR,
            "Server is shutting down; '" + bareName(header.name()) + "' was not run");
      }
      return;
    }
    String denied = dispatcher.authorize(call);
    if (denied != null) {
      if (oneway) {
        log.debug(
            "dropping oneway {} from {}: {}", header.name(), connection.remoteAddress(), denied);
      } else {
        replyError(protocol, header, ApplicationException.Type.INTERNAL_ERROR, denied);
      }
      return;
    }
    String refusal = admit();
    if (refusal != null) {
      if (oneway) {
        log.debug(
            "dropping oneway {} from {}: {}", header.name(), connection.remoteAddress(), refusal);
      } else {
        replyError(
            protocol,
            header,
            ApplicationException.Type.INTERNAL_ERROR,
            refusal + "; '" + bareName(header.name()) + "' was not run");
      }
      return;
    }
    ThriftStruct args;
    try {
      args = target.method().argsReader().read(reader);
      reader.readMessageEnd();
    } catch (ProtocolException e) {
      release();
      if (!oneway) {
        replyError(
            protocol,
            header,
            ApplicationException.Type.PROTOCOL_ERROR,
            "Malformed arguments of '" + bareName(header.name()) + "': " + e.getMessage());
      }
      return;
    }
    dispatch(protocol, header, call, target.method(), args);
  }

  private void dispatch(
      Protocol protocol,
      MessageHeader header,
      CallInfo call,
      ServerMethod<?> method,
      ThriftStruct args) {
    CallContext context = CallContexts.create(call);
    // A call that completes within execute() (a direct executor, a synchronous handler) never
    // enters the running set; one still running afterwards does. Meanwhile it is `dispatching`,
    // so that a close cancels it either way.
    Dispatched dispatched = new Dispatched(protocol, header, call, method, args, context);
    dispatching = context;
    try {
      dispatcher.executor().execute(dispatched);
      if (dispatched.state != DONE) {
        running.add(context);
        if (!Dispatched.STATE.compareAndSet(dispatched, STARTED, REGISTERED)) {
          running.remove(context); // it completed between the check and the add
        }
      }
    } catch (RejectedExecutionException e) {
      release();
      if (!call.oneway()) {
        replyError(
            protocol,
            header,
            ApplicationException.Type.INTERNAL_ERROR,
            "Server is overloaded; '" + call.method() + "' was not run");
      }
    } finally {
      dispatching = null;
    }
  }

  /**
   * A call handed to the executor: runs the method, then answers. One object per call is both the
   * task and the completion callback, and holds the call's state: {@link #STARTED}, {@link
   * #REGISTERED} in the running set, or {@link #DONE}.
   */
  private final class Dispatched implements Runnable, BiConsumer<Object, Throwable> {
    static final VarHandle STATE;

    static {
      try {
        STATE = MethodHandles.lookup().findVarHandle(Dispatched.class, "state", int.class);
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }

    private final Protocol protocol;
    private final MessageHeader header;
    private final CallInfo call;
    private final ServerMethod<?> method;
    private final ThriftStruct args;
    private final CallContext context;
    volatile int state = STARTED;

    Dispatched(
        Protocol protocol,
        MessageHeader header,
        CallInfo call,
        ServerMethod<?> method,
        ThriftStruct args,
        CallContext context) {
      this.protocol = protocol;
      this.header = header;
      this.call = call;
      this.method = method;
      this.args = args;
      this.context = context;
    }

    @Override
    public void run() {
      dispatcher.invoke(context, method, args).whenComplete(this);
    }

    @Override
    public void accept(Object result, Throwable failure) {
      try {
        finish(protocol, header, call, result, failure);
      } finally {
        if ((int) STATE.getAndSet(this, DONE) == REGISTERED) {
          running.remove(context);
        }
        release();
      }
    }
  }

  /**
   * Counts a call in, within the connection's and the server's limits on calls in flight.
   *
   * @return null when counted in (then {@link #release()} once it is done), else why not
   */
  private String admit() {
    int limit = dispatcher.maxCallsPerConnection();
    if (inFlight.get() >= limit) {
      // Only this connection's reading thread counts in, so the check cannot race past the limit.
      return "Too many calls in flight on this connection: limit " + limit;
    }
    String refusal = dispatcher.tryCallStarted();
    if (refusal == null) {
      inFlight.incrementAndGet();
    }
    return refusal;
  }

  private void release() {
    inFlight.decrementAndGet();
    dispatcher.callFinished();
  }

  @Override
  public boolean hasCallsInFlight() {
    return inFlight.get() > 0;
  }

  private void finish(
      Protocol protocol, MessageHeader header, CallInfo call, Object result, Throwable failure) {
    if (call.oneway()) {
      if (failure != null) {
        log.warn("oneway {}.{} failed", call.service(), call.method(), unwrap(failure));
      }
      return;
    }
    if (failure != null) {
      Throwable cause = unwrap(failure);
      if (cause instanceof ApplicationException app) {
        replyError(protocol, header, app.type(), app.getMessage());
      } else if (cause instanceof SkiffException skiff && skiff.getMessage() != null) {
        // A runtime refusal (an interceptor denying the call, say): its message is for the client.
        replyError(protocol, header, ApplicationException.Type.INTERNAL_ERROR, skiff.getMessage());
      } else {
        log.warn("{}.{} failed", call.service(), call.method(), cause);
        replyError(
            protocol,
            header,
            ApplicationException.Type.INTERNAL_ERROR,
            "Internal error processing " + call.method());
      }
      return;
    }
    if (!(result instanceof ThriftStruct struct)) {
      replyError(
          protocol,
          header,
          ApplicationException.Type.MISSING_RESULT,
          call.method() + " produced no result");
      return;
    }
    ByteBuf out = connection.alloc().ioBuffer();
    try {
      int start = Frames.begin(out);
      ProtocolWriter writer = protocol.newWriter(out);
      writer.writeMessageBegin(
          new MessageHeader(call.method(), MessageType.REPLY, header.sequenceId()));
      struct.write(writer);
      writer.writeMessageEnd();
      Frames.end(out, start, config.maxFrameSize());
    } catch (RuntimeException e) {
      out.release();
      log.warn("cannot encode the reply of {}.{}", call.service(), call.method(), e);
      replyError(
          protocol,
          header,
          ApplicationException.Type.INTERNAL_ERROR,
          "Internal error processing " + call.method() + ": the reply cannot be encoded");
      return;
    }
    connection.send(out, null);
  }

  private void replyError(
      Protocol protocol, MessageHeader header, ApplicationException.Type type, String message) {
    ByteBuf out = connection.alloc().ioBuffer();
    int start = Frames.begin(out);
    ProtocolWriter writer = protocol.newWriter(out);
    writer.writeMessageBegin(
        new MessageHeader(bareName(header.name()), MessageType.EXCEPTION, header.sequenceId()));
    new ApplicationException(type, message).write(writer);
    writer.writeMessageEnd();
    Frames.end(out, start, Integer.MAX_VALUE);
    connection.send(out, null);
  }

  private void skipArguments(ProtocolReader reader) {
    try {
      reader.skip(TType.STRUCT);
      reader.readMessageEnd();
    } catch (ProtocolException e) {
      // The reply says the method is unknown; malformed arguments add nothing to that.
    }
  }

  private static String bareName(String messageName) {
    int colon = messageName.indexOf(':');
    return colon >= 0 ? messageName.substring(colon + 1) : messageName;
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  @Override
  public void connectionClosed(Throwable cause) {
    // Nobody can receive these replies any more: tell the handlers still working on them.
    CallContext inDispatch = dispatching;
    if (inDispatch != null) {
      CallContexts.cancel(inDispatch);
    }
    for (CallContext context : running) {
      CallContexts.cancel(context);
    }
    if (cause instanceof ProtocolException) {
      log.debug("connection from {} closed: {}", connection.remoteAddress(), cause.getMessage());
    } else if (cause != null) {
      log.debug("connection from {} closed", connection.remoteAddress(), cause);
    }
  }
}
