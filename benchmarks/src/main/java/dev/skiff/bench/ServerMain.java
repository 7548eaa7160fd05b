package dev.skiff.bench;

import dev.skiff.rpc.transport.shm.ShmConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The server JVM: {@code ServerMain PEER DIR IDLE} starts {@code PEER}'s server side, prints {@code
 * READY address}, then answers each {@code MARK} line on standard input with {@code MARKED} once it
 * has started counting, and each {@code STATS} line with this process's CPU time and allocated
 * bytes since ({@link ProcessStats}), and exits when standard input closes.
 */
final class ServerMain {
  private ServerMain() {}

  public static void main(String[] args) throws Exception {
    Peer peer = Peer.byLabel(args[0]);
    try (Serving serving = peer.serve(Path.of(args[1]), ShmConfig.IdleMode.valueOf(args[2]))) {
      System.out.println("READY " + serving.address());
      System.out.flush();
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      ProcessStats.Mark mark = new ProcessStats.Mark();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.equals("MARK")) {
          mark = new ProcessStats.Mark();
          System.out.println("MARKED");
          System.out.flush();
        } else if (line.equals("STATS")) {
          System.out.println(mark.since().format());
          System.out.flush();
        }
      }
    }
    System.exit(0);
  }
}
