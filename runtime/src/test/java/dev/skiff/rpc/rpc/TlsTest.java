package dev.skiff.rpc.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.skiff.rpc.CallInfo;
import dev.skiff.rpc.CallOptions;
import dev.skiff.rpc.Channel;
import dev.skiff.rpc.ConnectionException;
import dev.skiff.rpc.Server;
import dev.skiff.rpc.SkiffException;
import dev.skiff.rpc.TlsConfig;
import dev.skiff.rpc.rpc.EchoService.TextArgs;
import dev.skiff.rpc.stub.ClientCalls;
import dev.skiff.rpc.testing.NettyLeaks;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.apache.thrift.protocol.TCompactProtocol;
import org.apache.thrift.protocol.TField;
import org.apache.thrift.protocol.TMessage;
import org.apache.thrift.protocol.TMessageType;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TStruct;
import org.apache.thrift.protocol.TType;
import org.apache.thrift.transport.TSSLTransportFactory;
import org.apache.thrift.transport.TSSLTransportFactory.TSSLTransportParameters;
import org.apache.thrift.transport.TServerSocket;
import org.apache.thrift.transport.TSocket;
import org.apache.thrift.transport.TTransport;
import org.apache.thrift.transport.layered.TFramedTransport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS over tcp: server authentication with hostname verification, mutual TLS with the client's
 * identity visible to interceptors, and libthrift's TLS sockets on the other end both ways. Keys
 * are made with keytool when the class starts.
 */
@Timeout(60)
class TlsTest {
  @TempDir static Path dir;
  static TestCertificates certs;

  @BeforeAll
  static void makeCertificates() throws Exception {
    certs = new TestCertificates(dir);
  }

  @AfterAll
  static void noLeaks() {
    NettyLeaks.assertNoLeaks();
  }

  private static Server.Builder echoServer() {
    return Server.builder("tcp://127.0.0.1:0")
        .service(
            EchoService.definition(t -> CompletableFuture.completedFuture("tls " + t), t -> {}));
  }

  private static TlsConfig.Builder serverTls() {
    return TlsConfig.builder().keyStore(certs.serverKeys, certs.password());
  }

  private static TlsConfig.Builder clientTls() {
    return TlsConfig.builder().trustStore(certs.trustServer, certs.password());
  }

  private static CompletableFuture<String> echo(Channel channel, String text) {
    return channel.call(
        null, EchoService.ECHO, new TextArgs(text), CallOptions.timeout(Duration.ofSeconds(10)));
  }

  @Test
  void callsOverTlsWithTheServerCertificateVerifiedHostnameIncluded() throws Exception {
    try (Server server = echoServer().tls(serverTls().build()).build().start();
        Channel channel = Channel.builder(server.address()).tls(clientTls().build()).build()) {
      assertEquals("tls hi", ClientCalls.await(echo(channel, "hi")));
      // Only TLS 1.2 and 1.3 are spoken: a JDK client offering TLS 1.3 alone gets it.
      SSLSocketFactory jdk = sslContext().getSocketFactory();
      try (SSLSocket socket = (SSLSocket) jdk.createSocket("127.0.0.1", server.port())) {
        socket.setEnabledProtocols(new String[] {"TLSv1.3"});
        socket.startHandshake();
        assertEquals("TLSv1.3", socket.getSession().getProtocol());
      }
      try (SSLSocket socket = (SSLSocket) jdk.createSocket("127.0.0.1", server.port())) {
        socket.setEnabledProtocols(new String[] {"TLSv1.2"});
        socket.startHandshake();
        assertEquals("TLSv1.2", socket.getSession().getProtocol());
      }
    }
  }

