package dev.skiff.rpc;

import static java.util.Objects.requireNonNull;

import dev.skiff.rpc.internal.Dispatcher;
import dev.skiff.rpc.internal.HandlerExecutors;
import dev.skiff.rpc.internal.ServerConnectionHandler;
import dev.skiff.rpc.protocol.ProtocolConfig;
import dev.skiff.rpc.transport.Address;
import dev.skiff.rpc.transport.ServerTransport;
import dev.skiff.rpc.transport.SocketServerOptions;
import dev.skiff.rpc.transport.Transports;
import dev.skiff.rpc.transport.shm.ShmConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;

/**
 * Serves Thrift services on one address. Answers any Thrift client: compact or binary protocol
 * (recognised per message), framed transport, plain or multiplexed ({@code Service:method}) names.
 * The address picks the transport: {@code tcp://host:port}, {@code unix:///path/to.sock}, or {@code
 * shm://name}, a shared-memory mailbox that clients on the same host send to and that several
 * server processes may serve together.
 *
 * <pre>{@code
 * Server server = Server.builder("tcp://0.0.0.0:9090")
 *     .service(Calculator.serviceDefinition(new CalculatorHandler()))
 *     .build()
 *     .start();
 * }</pre>
 *
 * <p>Thread-safe. {@link #close()} shuts down gracefully and is idempotent.
 */
public final class Server implements AutoCloseable {
  private final Address address;
  private final ProtocolConfig config;
  private final Dispatcher dispatcher;
  private final ExecutorService ownedExecutor;
  private final Duration gracePeriod;
  private final ServerTransport transport;
  private ServerTransport.Listener listener;
  private boolean started;
  private boolean closed;

  private Server(Builder builder) {
    this.address = builder.address;
    this.config = builder.config;
    this.gracePeriod = builder.gracePeriod;
    Executor executor = builder.executor;
    this.ownedExecutor = executor == null ? HandlerExecutors.newDefault() : null;
    if (executor == null) {
      executor = ownedExecutor;
    }
    this.dispatcher =
        new Dispatcher(
            builder.defaultService,
            builder.named,
            builder.interceptors,
            executor,
            builder.maxCallsInFlight,
            builder.maxCallsPerConnection,
            builder.authorizer);
    SocketServerOptions sockets =
        new SocketServerOptions(
            builder.eventLoopThreads,
            builder.maxConnections,
            builder.frameReadTimeout,
            builder.idleTimeout,
            builder.writeBufferLowWaterMark,
            builder.writeBufferHighWaterMark,
            builder.tls);
    this.transport = Transports.server(address, config.maxFrameSize(), sockets, builder.shmConfig);
  }

  public static Builder builder(String address) {
    return new Builder(Address.parse(address));
  }

  /**
   * Binds the address and starts serving.
   *
   * @throws ConnectionException if the address cannot be bound (in use, not local, a live server
   *     already on a Unix socket path)
   */
  public synchronized Server start() {
    if (started) {
      throw new IllegalStateException("server already started");
    }
    started = true;
    try {
      listener =
          transport.listen(
              address, frames -> new ServerConnectionHandler(frames, dispatcher, config));
    } catch (RuntimeException e) {
      if (ownedExecutor != null) {
        ownedExecutor.shutdownNow();
      }
      throw e;
    }
    return this;
  }

  /**
   * The port the server listens on: the one asked for, or the one picked for port 0.
   *
   * @throws IllegalStateException if the server is not started, or its address is not tcp
   */
  public int port() {
    requireStarted();
    if (!address.scheme().equals(Address.TCP)) {
      throw new IllegalStateException(address + " has no port");
    }
    return listener.localAddress().port();
  }

  /** The address clients connect to; for tcp with the actual port. */
  public String address() {
    requireStarted();
    return listener.localAddress().toString();
  }

  private synchronized void requireStarted() {
    if (!started) {
      throw new IllegalStateException("server not started");
    }
  }

  /**
   * Graceful shutdown: stops accepting connections, refuses new calls, waits up to the grace period
   * for calls in flight to finish, then closes every connection. Idempotent.
   */
  @Override
  public void close() {
    shutdown(gracePeriod);
  }

