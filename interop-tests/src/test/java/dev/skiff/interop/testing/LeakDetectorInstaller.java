package dev.skiff.interop.testing;

import io.netty.util.ResourceLeakDetectorFactory;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Installs {@link NettyLeaks}' recording detector when the test run starts, before any test loads a
 * Netty buffer class (which fixes its detector once). Registered through {@code META-INF/services}.
 */
public final class LeakDetectorInstaller implements LauncherSessionListener {
  @Override
  public void launcherSessionOpened(LauncherSession session) {
    ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(NettyLeaks.FACTORY);
  }
}
