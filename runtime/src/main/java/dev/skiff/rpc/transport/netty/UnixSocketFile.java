package dev.skiff.rpc.transport.netty;

import dev.skiff.rpc.ConnectionException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The socket file of a Unix domain socket server: owner-only, replacing a stale file a dead server
 * left, refusing one a live server listens on, removed on close.
 *
 * <p>A socket is bound inside a fresh private (0700) directory next to the target, made 0600, and
 * only then renamed to the target path, so that no other user can connect in the window between
 * bind and chmod. Not thread-safe; one instance per listener.
 */
final class UnixSocketFile {
  static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

  /** sun_path holds 108 bytes with the terminating NUL. */
  private static final int MAX_SOCKET_PATH = 107;

  private final Path target;
  private Path privateDir;
  private Object fileKey;

  UnixSocketFile(Path target) {
    this.target = target;
  }

  /**
   * Checks the target and returns the path to bind the socket to.
   *
   * @throws ConnectionException if a live server listens at the target, or it is not a socket
   */
  Path prepare() throws IOException {
    BasicFileAttributes existing = attributes(target);
    if (existing != null) {
      if (existing.isSymbolicLink() || !existing.isOther()) {
        throw new ConnectionException(
            "cannot listen on unix://" + target + ": the path exists and is not a socket");
      }
      if (isLive(target)) {
        throw new ConnectionException(
            "cannot listen on unix://" + target + ": another server is listening on it");
      }
      // Connecting was refused: a server died without removing its socket. Replace it.
      Files.deleteIfExists(target);
    }
    Path parent = target.toAbsolutePath().getParent();
    privateDir = Files.createTempDirectory(parent, ".skiff-");
    Path bindPath = privateDir.resolve("s");
    if (bindPath.toString().length() > MAX_SOCKET_PATH) {
      // No room for the private directory in sun_path: bind in place and tighten right after.
      Files.delete(privateDir);
      privateDir = null;
      return target;
    }
    return bindPath;
  }

  /** Makes the bound socket owner-only and moves it to the target path. */
  void publish(Path boundPath) throws IOException {
    Files.setPosixFilePermissions(boundPath, OWNER_ONLY);
    if (!boundPath.equals(target)) {
      try {
        Files.move(boundPath, target);
      } catch (FileAlreadyExistsException e) {
        throw new ConnectionException(
            "cannot listen on unix://" + target + ": another server took the path meanwhile", e);
      } finally {
        removePrivateDir();
      }
    }
    fileKey = attributes(target).fileKey();
  }

  /** Removes the socket file, if it is still the one this server made, and any leftovers. */
  void remove() {
    removePrivateDir();
    try {
      BasicFileAttributes now = attributes(target);
      if (now != null && fileKey != null && fileKey.equals(now.fileKey())) {
        Files.deleteIfExists(target);
      }
    } catch (IOException e) {
      // Nothing more to do: the next server replaces a stale file anyway.
    }
  }

  private void removePrivateDir() {
    if (privateDir == null) {
      return;
    }
    try {
      Files.deleteIfExists(privateDir.resolve("s"));
      Files.deleteIfExists(privateDir);
    } catch (IOException e) {
      // Only an empty private directory can be left; it is harmless.
    }
    privateDir = null;
  }

  private static BasicFileAttributes attributes(Path path) throws IOException {
    try {
      return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  private static boolean isLive(Path socket) {
    try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      probe.connect(UnixDomainSocketAddress.of(socket));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