  /**
   * Stops at once: closes the listener and every connection without waiting, so the callers of
   * calls in flight fail promptly with {@link ConnectionException}, and the handlers still running
   * see their {@link CallContext} cancelled. Same as {@code shutdown(Duration.ZERO)}. Idempotent.
   */
  public void shutdownNow() {
    shutdown(Duration.ZERO);
  }

  /** {@link #close()} with the given grace period; zero fails calls in flight at once. */
  public void shutdown(Duration grace) {
    synchronized (this) {
      if (closed || listener == null) {
        closed = true;
        return;
      }
      closed = true;
    }
    // In this order: once a caller sees a call refused for the drain, no new connection is
    // accepted either.
    listener.stopAccepting();
    dispatcher.startDraining();
    long deadline = System.nanoTime() + grace.toNanos();
    while (dispatcher.inFlight() > 0 && System.nanoTime() - deadline < 0) {
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    listener.close();
    if (ownedExecutor != null) {
      ownedExecutor.shutdownNow();
    }
  }

  /** Settings for a {@link Server}. */
  public static final class Builder {
    private final Address address;
    private ServiceDefinition defaultService;
    private final Map<String, ServiceDefinition> named = new LinkedHashMap<>();
    private final List<ServerInterceptor> interceptors = new ArrayList<>();
    private Executor executor;
    private ProtocolConfig config = ProtocolConfig.defaults();
    private Duration gracePeriod = Duration.ofSeconds(10);
    private int eventLoopThreads = Math.max(1, Runtime.getRuntime().availableProcessors());
    private ShmConfig shmConfig = ShmConfig.defaults();
    private int maxCallsInFlight = 50_000;
    private int maxCallsPerConnection = 10_000;
    private int maxConnections = 10_000;
    private Duration frameReadTimeout = Duration.ofSeconds(30);
    private Duration idleTimeout = Duration.ofMinutes(10);
    private int writeBufferLowWaterMark = 512 * 1024;
    private int writeBufferHighWaterMark = 1024 * 1024;
    private TlsConfig tls;
    private CallAuthorizer authorizer;

    private Builder(Address address) {
      this.address = address;
    }

    /**
     * Serves {@code service} for plain (not multiplexed) calls, and also under its IDL name for
     * multiplexed ones. At most one service can be the default.
     */
    public Builder service(ServiceDefinition service) {
      requireNonNull(service, "service");
      if (defaultService != null) {
        throw new IllegalStateException(
            "default service already set to "
                + defaultService.name()
                + "; register more services with service(name, definition)");
      }
      defaultService = service;
      named.putIfAbsent(service.name(), service);
      return this;
    }

    /** Serves {@code service} to multiplexed calls named {@code name:method}. */
    public Builder service(String name, ServiceDefinition service) {
      requireNonNull(name, "name");
      requireNonNull(service, "service");
      if (name.contains(":")) {
        throw new IllegalArgumentException("service name '" + name + "' contains ':'");
      }
      named.put(name, service);
      return this;
    }

    /** Adds an interceptor; the first added runs outermost. */
    public Builder intercept(ServerInterceptor interceptor) {
      interceptors.add(requireNonNull(interceptor, "interceptor"));
      return this;
    }

    /**
     * Where handlers run. By default a virtual thread per call (JDK 21+) or a cached thread pool.
     * Handlers that never block can use {@link #directExecutor()}.
     */
    public Builder executor(Executor executor) {
      this.executor = requireNonNull(executor, "executor");
      return this;
    }

    /** Runs handlers on the connection's event loop: fastest, for handlers that never block. */
    public Builder directExecutor() {
      return executor(Runnable::run);
    }

    /** Limits applied to incoming messages. */
    public Builder protocolConfig(ProtocolConfig config) {
      this.config = requireNonNull(config, "config");
      return this;
    }

    /** How long {@link Server#close()} waits for calls in flight; 10 seconds by default. */
    public Builder gracePeriod(Duration grace) {
      requireNonNull(grace, "grace");
      if (grace.isNegative()) {
        throw new IllegalArgumentException("gracePeriod must not be negative");
      }
      this.gracePeriod = grace;
      return this;
    }

    /** Event loop threads for connections; the number of cores by default. */
    public Builder eventLoopThreads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("eventLoopThreads must be positive but was " + threads);
      }
      this.eventLoopThreads = threads;
      return this;
    }

