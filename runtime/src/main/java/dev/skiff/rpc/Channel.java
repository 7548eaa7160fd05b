package dev.skiff.rpc;

import static java.util.Objects.requireNonNull;

import dev.skiff.rpc.internal.ClientConnection;
import dev.skiff.rpc.protocol.Protocol;
import dev.skiff.rpc.protocol.ProtocolConfig;
import dev.skiff.rpc.protocol.ThriftStruct;
import dev.skiff.rpc.stub.ClientCalls;
import dev.skiff.rpc.stub.MethodDescriptor;
import dev.skiff.rpc.transport.Address;
import dev.skiff.rpc.transport.ClientTransport;
import dev.skiff.rpc.transport.SocketClientOptions;
import dev.skiff.rpc.transport.Transports;
import dev.skiff.rpc.transport.shm.ShmConfig;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * A client's line to one server address. Generated client stubs make their calls through it.
 *
 * <p>The address picks the transport: {@code tcp://host:port}, {@code unix:///path/to.sock} or
 * {@code shm://name} (shared memory with a server on the same host); calls behave the same on all.
 *
 * <p>A channel keeps one connection and multiplexes every call over it, each matched to its reply
 * by sequence id. It connects on the first call; when the connection drops, every call in flight
 * fails at once with {@link ConnectionException}, and the next call connects again. A connection
 * attempt that fails makes the channel refuse calls for a backoff period that doubles with each
 * failure (from {@link Builder#initialBackoff} up to {@link Builder#maxBackoff}).
 *
 * <p>Thread-safe: share one channel between all the threads and stubs that call the same server.
 */
public final class Channel implements AutoCloseable {
  private final Address address;
  private final Protocol protocol;
  private final ProtocolConfig config;
  private final Duration defaultTimeout;
  private final Duration connectTimeout;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final int maxCallsInFlight;
  private final List<ClientInterceptor> interceptors;
  private final ClientTransport transport;

  private final Object lock = new Object();
  private CompletableFuture<ClientConnection> connection;

  // Calls made while a connection is being made wait here, to be sent in the order they were made
  // (a future's callbacks would run in the reverse order). Guarded by the queue.
  private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
  private boolean sendingWaiting;
  private volatile int unsent; // calls queued or being sent from the queue

  /** The connection calls last found active, which the next call tries first, without the lock. */
  private volatile ClientConnection established;

  private int failedAttempts;
  private long nextAttemptNanos;
  private boolean closed;

  private Channel(Builder builder) {
    this.address = builder.address;
    this.protocol = builder.protocol;
    this.config = builder.config;
    this.defaultTimeout = builder.defaultTimeout;
    this.connectTimeout = builder.connectTimeout;
    this.initialBackoff = builder.initialBackoff;
    this.maxBackoff = builder.maxBackoff;
    this.maxCallsInFlight = builder.maxCallsInFlight;
    this.interceptors = List.copyOf(builder.interceptors);
    this.transport =
        Transports.client(
            address,
            config.maxFrameSize(),
            new SocketClientOptions(builder.tcpKeepAlive, builder.tls, builder.ioMode()),
            builder.shmConfig);
  }

  /**
   * A channel to {@code address} ({@code tcp://host:port}, {@code unix:///path/to.sock} or {@code
   * shm://name}) with default settings.
   */
  public static Channel open(String address) {
    return builder(address).build();
  }

  public static Builder builder(String address) {
    return new Builder(Address.parse(address));
  }

  public Address address() {
    return address;
  }

  public Protocol protocol() {
    return protocol;
  }

  /**
   * Makes a call: what generated stubs do. The future completes with the method's result, fails
   * with the declared exception the server sent, or with a {@link SkiffException}: {@link
   * CallTimeoutException}, {@link ConnectionException}, {@link CallRejectedException}, {@link
   * ApplicationException}, {@link dev.skiff.rpc.protocol.ProtocolException}. Cancelling it forgets
   * the call; its reply, if one comes, is dropped.
   *
   * @param multiplexedName the name the server registered the service under, sent as {@code
   *     name:method} as Thrift's TMultiplexedProtocol does; null to send the bare method name
   * @param method the method
   * @param args the generated args struct
   * @param options per-call settings
   */
  public <R> CompletableFuture<R> call(
      String multiplexedName, MethodDescriptor<R> method, ThriftStruct args, CallOptions options) {
    return call(multiplexedName, method, args, options, false);
  }

  /**
   * Makes a call and waits for its result: what generated blocking stubs do. With {@link
   * IoMode#CALLER_THREAD} the calling thread does the call's I/O itself.
   *
   * @param multiplexedName as for {@link #call}
   * @param method the method
   * @param args the generated args struct
   * @param options per-call settings; the timeout bounds the wait
   * @return the method's result, null for void and oneway methods
   * @throws ThriftException the declared exception the server sent
   * @throws SkiffException any failure of the call itself ({@link CallTimeoutException}, {@link
   *     ConnectionException} and the others {@link #call} lists)
   */
  public <R> R callAndWait(
      String multiplexedName, MethodDescriptor<R> method, ThriftStruct args, CallOptions options)
      throws ThriftException {
    return ClientCalls.await(call(multiplexedName, method, args, options, true));
  }

  @SuppressWarnings("unchecked")
  private <R> CompletableFuture<R> call(
      String multiplexedName,
      MethodDescriptor<R> method,
      ThriftStruct args,
      CallOptions options,
      boolean callerWaits) {
    requireNonNull(method, "method");
    requireNonNull(args, "args");
    requireNonNull(options, "options");
    String wireName =
        multiplexedName == null ? method.name() : multiplexedName + ":" + method.name();
    Duration timeout = options.timeout() != null ? options.timeout() : defaultTimeout;
    if (interceptors.isEmpty()) {
      return send(method, wireName, args, timeout, callerWaits);
    }
    CallInfo info =
        new CallInfo(
            multiplexedName != null ? multiplexedName : method.service(),
            method.name(),
            method.oneway(),
            null);
    ClientInterceptor.Invoker chain =
        (call, arguments) ->
            // The caller waits on the chain's future, not on the call's: no reading for it.
            send(method, wireName, (ThriftStruct) arguments, timeout, false)
                .thenApply(r -> (Object) r);
    for (int i = interceptors.size() - 1; i >= 0; i--) {
      ClientInterceptor interceptor = interceptors.get(i);
      ClientInterceptor.Invoker next = chain;
      chain = (call, arguments) -> interceptor.intercept(call, arguments, next);
    }
    CompletionStage<Object> stage;
    try {
      stage = chain.invoke(info, args);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return (CompletableFuture<R>) stage.toCompletableFuture();
  }

  private <R> CompletableFuture<R> send(
      MethodDescriptor<R> method,
      String wireName,
      ThriftStruct args,
      Duration timeout,
      boolean callerWaits) {
    ClientConnection current = established;
    if (current != null && unsent == 0 && current.isActive()) {
      // The common case: connected; no lock, and no extra stage between the caller and the reply.
      return current.call(method, wireName, args, timeout, callerWaits);
    }
    CompletableFuture<ClientConnection> ready = connection();
    if (ready.isDone() && !ready.isCompletedExceptionally() && unsent == 0) {
      ClientConnection now = ready.join();
      // Once the channel is closed, its connection is too: isActive turns the next call away.
      established = now;
      return now.call(method, wireName, args, timeout, callerWaits);
    }
    // Not connected yet, or calls made while connecting are still going out ahead of this one:
    // the call's timeout covers the wait too, and a call that times out or is cancelled meanwhile
    // is never sent.
    CompletableFuture<R> result = new CompletableFuture<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    CompletableFuture.delayedExecutor(timeout.toNanos(), TimeUnit.NANOSECONDS)
        .execute(
            () -> result.completeExceptionally(new CallTimeoutException(method.name(), timeout)));
    Runnable sendWhenReady =
        () -> {
          if (result.isDone()) {
            return;
          }
          ClientConnection conn;
          try {
            conn = ready.join(); // decided by now
          } catch (CompletionException | CancellationException failure) {
            result.completeExceptionally(unwrap(failure));
            return;
          }
          if (deadline - System.nanoTime() <= 0) {
            result.completeExceptionally(new CallTimeoutException(method.name(), timeout));
            return;
          }
          // The timer above still bounds the whole call; the connection's own timer only
          // cleans up, and the call is forgotten as soon as the result is decided.
          // The caller waits on the result future above, not on this one.
          CompletableFuture<R> call = conn.call(method, wireName, args, timeout, false);
          result.whenComplete(
              (value, resultFailure) -> {
                if (resultFailure != null) {
                  call.cancel(false);
                }
              });
          call.whenComplete(
              (value, callFailure) -> {
                if (callFailure != null) {
                  result.completeExceptionally(callFailure);
                } else {
                  result.complete(value);
                }
              });
        };
    synchronized (waiting) {
      waiting.add(new Waiting(ready, sendWhenReady));
      unsent++;
    }
    ready.whenComplete((conn, failure) -> sendWaiting());
    return result;
  }

  /** A call made while connecting: sent, or failed, once {@code ready} is decided. */
  private record Waiting(CompletableFuture<ClientConnection> ready, Runnable send) {}

  /**
   * Sends the waiting calls whose connection attempt is decided, oldest first, one thread at a
   * time; a thread that finds another sending leaves its call to it.
   */
  private void sendWaiting() {
    while (true) {
      Waiting next;
      synchronized (waiting) {
        next = waiting.peek();
        if (sendingWaiting || next == null || !next.ready().isDone()) {
          return;
        }
        waiting.poll();
        sendingWaiting = true;
      }
      try {
        next.send().run();
      } finally {
        synchronized (waiting) {
          sendingWaiting = false;
          unsent--;
        }
      }
    }
  }

  private static Throwable unwrap(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause()
        : failure;
  }

  private CompletableFuture<ClientConnection> connection() {
    synchronized (lock) {
      if (closed) {
        return CompletableFuture.failedFuture(
            new CallRejectedException("channel to " + address + " is closed"));
      }
      if (connection != null) {
        boolean connecting = !connection.isDone();
        boolean connected =
            connection.isDone()
                && !connection.isCompletedExceptionally()
                && connection.join().isActive();
        if (connecting || connected) {
          return connection;
        }
      }
      long now = System.nanoTime();
      if (failedAttempts > 0 && now - nextAttemptNanos < 0) {
        long waitMillis = Duration.ofNanos(nextAttemptNanos - now).toMillis();
        return CompletableFuture.failedFuture(
            new ConnectionException(
                "not connected to "
                    + address
                    + " after "
                    + failedAttempts
                    + " failed attempts; next attempt in "
                    + waitMillis
                    + " ms"));
      }
      connection = connect();
      return connection;
    }
  }

  private CompletableFuture<ClientConnection> connect() {
    CompletableFuture<ClientConnection> result = new CompletableFuture<>();
    transport
        .connect(
            address,
            connectTimeout,
            frames ->
                ClientConnection.bind(
                    frames, protocol, config, maxCallsInFlight, address.toString()))
        .whenComplete(
            (connected, failure) -> {
              synchronized (lock) {
                if (failure == null) {
                  failedAttempts = 0;
                } else {
                  failedAttempts++;
                  long backoff =
                      Math.min(
                          maxBackoff.toNanos(),
                          initialBackoff.toNanos() << Math.min(failedAttempts - 1, 30));
                  nextAttemptNanos = System.nanoTime() + backoff;
                }
                if (failure == null && closed) {
                  connected.close();
                  result.completeExceptionally(
                      new CallRejectedException("channel to " + address + " is closed"));
                  return;
                }
              }
              if (failure == null) {
                result.complete(connected);
              } else {
                Throwable cause = unwrap(failure);
                result.completeExceptionally(
                    new ConnectionException(
                        "cannot connect to " + address + ": " + cause.getMessage(), cause));
              }
            });
    return result;
  }

  /**
   * Closes the channel: calls in flight fail with {@link ConnectionException}, new calls with
   * {@link CallRejectedException}. Idempotent.
   */
  @Override
  public void close() {
    CompletableFuture<ClientConnection> last;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      last = connection;
    }
    if (last != null) {
      last.thenAccept(ClientConnection::close);
    }
  }

  /** Settings for a {@link Channel}; every one has a sensible default. */
  public static final class Builder {
    private final Address address;
    private Protocol protocol = Protocol.COMPACT;
    private ProtocolConfig config = ProtocolConfig.defaults();
    private Duration defaultTimeout = Duration.ofSeconds(30);
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration initialBackoff = Duration.ofMillis(100);
    private Duration maxBackoff = Duration.ofSeconds(10);
    private int maxCallsInFlight = 10_000;
    private ShmConfig shmConfig = ShmConfig.defaults();
    private boolean tcpKeepAlive;
    private TlsConfig tls;
    private IoMode ioMode; // null: chosen by build(), see ioMode()
    private final List<ClientInterceptor> interceptors = new ArrayList<>();

    private Builder(Address address) {
      this.address = address;
    }

    /** The protocol calls are encoded in; {@link Protocol#COMPACT} by default. */
    public Builder protocol(Protocol protocol) {
      this.protocol = requireNonNull(protocol, "protocol");
      return this;
    }

    /** Limits applied to replies; {@link ProtocolConfig#defaults()} by default. */
    public Builder protocolConfig(ProtocolConfig config) {
      this.config = requireNonNull(config, "config");
      return this;
    }

    /** The timeout of calls that set none; 30 seconds by default. */
    public Builder defaultTimeout(Duration timeout) {
      this.defaultTimeout = positive(timeout, "defaultTimeout");
      return this;
    }

    /** How long one connection attempt may take; 5 seconds by default. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    /** The wait after the first failed connection attempt; 100 ms by default. */
    public Builder initialBackoff(Duration backoff) {
      this.initialBackoff = positive(backoff, "initialBackoff");
      return this;
    }

    /** The longest wait between connection attempts; 10 seconds by default. */
    public Builder maxBackoff(Duration backoff) {
      this.maxBackoff = positive(backoff, "maxBackoff");
      return this;
    }

    /**
     * How many calls may await replies at once; beyond it calls fail fast with {@link
     * CallRejectedException}. 10,000 by default.
     */
    public Builder maxCallsInFlight(int limit) {
      if (limit < 1) {
        throw new IllegalArgumentException("maxCallsInFlight must be positive but was " + limit);
      }
      this.maxCallsInFlight = limit;
      return this;
    }

    /**
     * Settings for {@code shm://} addresses: where mailboxes live, how the receiver waits (back-off
     * by default, or busy-spin), and whether a send to a full mailbox waits (the default) or fails
     * fast with {@link MailboxFullException}. Ignored for other schemes.
     */
    public Builder shmConfig(ShmConfig shmConfig) {
      this.shmConfig = requireNonNull(shmConfig, "shmConfig");
      return this;
    }

    /**
     * Turns on TCP keepalive ({@code SO_KEEPALIVE}) for {@code tcp://} connections; off by default.
     * It makes the kernel notice a peer host that is gone (crashed, powered off, partitioned away)
     * and fail the connection, and with it every call in flight, after the system's keepalive time
     * (two hours by default on Linux, {@code net.ipv4.tcp_keepalive_time}). It does not notice a
     * peer process that is alive but stuck (stopped, deadlocked, overloaded): its kernel still
     * answers the probes. Only the call timeout catches that.
     */
    public Builder tcpKeepAlive(boolean on) {
      this.tcpKeepAlive = on;
      return this;
    }

    /**
     * Connects over TLS (1.3 or 1.2), for {@code tcp://} addresses. The server's certificate must
     * be trusted ({@link TlsConfig.Builder#trustStore}, else the JDK's default authorities) and,
     * unless turned off, name the host of the address. With a key ({@link
     * TlsConfig.Builder#keyStore}) the channel can authenticate itself to a server that requires
     * client certificates. A failed handshake fails the call with {@link ConnectionException}.
     */
    public Builder tls(TlsConfig tls) {
      requireNonNull(tls, "tls");
      if (!address.scheme().equals(Address.TCP)) {
        throw new IllegalArgumentException("TLS is for tcp:// addresses, not " + address);
      }
      this.tls = tls;
      return this;
    }

    /**
     * Which threads do the I/O of {@code tcp://} and {@code unix://} connections: the calling
     * threads themselves ({@link IoMode#CALLER_THREAD}, the default for plain sockets: no thread
     * hand-off on a sync call), or a shared event loop ({@link IoMode#EVENT_LOOP}, the default with
     * {@link #tls TLS}, which only it supports). {@code shm://} channels ignore it: their callers
     * always poll for their own replies.
     */
    public Builder ioMode(IoMode mode) {
      this.ioMode = requireNonNull(mode, "mode");
      return this;
    }

    /** Adds an interceptor; the first added runs outermost. */
    public Builder intercept(ClientInterceptor interceptor) {
      interceptors.add(requireNonNull(interceptor, "interceptor"));
      return this;
    }

    /**
     * @throws IllegalArgumentException if the settings do not go together: TLS with {@link
     *     IoMode#CALLER_THREAD}
     */
    public Channel build() {
      if (tls != null && ioMode == IoMode.CALLER_THREAD) {
        throw new IllegalArgumentException(
            "TLS needs IoMode.EVENT_LOOP; IoMode.CALLER_THREAD connections are plain sockets");
      }
      return new Channel(this);
    }

    /** The I/O mode set, or the default for this channel's sockets. */
    private IoMode ioMode() {
      if (ioMode != null) {
        return ioMode;
      }
      return tls != null ? IoMode.EVENT_LOOP : IoMode.CALLER_THREAD;
    }

    private static Duration positive(Duration value, String name) {
      requireNonNull(value, name);
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive but was " + value);
      }
      return value;
    }
  }
}
