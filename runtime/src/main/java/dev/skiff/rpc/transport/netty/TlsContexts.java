package dev.skiff.rpc.transport.netty;

import dev.skiff.rpc.TlsConfig;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import javax.net.ssl.SSLException;

/** Netty {@link SslContext}s from a {@link TlsConfig}, on the JDK's TLS implementation. */
final class TlsContexts {
  private TlsContexts() {}

  static SslContext server(TlsConfig tls) {
    if (tls.keyManager() == null) {
      throw new IllegalArgumentException("a TLS server needs a key: TlsConfig.Builder.keyStore");
    }
    SslContextBuilder builder =
        SslContextBuilder.forServer(tls.keyManager())
            .sslProvider(SslProvider.JDK)
            .protocols(tls.protocols())
            .clientAuth(
                switch (tls.clientAuth()) {
                  case NONE -> ClientAuth.NONE;
                  case OPTIONAL -> ClientAuth.OPTIONAL;
                  case REQUIRE -> ClientAuth.REQUIRE;
                });
    if (tls.trustManager() != null) {
      builder.trustManager(tls.trustManager());
    }
    return build(builder);
  }

  static SslContext client(TlsConfig tls) {
    SslContextBuilder builder =
        SslContextBuilder.forClient()
            .sslProvider(SslProvider.JDK)
            .protocols(tls.protocols())
            // "HTTPS": the certificate must name the host, as RFC 2818 says; null turns it off.
            .endpointIdentificationAlgorithm(tls.verifyHostname() ? "HTTPS" : null);
    if (tls.keyManager() != null) {
      builder.keyManager(tls.keyManager());
    }
    if (tls.trustManager() != null) {
      builder.trustManager(tls.trustManager());
    }
    return build(builder);
  }

  private static SslContext build(SslContextBuilder builder) {
    try {
      return builder.build();
    } catch (SSLException e) {
      throw new IllegalArgumentException("invalid TLS configuration: " + e.getMessage(), e);
    }
  }
}
