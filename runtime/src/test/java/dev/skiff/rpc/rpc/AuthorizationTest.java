package dev.skiff.rpc.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.skiff.rpc.ApplicationException;
import dev.skiff.rpc.CallInfo;
import dev.skiff.rpc.CallOptions;
import dev.skiff.rpc.CallRejectedException;
import dev.skiff.rpc.Channel;
import dev.skiff.rpc.Server;
import dev.skiff.rpc.ServiceDefinition;
import dev.skiff.rpc.UnixCredentials;
import dev.skiff.rpc.internal.NettyTransport;
import dev.skiff.rpc.protocol.MessageType;
import dev.skiff.rpc.protocol.Protocol;
import dev.skiff.rpc.rpc.EchoService.TextArgs;
import dev.skiff.rpc.stub.ClientCalls;
import dev.skiff.rpc.stub.ServerMethod;
import dev.skiff.rpc.testing.NettyLeaks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The authorization hook runs before anything of a call is decoded, and sees who the peer is, down
 * to the Unix credentials the kernel gives for a domain socket.
 */
@Timeout(60)
class AuthorizationTest {
  @TempDir Path dir;

  @AfterAll
  static void noLeaks() {
    NettyLeaks.assertNoLeaks();
  }

  /** Echo whose argument decoding is counted. */
  private static ServiceDefinition countingEcho(AtomicInteger decodes) {
    ServerMethod<TextArgs> echo =
        new ServerMethod<>(
            "echo",
            false,
            in -> {
              decodes.incrementAndGet();
              return TextArgs.read(in);
            },
            args ->
                CompletableFuture.completedFuture(new EchoService.TextResult(args.text(), null)));
    ServerMethod<TextArgs> fail =
        new ServerMethod<>(
            "fail",
            false,
            in -> {
              decodes.incrementAndGet();
              return TextArgs.read(in);
            },
            args -> CompletableFuture.completedFuture(new EchoService.TextResult("ran", null)));
    return new ServiceDefinition("Echo", List.of(echo, fail));
  }

  @Test
  void aRefusedCallIsAnsweredWithAnErrorAndNothingOfItIsDecoded() throws Exception {
    AtomicInteger decodes = new AtomicInteger();
    ConcurrentLinkedQueue<String> intercepted = new ConcurrentLinkedQueue<>();
    try (Server server =
        Server.builder("tcp://127.0.0.1:0")
            .service(countingEcho(decodes))
            .authorize(
                call -> {
                  if (call.method().equals("fail")) {
                    throw new CallRejectedException("permission denied: " + call.method());
                  }
                })
            .intercept(
                (call, args, next) -> {
                  intercepted.add(call.method());
                  return next.invoke(call, args);
                })
            .build()
            .start()) {
      try (Channel channel = Channel.builder(server.address()).build()) {
        assertEquals(
            "allowed",
            ClientCalls.await(
                channel.call(
                    null, EchoService.ECHO, new TextArgs("allowed"), CallOptions.DEFAULT)));
        assertEquals(1, decodes.get());
        ApplicationException denied =
            assertThrows(
                ApplicationException.class,
                () ->
                    ClientCalls.await(
                        channel.call(
                            null, EchoService.FAIL, new TextArgs("x"), CallOptions.DEFAULT)));
        assertEquals("permission denied: fail", denied.getMessage());
        assertEquals(ApplicationException.Type.INTERNAL_ERROR, denied.type());
      }
      // Arguments that could not even be decoded: the refusal comes first, decoding never.
      try (RawClient raw = new RawClient(server.port())) {
        byte[] undecodable =
            RawClient.frame(
                Protocol.COMPACT,
                "fail",
                MessageType.CALL,
                7,
                out -> {
                  out.writeStructBegin("args");
                  out.writeFieldBegin("text", dev.skiff.rpc.protocol.TType.STRING, (short) 1);
                  out.writeI32(Integer.MAX_VALUE); // not a string at all
                });
        raw.send(undecodable);
        RawClient.Reply reply = raw.readReply();
        assertEquals(7, reply.header().sequenceId());
        assertEquals("permission denied: fail", reply.error().getMessage());
      }
      assertEquals(1, decodes.get(), "refused calls were never decoded");
      assertEquals(List.of("echo"), List.copyOf(intercepted), "nor intercepted");
    }
  }

  @Test
  void anAuthorizerThatFailsRefusesTheCall() throws Exception {
    AtomicInteger decodes = new AtomicInteger();
    try (Server server =
            Server.builder("tcp://127.0.0.1:0")
                .service(countingEcho(decodes))
                .authorize(
                    call -> {
                      throw new IllegalStateException("bug in the authorizer");
                    })
                .build()
                .start();
        Channel channel = Channel.builder(server.address()).build()) {
      ApplicationException denied =
          assertThrows(
              ApplicationException.class,
              () ->
                  ClientCalls.await(
                      channel.call(
                          null, EchoService.ECHO, new TextArgs("x"), CallOptions.DEFAULT)));
      assertEquals("Call to 'echo' refused", denied.getMessage());
      assertEquals(0, decodes.get());
    }
  }

  @Test
  void unixPeerCredentialsReachTheAuthorizerAndInterceptors() throws Exception {
    Assumptions.assumeTrue(
        NettyTransport.best() == NettyTransport.EPOLL, "SO_PEERCRED needs the epoll transport");
    AtomicReference<CallInfo> authorized = new AtomicReference<>();
    AtomicReference<CallInfo> intercepted = new AtomicReference<>();
    Path socket = dir.resolve("creds.sock");
    try (Server server =
            Server.builder("unix://" + socket)
                .service(EchoService.definition(CompletableFuture::completedFuture, t -> {}))
                .authorize(authorized::set)
                .intercept(
                    (call, args, next) -> {
                      intercepted.set(call);
                      return next.invoke(call, args);
                    })
                .build()
                .start();
        Channel channel = Channel.builder(server.address()).build()) {
      assertEquals(
          "me",
          ClientCalls.await(
              channel.call(null, EchoService.ECHO, new TextArgs("me"), CallOptions.DEFAULT)));
      UnixCredentials credentials = authorized.get().peer().unixCredentials();
      assertNotNull(credentials);
      assertEquals(ProcessHandle.current().pid(), credentials.pid());
      // The uid and gid that own the files this process makes.
      Path probe = Files.createFile(dir.resolve("probe"));
      assertEquals(Files.getAttribute(probe, "unix:uid"), credentials.uid());
      assertEquals(Files.getAttribute(probe, "unix:gid"), credentials.gid());
      assertEquals(credentials, intercepted.get().peer().unixCredentials());
      assertNull(intercepted.get().peer().principal());
    }
  }
}
