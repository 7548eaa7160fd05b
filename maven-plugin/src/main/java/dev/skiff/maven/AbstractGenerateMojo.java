package dev.skiff.maven;

import dev.skiff.idl.diag.Diagnostic;
import dev.skiff.idl.diag.DiagnosticPrinter;
import dev.skiff.idl.diag.Diagnostics;
import dev.skiff.idl.diag.IdlException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** What the {@code generate} and {@code generate-test} goals share. */
abstract class AbstractGenerateMojo extends AbstractMojo {
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  protected MavenProject project;

  /**
   * Patterns, relative to the source directory, of the IDL files to generate code for. Default:
   * every {@code .thrift} file.
   */
  @Parameter(property = "skiff.includes")
  private List<String> includes;

  /** Patterns, relative to the source directory, of IDL files to leave out. */
  @Parameter(property = "skiff.excludes")
  private List<String> excludes;

  /**
   * Directories where {@code include "..."} statements look for files, after the including file's
   * own directory (the {@code -I} of {@code skiffc}). {@code .thrift} files inside dependency jars
   * are found too, by their path inside the jar.
   */
  @Parameter(property = "skiff.includeDirectories")
  private List<File> includeDirectories;

  /** Skips generation. */
  @Parameter(property = "skiff.skip", defaultValue = "false")
  private boolean skip;

  @Parameter(defaultValue = "${project.build.directory}/skiff", readonly = true)
  private File workDirectory;

  /** The directory of the IDL files. */
  protected abstract File sourceDirectory();

  /** The directory generated sources go to. */
  protected abstract File outputDirectory();

  /** Adds the output directory to the project's sources. */
  protected abstract void addSourceRoot(String directory);

  /** The dependencies whose jars may hold included {@code .thrift} files. */
  protected abstract Collection<Artifact> idlDependencies();

  /** A name for this goal's state files. */
  protected abstract String goalName();

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skiff: skipped");
      return;
    }
    Path sources = sourceDirectory().toPath().toAbsolutePath().normalize();
    Path output = outputDirectory().toPath().toAbsolutePath().normalize();
    addSourceRoot(output.toString());
    if (!Files.isDirectory(sources)) {
      getLog().debug("Skiff: no IDL directory " + sources);
      return;
    }
    try {
      List<Path> roots = findRoots(sources);
      if (roots.isEmpty()) {
        getLog().info("Skiff: no IDL files in " + sources);
        return;
      }
      Path work = workDirectory.toPath().resolve(goalName());
      List<Path> includeDirs = new ArrayList<>();
      if (includeDirectories != null) {
        includeDirectories.forEach(
            dir -> includeDirs.add(dir.toPath().toAbsolutePath().normalize()));
      }
      Path fromJars = work.resolve("dependency-idl");
      if (DependencyIdl.extract(idlDependencies(), fromJars, getLog()::debug) > 0) {
        includeDirs.add(fromJars);
      }
      IncrementalGenerator generator =
          new IncrementalGenerator(
              includeDirs, output, work.resolve("state.properties"), getLog()::info);
      IncrementalGenerator.Result result = generator.run(roots, new Diagnostics());
      if (result.regenerated() == 0) {
        getLog()
            .info("Skiff: nothing to regenerate, " + result.upToDate() + " IDL files up to date");
      } else {
        getLog()
            .info(
                "Skiff: generated "
                    + result.filesWritten()
                    + " Java files from "
                    + result.regenerated()
                    + " IDL files into "
                    + project.getBasedir().toPath().relativize(output));
      }
    } catch (IdlException e) {
      DiagnosticPrinter printer = new DiagnosticPrinter(AbstractGenerateMojo::read);
      for (Diagnostic diagnostic : e.diagnostics()) {
        if (diagnostic.isError()) {
          getLog().error(printer.format(diagnostic));
        } else {
          getLog().warn(printer.format(diagnostic));
        }
      }
      long errors = e.diagnostics().stream().filter(Diagnostic::isError).count();
      throw new MojoFailureException(
          errors + (errors == 1 ? " error" : " errors") + " in Thrift IDL; see above");
    } catch (IOException e) {
      throw new MojoExecutionException("Skiff: cannot generate sources: " + e.getMessage(), e);
    }
  }

  private List<Path> findRoots(Path sources) throws IOException {
    List<PathMatcher> in =
        matchers(includes == null || includes.isEmpty() ? List.of("**/*.thrift") : includes);
    List<PathMatcher> out = matchers(excludes == null ? List.of() : excludes);
    try (Stream<Path> files = Files.walk(sources)) {
      return files
          .filter(Files::isRegularFile)
          .filter(
              file -> {
                Path relative = sources.relativize(file);
                return in.stream().anyMatch(m -> m.matches(relative))
                    && out.stream().noneMatch(m -> m.matches(relative));
              })
          .map(Path::normalize)
          .sorted()
          .toList();
    }
  }

  /** Glob matchers; {@code **}{@code /x} also matches {@code x} at the top, as in Ant patterns. */
  private static List<PathMatcher> matchers(List<String> patterns) {
    List<PathMatcher> matchers = new ArrayList<>();
    for (String pattern : patterns) {
      matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + pattern));
      if (pattern.startsWith("**/")) {
        matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + pattern.substring(3)));
      }
    }
    return matchers;
  }

  private static Optional<String> read(Path file) {
    try {
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
