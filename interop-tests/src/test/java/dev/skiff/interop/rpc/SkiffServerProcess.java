package dev.skiff.interop.rpc;

import dev.skiff.interop.skiff.Extended;
import dev.skiff.rpc.Server;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A Skiff server of {@link SkiffService} in a JVM of its own, for {@link ServerProcessKillTest}.
 * Prints {@code READY <port>} once it listens and {@code SLEEPING} whenever a {@code sleep} call
 * starts; stops when its standard input closes (or when it is killed).
 *
 * <pre>SkiffServerProcess PORT</pre>
 */
public final class SkiffServerProcess {
  private SkiffServerProcess() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    SkiffService service = new SkiffService(() -> System.out.println("SLEEPING"));
    Server server =
        Server.builder("tcp://127.0.0.1:" + port)
            .service(Extended.serviceDefinition(service))
            .gracePeriod(Duration.ZERO)
            .build()
            .start();
    System.out.println("READY " + server.port());
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    while (in.readLine() != null) {
      // Nothing to read: the test closes standard input to stop this process gracefully.
    }
    server.close();
  }
}