  @Test
  void aCertificateThatDoesNotNameTheHostIsRefusedUnlessVerificationIsOff() throws Exception {
    try (Server server = echoServer().tls(serverTls().build()).build().start()) {
      // The certificate names 127.0.0.1; "localhost" is the same machine but not the same name.
      String byName = "tcp://localhost:" + server.port();
      try (Channel verifying = Channel.builder(byName).tls(clientTls().build()).build()) {
        ExecutionException refused =
            assertThrows(
                ExecutionException.class, () -> echo(verifying, "x").get(10, TimeUnit.SECONDS));
        assertInstanceOf(ConnectionException.class, refused.getCause());
      }
      try (Channel trusting =
          Channel.builder(byName).tls(clientTls().verifyHostname(false).build()).build()) {
        assertEquals("tls x", ClientCalls.await(echo(trusting, "x")));
      }
      // A client that trusts nobody the server's certificate chains to is refused, and so is one
      // that speaks plain TCP; the server serves on.
      try (Channel untrusting =
          Channel.builder(server.address())
              .tls(TlsConfig.builder().trustStore(certs.trustClient, certs.password()).build())
              .build()) {
        ExecutionException refused =
            assertThrows(
                ExecutionException.class, () -> echo(untrusting, "x").get(10, TimeUnit.SECONDS));
        assertInstanceOf(ConnectionException.class, refused.getCause());
      }
      try (Channel plain =
          Channel.builder(server.address()).defaultTimeout(Duration.ofSeconds(2)).build()) {
        CompletableFuture<String> call =
            plain.call(null, EchoService.ECHO, new TextArgs("x"), CallOptions.DEFAULT);
        ExecutionException failed =
            assertThrows(ExecutionException.class, () -> call.get(10, TimeUnit.SECONDS));
        assertInstanceOf(SkiffException.class, failed.getCause());
      }
      try (Channel good = Channel.builder(server.address()).tls(clientTls().build()).build()) {
        assertEquals("tls still", ClientCalls.await(echo(good, "still")));
      }
    }
  }

  /** A server that requires client certificates and records each call it sees in {@code seen}. */
  private Server mutualTlsServer(AtomicReference<CallInfo> seen) throws Exception {
    TlsConfig requireClients =
        serverTls()
            .trustStore(certs.trustClient, certs.password())
            .clientAuth(TlsConfig.ClientAuth.REQUIRE)
            .build();
    return echoServer()
        .tls(requireClients)
        .intercept(
            (call, args, next) -> {
              seen.set(call);
              return next.invoke(call, args);
            })
        .build()
        .start();
  }

  @Test
  void mutualTlsShowsTheClientCertificateToInterceptors() throws Exception {
    AtomicReference<CallInfo> seen = new AtomicReference<>();
    try (Server server = mutualTlsServer(seen)) {
      try (Channel anonymous = Channel.builder(server.address()).tls(clientTls().build()).build()) {
        ExecutionException refused =
            assertThrows(
                ExecutionException.class, () -> echo(anonymous, "x").get(10, TimeUnit.SECONDS));
        assertInstanceOf(ConnectionException.class, refused.getCause());
      }
      assertNull(seen.get());
      try (Channel known =
          Channel.builder(server.address())
              .tls(clientTls().keyStore(certs.clientKeys, certs.password()).build())
              .build()) {
        assertEquals("tls me", ClientCalls.await(echo(known, "me")));
      }
      CallInfo call = seen.get();
      assertEquals("CN=skiff-test-client", call.peer().principal().getName());
      assertEquals(1, call.peer().certificates().size());
      assertEquals(call.remoteAddress(), call.peer().address());
    }
  }

  @Test
  void libthriftTlsClientCallsASkiffTlsServerWithItsCertificate() throws Exception {
    AtomicReference<CallInfo> seen = new AtomicReference<>();
    try (Server server = mutualTlsServer(seen)) {
      TSSLTransportParameters params = new TSSLTransportParameters();
      params.setTrustStore(certs.trustServer.toString(), TestCertificates.PASSWORD, null, "PKCS12");
      params.setKeyStore(
          certs.clientKeys.toString(),
          TestCertificates.PASSWORD,
          KeyManagerFactory.getDefaultAlgorithm(),
          "PKCS12");
      TSocket socket =
          TSSLTransportFactory.getClientSocket("127.0.0.1", server.port(), 10_000, params);
      try (TTransport transport = new TFramedTransport(socket)) {
        TProtocol protocol = new TCompactProtocol(transport);
        for (int seq = 1; seq <= 3; seq++) {
          writeCall(protocol, "echo", seq, "from libthrift " + seq);
          TMessage reply = protocol.readMessageBegin();
          assertEquals(TMessageType.REPLY, reply.type);
          assertEquals(seq, reply.seqid);
          assertEquals("tls from libthrift " + seq, readStringResult(protocol));
        }
      }
      assertEquals("CN=skiff-test-client", seen.get().peer().principal().getName());
    }
  }

