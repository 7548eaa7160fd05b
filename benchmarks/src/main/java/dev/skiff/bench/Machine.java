package dev.skiff.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** Where and when the figures were taken: they mean nothing without it. */
record Machine(int cpus, String cpuModel, String jdk, String os, String date) {
  static Machine current() {
    String model = "unknown CPU";
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          model = line.substring(line.indexOf(':') + 1).trim();
          break;
        }
      }
    } catch (IOException e) {
      // Not Linux: the model stays unknown.
    }
    return new Machine(
        Runtime.getRuntime().availableProcessors(),
        model,
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
        System.getProperty("os.name") + " " + System.getProperty("os.version"),
        ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME) + "Z");
  }

  String oneLine() {
    return cpus + " CPUs (nproc), " + cpuModel + "; " + jdk + "; " + os + "; " + date;
  }
}