    /**
     * Settings for {@code shm://} addresses: the directory, the mailbox layout when this server
     * creates it (ring capacities, slots), how the receiver waits, liveness timings. Ignored for
     * other schemes.
     */
    public Builder shmConfig(ShmConfig shmConfig) {
      this.shmConfig = requireNonNull(shmConfig, "shmConfig");
      return this;
    }

    /**
     * Calls the whole server runs at once, over all connections; a call beyond it is answered at
     * once with an {@link ApplicationException} ({@code INTERNAL_ERROR}, "Server is overloaded…"),
     * nothing of it decoded, and the connection stays open. 50,000 by default.
     */
    public Builder maxCallsInFlight(int limit) {
      this.maxCallsInFlight = positive(limit, "maxCallsInFlight");
      return this;
    }

    /**
     * Calls one connection may have running at once; a call beyond it is refused like one beyond
     * {@link #maxCallsInFlight}. 10,000 by default, the default of a {@link Channel}'s own limit.
     */
    public Builder maxCallsPerConnection(int limit) {
      this.maxCallsPerConnection = positive(limit, "maxCallsPerConnection");
      return this;
    }

    /**
     * Socket connections open at once ({@code tcp://}, {@code unix://}); one accepted beyond it is
     * closed at once, and logged (a line a second at most). 10,000 by default. A {@code shm://}
     * mailbox is bounded by its {@link ShmConfig#maxClients()} instead.
     */
    public Builder maxConnections(int limit) {
      this.maxConnections = positive(limit, "maxConnections");
      return this;
    }

    /**
     * How long one incoming frame may take from its first byte to its last before the connection is
     * closed: a client trickling bytes holds nothing for longer. 30 seconds by default; zero for no
     * limit. Sockets only.
     */
    public Builder frameReadTimeout(Duration timeout) {
      this.frameReadTimeout = notNegative(timeout, "frameReadTimeout");
      return this;
    }

    /**
     * How long a connection with no call in flight may go without reading or writing a byte before
     * the server closes it. 10 minutes by default; zero for no limit. A {@link Channel} connects
     * again on its next call. Sockets only.
     */
    public Builder idleTimeout(Duration timeout) {
      this.idleTimeout = notNegative(timeout, "idleTimeout");
      return this;
    }

    /**
     * Back-pressure on clients that do not read their replies: when more than {@code high} bytes of
     * replies wait to be sent on a connection, the server stops reading its calls, and resumes
     * below {@code low}. 512 KiB and 1 MiB by default. Sockets only.
     */
    public Builder writeBufferWaterMarks(int low, int high) {
      positive(low, "low");
      if (high < low) {
        throw new IllegalArgumentException("high " + high + " is below low " + low);
      }
      this.writeBufferLowWaterMark = low;
      this.writeBufferHighWaterMark = high;
      return this;
    }

    /**
     * Serves {@code tcp://} over TLS (1.3 or 1.2) with the key and certificate in {@code tls}; with
     * {@link TlsConfig.ClientAuth#REQUIRE} only clients with a trusted certificate connect, and
     * {@link CallInfo#peer()} carries it. Not for other schemes.
     */
    public Builder tls(TlsConfig tls) {
      requireNonNull(tls, "tls");
      if (!address.scheme().equals(Address.TCP)) {
        throw new IllegalArgumentException("TLS is for tcp:// addresses, not " + address);
      }
      if (tls.keyManager() == null) {
        throw new IllegalArgumentException("a TLS server needs a key: TlsConfig.Builder.keyStore");
      }
      this.tls = tls;
      return this;
    }

    /**
     * Authentication and authorization: {@code authorizer} decides on every call before its
     * arguments are decoded and before any interceptor runs; a refused call is answered with an
     * error and nothing of it is decoded. See {@link CallAuthorizer}.
     */
    public Builder authorize(CallAuthorizer authorizer) {
      this.authorizer = requireNonNull(authorizer, "authorizer");
      return this;
    }

    private static int positive(int value, String name) {
      if (value < 1) {
        throw new IllegalArgumentException(name + " must be positive but was " + value);
      }
      return value;
    }

    private static Duration notNegative(Duration value, String name) {
      requireNonNull(value, name);
      if (value.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative but was " + value);
      }
      return value;
    }

    public Server build() {
      if (defaultService == null && named.isEmpty()) {
        throw new IllegalStateException("a server needs at least one service");
      }
      return new Server(this);
    }
  }
}
