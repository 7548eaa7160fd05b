package dev.skiff.maven;

import java.io.File;
import java.util.Collection;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Generates Java types and service stubs from the Thrift IDL files in {@code src/test/thrift} and
 * adds them to the test sources.
 */
@Mojo(
    name = "generate-test",
    defaultPhase = LifecyclePhase.GENERATE_TEST_SOURCES,
    requiresDependencyResolution = ResolutionScope.TEST,
    threadSafe = true)
public final class GenerateTestMojo extends AbstractGenerateMojo {
  /** The directory of the test IDL files. */
  @Parameter(
      property = "skiff.testSourceDirectory",
      defaultValue = "${project.basedir}/src/test/thrift")
  private File sourceDirectory;

  /** Where the generated test sources go. */
  @Parameter(
      property = "skiff.testOutputDirectory",
      defaultValue = "${project.build.directory}/generated-test-sources/skiff")
  private File outputDirectory;

  @Override
  protected File sourceDirectory() {
    return sourceDirectory;
  }

  @Override
  protected File outputDirectory() {
    return outputDirectory;
  }

  @Override
  protected void addSourceRoot(String directory) {
    project.addTestCompileSourceRoot(directory);
  }

  @Override
  protected Collection<Artifact> idlDependencies() {
    return project.getArtifacts();
  }

  @Override
  protected String goalName() {
    return "test";
  }
}
