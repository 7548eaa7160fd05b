package dev.skiff.rpc.rpc;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.concurrent.TimeUnit;

/**
 * Key stores made at test time with the JDK's {@code keytool}: a server key whose certificate names
 * 127.0.0.1 (and nothing else), a client key, and a trust store for each. Self-signed, valid for
 * two days; all PKCS12 with the password {@link #PASSWORD}.
 */
final class TestCertificates {
  static final String PASSWORD = "changeit";

  final Path serverKeys;
  final Path clientKeys;

  /** Trusts the server's certificate: for clients. */
  final Path trustServer;

  /** Trusts the client's certificate: for servers that require one. */
  final Path trustClient;

  TestCertificates(Path dir) throws Exception {
    serverKeys = dir.resolve("server.p12");
    clientKeys = dir.resolve("client.p12");
    trustServer = dir.resolve("trust-server.p12");
    trustClient = dir.resolve("trust-client.p12");
    keytool(serverKeys, "server", "CN=skiff-test-server", "san=ip:127.0.0.1");
    keytool(clientKeys, "client", "CN=skiff-test-client", null);
    trustStore(trustServer, serverKeys, "server");
    trustStore(trustClient, clientKeys, "client");
  }

  char[] password() {
    return PASSWORD.toCharArray();
  }

  private static void keytool(Path store, String alias, String name, String extension)
      throws Exception {
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    var command =
        new java.util.ArrayList<>(
            java.util.List.of(
                keytool,
                "-genkeypair",
                "-alias",
                alias,
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                name,
                "-validity",
                "2",
                "-keystore",
                store.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                PASSWORD,
                "-keypass",
                PASSWORD));
    if (extension != null) {
      command.add("-ext");
      command.add(extension);
    }
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("keytool failed: " + output);
    }
  }

  private static void trustStore(Path trust, Path keys, String alias) throws Exception {
    KeyStore source = KeyStore.getInstance(keys.toFile(), PASSWORD.toCharArray());
    Certificate certificate = source.getCertificate(alias);
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setCertificateEntry(alias, certificate);
    try (OutputStream out = Files.newOutputStream(trust)) {
      store.store(out, PASSWORD.toCharArray());
    }
  }
}
