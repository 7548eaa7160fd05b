package dev.skiff.rpc;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS for {@code tcp://} connections: {@link Server.Builder#tls} and {@link Channel.Builder#tls}.
 * TLS 1.3 and 1.2 only. A server needs its key and certificate ({@link Builder#keyManager} or
 * {@link Builder#keyStore}); a client trusts the JDK's default certificate authorities unless given
 * others, and verifies that the server's certificate names the host it connects to (the host of its
 * {@code tcp://host:port} address) unless {@link Builder#verifyHostname(boolean)} turns that off.
 * Mutual TLS: the server sets {@link ClientAuth#REQUIRE} and trusts the clients' issuer, each
 * client sets its own key; the server's interceptors then see the client's certificate in {@link
 * CallInfo#peer()}.
 *
 * <p>Immutable and thread-safe.
 */
public final class TlsConfig {
  /** Whether a server asks clients for a certificate. */
  public enum ClientAuth {
    /** Clients are not asked for a certificate (the default). */
    NONE,
    /** Clients may present a certificate; one that does is verified. */
    OPTIONAL,
    /** Clients must present a certificate the server trusts. */
    REQUIRE
  }

  private final KeyManagerFactory keyManager;
  private final TrustManagerFactory trustManager;
  private final ClientAuth clientAuth;
  private final boolean verifyHostname;
  private final List<String> protocols;

  private TlsConfig(Builder builder) {
    this.keyManager = builder.keyManager;
    this.trustManager = builder.trustManager;
    this.clientAuth = builder.clientAuth;
    this.verifyHostname = builder.verifyHostname;
    this.protocols = builder.protocols;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** This side's key and certificate chain; null for a client without one. */
  public KeyManagerFactory keyManager() {
    return keyManager;
  }

  /** Whom this side trusts; null for the JDK's default certificate authorities. */
  public TrustManagerFactory trustManager() {
    return trustManager;
  }

  public ClientAuth clientAuth() {
    return clientAuth;
  }

  public boolean verifyHostname() {
    return verifyHostname;
  }

  /** The TLS versions offered: TLSv1.3 and TLSv1.2 unless narrowed. */
  public List<String> protocols() {
    return protocols;
  }

  /** Builds a {@link TlsConfig}; not thread-safe. */
  public static final class Builder {
    private KeyManagerFactory keyManager;
    private TrustManagerFactory trustManager;
    private ClientAuth clientAuth = ClientAuth.NONE;
    private boolean verifyHostname = true;
    private List<String> protocols = List.of("TLSv1.3", "TLSv1.2");

    private Builder() {}

    /** This side's key and certificate chain. */
    public Builder keyManager(KeyManagerFactory keyManager) {
      this.keyManager = requireNonNull(keyManager, "keyManager");
      return this;
    }

    /** This side's key and certificate chain from a key store file (PKCS12 or JKS). */
    public Builder keyStore(Path file, char[] password) {
      try {
        KeyManagerFactory factory =
            KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(load(file, password), password);
        return keyManager(factory);
      } catch (GeneralSecurityException e) {
        throw new IllegalArgumentException("cannot use key store " + file + ": " + e, e);
      }
    }

    /** The certificates this side trusts, instead of the JDK's default authorities. */
    public Builder trustManager(TrustManagerFactory trustManager) {
      this.trustManager = requireNonNull(trustManager, "trustManager");
      return this;
    }

    /** The certificates this side trusts, from a key store file (PKCS12 or JKS). */
    public Builder trustStore(Path file, char[] password) {
      try {
        TrustManagerFactory factory =
            TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(load(file, password));
        return trustManager(factory);
      } catch (GeneralSecurityException e) {
        throw new IllegalArgumentException("cannot use trust store " + file + ": " + e, e);
      }
    }

    /**
     * For a server: whether clients must present a certificate; {@link ClientAuth#NONE} by default.
     */
    public Builder clientAuth(ClientAuth clientAuth) {
      this.clientAuth = requireNonNull(clientAuth, "clientAuth");
      return this;
    }

    /**
     * For a client: whether the server's certificate must name the host connected to (its DNS name
     * or IP address in the subject alternative names, as HTTPS checks it). On by default; turning
     * it off lets anyone with a certificate from a trusted issuer impersonate the server.
     */
    public Builder verifyHostname(boolean verify) {
      this.verifyHostname = verify;
      return this;
    }

    /** Narrows the TLS versions offered, to {@code "TLSv1.3"} and/or {@code "TLSv1.2"}. */
    public Builder protocols(String... protocols) {
      List<String> chosen = List.of(protocols);
      if (chosen.isEmpty()) {
        throw new IllegalArgumentException("no TLS protocol given");
      }
      for (String protocol : chosen) {
        if (!protocol.equals("TLSv1.3") && !protocol.equals("TLSv1.2")) {
          throw new IllegalArgumentException(
              protocol + " is not supported: TLSv1.3 and TLSv1.2 only");
        }
      }
      this.protocols = chosen;
      return this;
    }

    public TlsConfig build() {
      return new TlsConfig(this);
    }

    private static KeyStore load(Path file, char[] password) throws GeneralSecurityException {
      try (InputStream in = Files.newInputStream(file)) {
        KeyStore store = KeyStore.getInstance(file.toFile(), password);
        store.load(in, password);
        return store;
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
      }
    }
  }
}