  @Test
  void skiffTlsChannelCallsALibthriftTlsServer() throws Exception {
    TSSLTransportParameters params = new TSSLTransportParameters("TLS", null, true);
    params.setKeyStore(
        certs.serverKeys.toString(),
        TestCertificates.PASSWORD,
        KeyManagerFactory.getDefaultAlgorithm(),
        "PKCS12");
    params.setTrustStore(certs.trustClient.toString(), TestCertificates.PASSWORD, null, "PKCS12");
    TServerSocket listener =
        TSSLTransportFactory.getServerSocket(0, 10_000, InetAddress.getLoopbackAddress(), params);
    int port = listener.getServerSocket().getLocalPort();
    CompletableFuture<String> served =
        CompletableFuture.supplyAsync(
            () -> {
              // A hand-written libthrift server: one connection, answering echo until it closes.
              try (TTransport transport = new TFramedTransport(listener.accept())) {
                TProtocol protocol = new TCompactProtocol(transport);
                int answered = 0;
                while (answered < 2) {
                  TMessage call = protocol.readMessageBegin();
                  String text = readStringArg(protocol);
                  protocol.writeMessageBegin(
                      new TMessage(call.name, TMessageType.REPLY, call.seqid));
                  protocol.writeStructBegin(new TStruct("echo_result"));
                  protocol.writeFieldBegin(new TField("success", TType.STRING, (short) 0));
                  protocol.writeString("libthrift " + text);
                  protocol.writeFieldEnd();
                  protocol.writeFieldStop();
                  protocol.writeStructEnd();
                  protocol.writeMessageEnd();
                  transport.flush();
                  answered++;
                }
                return "served " + answered;
              } catch (Exception e) {
                throw new RuntimeException(e);
              }
            });
    try (Channel channel =
        Channel.builder("tcp://127.0.0.1:" + port)
            .tls(clientTls().keyStore(certs.clientKeys, certs.password()).build())
            .build()) {
      assertEquals("libthrift a", ClientCalls.await(echo(channel, "a")));
      assertEquals("libthrift b", ClientCalls.await(echo(channel, "b")));
      assertEquals("served 2", served.get(10, TimeUnit.SECONDS));
    } finally {
      listener.close();
    }
  }

  private static javax.net.ssl.SSLContext sslContext() throws Exception {
    javax.net.ssl.TrustManagerFactory trust =
        javax.net.ssl.TrustManagerFactory.getInstance(
            javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
    trust.init(java.security.KeyStore.getInstance(certs.trustServer.toFile(), certs.password()));
    javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }

  private static void writeCall(TProtocol protocol, String method, int seq, String text)
      throws Exception {
    protocol.writeMessageBegin(new TMessage(method, TMessageType.CALL, seq));
    protocol.writeStructBegin(new TStruct("echo_args"));
    protocol.writeFieldBegin(new TField("text", TType.STRING, (short) 1));
    protocol.writeString(text);
    protocol.writeFieldEnd();
    protocol.writeFieldStop();
    protocol.writeStructEnd();
    protocol.writeMessageEnd();
    protocol.getTransport().flush();
  }

  /** Reads a struct whose field {@code id} is the one string wanted, skipping the rest. */
  private static String readString(TProtocol protocol, short id) throws Exception {
    String value = null;
    protocol.readStructBegin();
    while (true) {
      TField field = protocol.readFieldBegin();
      if (field.type == TType.STOP) {
        break;
      }
      if (field.id == id && field.type == TType.STRING) {
        value = protocol.readString();
      } else {
        org.apache.thrift.protocol.TProtocolUtil.skip(protocol, field.type);
      }
      protocol.readFieldEnd();
    }
    protocol.readStructEnd();
    protocol.readMessageEnd();
    return value;
  }

  private static String readStringResult(TProtocol protocol) throws Exception {
    return readString(protocol, (short) 0);
  }

  private static String readStringArg(TProtocol protocol) throws Exception {
    return readString(protocol, (short) 1);
  }
}
