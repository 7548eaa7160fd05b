package dev.skiff.maven;

import java.io.File;
import java.util.Collection;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Generates Java types and service stubs from the Thrift IDL files in {@code src/main/thrift} and
 * adds them to the main sources.
 */
@Mojo(
    name = "generate",
    defaultPhase = LifecyclePhase.GENERATE_SOURCES,
    requiresDependencyResolution = ResolutionScope.COMPILE,
    threadSafe = true)
public final class GenerateMojo extends AbstractGenerateMojo {
  /** The directory of the IDL files. */
  @Parameter(
      property = "skiff.sourceDirectory",
      defaultValue = "${project.basedir}/src/main/thrift")
  private File sourceDirectory;

  /** Where the generated Java sources go. */
  @Parameter(
      property = "skiff.outputDirectory",
      defaultValue = "${project.build.directory}/generated-sources/skiff")
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
    project.addCompileSourceRoot(directory);
  }

  @Override
  protected Collection<Artifact> idlDependencies() {
    return project.getArtifacts();
  }

  @Override
  protected String goalName() {
    return "main";
  }
}
