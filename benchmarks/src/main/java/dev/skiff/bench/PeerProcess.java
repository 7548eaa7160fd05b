package dev.skiff.bench;

import dev.skiff.rpc.transport.shm.ShmConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A peer's server in a JVM of its own ({@link ServerMain}), on this process's class path, pinned to
 * one CPU with {@code taskset -c} when asked. Closing it closes its standard input, which ends it.
 */
final class PeerProcess implements AutoCloseable {
  private final Process process;
  private final BufferedReader out;
  private final Writer in;
  private final Path dir;
  private final String address;

  PeerProcess(Peer peer, int cpu, ShmConfig.IdleMode idle) throws IOException {
    dir = Files.createTempDirectory("skiff-bench");
    List<String> command = new ArrayList<>();
    if (cpu >= 0) {
      command.addAll(List.of("taskset", "-c", Integer.toString(cpu)));
    }
    command.addAll(
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "--add-exports",
            "java.base/jdk.internal.misc=ALL-UNNAMED",
            "-Xms512m",
            "-Xmx512m"));
    // For profiling a server: -Dskiff.bench.serverJvmArgs="-XX:StartFlightRecording=..."
    String extra = System.getProperty("skiff.bench.serverJvmArgs", "").trim();
    if (!extra.isEmpty()) {
      command.addAll(List.of(extra.split("\\s+")));
    }
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            ServerMain.class.getName(),
            peer.label(),
            dir.toString(),
            idle.name()));
    process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    String ready = await("READY ");
    address = ready.substring("READY ".length());
  }

  String address() {
    return address;
  }

  /**
   * Starts the server JVM's count of CPU time and allocation, and waits until it has: the server's
   * bookkeeping must not run on its CPU while the calls it counts do.
   */
  void mark() throws IOException {
    in.write("MARK\n");
    in.flush();
    await("MARKED");
  }

  /** The server JVM's CPU time and allocated bytes since {@link #mark}. */
  ProcessStats stats() throws IOException {
    in.write("STATS\n");
    in.flush();
    return ProcessStats.parse(await("STATS "));
  }

  private String await(String prefix) throws IOException {
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.startsWith(prefix)) {
        return line;
      }
    }
    throw new IOException("benchmark server exited before printing " + prefix.trim());
  }

  @Override
  public void close() throws IOException {
    try {
      in.close();
    } catch (IOException e) {
      // Already gone.
    }
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }
}
