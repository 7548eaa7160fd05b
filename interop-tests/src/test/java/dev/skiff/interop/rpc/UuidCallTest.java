package dev.skiff.interop.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skiff.interop.Libthrift25;
import dev.skiff.interop.LibthriftUuids;
import dev.skiff.interop.skiff.Extended;
import dev.skiff.interop.skiff.Uuids;
import dev.skiff.rpc.Server;
import dev.skiff.rpc.protocol.Protocol;
import dev.skiff.rpc.protocol.TType;
import dev.skiff.rpc.testing.NettyLeaks;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * uuid in calls: libthrift 0.25's protocol API, over TSocket and TFramedTransport, calls the uuid
 * methods of a Skiff server, plain and multiplexed. libthrift 0.17, which Apache Thrift 0.17's
 * generated clients need, has no uuid; so these calls are made call for call as libthrift's
 * generated code would make them.
 */
@Timeout(60)
class UuidCallTest {
  private static final UUID[] UUIDS = {
    new UUID(0, 0), new UUID(-1, -1), UUID.fromString("00112233-4455-6677-8899-aabbccddeeff")
  };

  private static Server server;

  @BeforeAll
  static void startServer() {
    server =
        Server.builder("tcp://127.0.0.1:0")
            .service(Extended.serviceDefinition(new SkiffService()))
            .gracePeriod(Duration.ZERO)
            .build()
            .start();
  }

  @AfterAll
  static void stopServer() {
    server.close();
    NettyLeaks.assertNoLeaks();
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void libthriftCallsUuidMethodsPlainAndMultiplexed(Protocol protocol) {
    try (Libthrift25.Connection connection = Libthrift25.get().connect(protocol, server.port())) {
      int seqId = 0;
      for (String prefix : new String[] {"", "Extended:"}) {
        for (UUID id : UUIDS) {
          connection.send(
              prefix + "echoUuid",
              ++seqId,
              out -> out.fieldBegin("value", TType.UUID, 1).uuid(id).fieldEnd());
          assertEquals(
              id, success(connection.reply("echoUuid", seqId), TType.UUID, in -> in.uuid()));
        }

        // libthrift 0.25 cannot read uuid containers (see UuidTest): these come back without.
        Uuids scalars = new Uuids(UUIDS[1], null, null, null, null, UUIDS[2]);
        connection.send(
            prefix + "echoUuids",
            ++seqId,
            out -> {
              out.fieldBegin("value", TType.STRUCT, 1);
              LibthriftUuids.write(out, scalars);
              out.fieldEnd();
            });
        assertEquals(
            scalars,
            success(
                connection.reply("echoUuids", seqId), TType.STRUCT, LibthriftUuids::readScalars));

        // ...and these go one way only: the server counts them.
        Uuids full =
            new Uuids(
                UUIDS[0],
                UUIDS[1],
                List.of(UUIDS),
                new LinkedHashSet<>(List.of(UUIDS)),
                Map.of(UUIDS[2], "two"),
                UUIDS[2]);
        connection.send(
            prefix + "countUuids",
            ++seqId,
            out -> {
              out.fieldBegin("value", TType.STRUCT, 1);
              LibthriftUuids.write(out, full);
              out.fieldEnd();
            });
        int count = success(connection.reply("countUuids", seqId), TType.I32, in -> in.i32());
        assertEquals(10, count);
      }
    }
  }

  /** Reads a result struct that must hold exactly field 0, {@code success}, of {@code type}. */
  private static <T> T success(
      Libthrift25.Reader in, byte type, Function<Libthrift25.Reader, T> value) {
    in.structBegin();
    short[] field = in.fieldBegin();
    assertEquals(List.of((short) type, (short) 0), List.of(field[0], field[1]), "result field");
    T result = value.apply(in);
    in.fieldEnd();
    assertEquals(TType.STOP, in.fieldBegin()[0], "a second field in the result");
    in.structEnd();
    in.messageEnd();
    return result;
  }
}
