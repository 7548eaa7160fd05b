package dev.skiff.idl.cli;

import dev.skiff.idl.diag.Diagnostic;
import dev.skiff.idl.diag.DiagnosticPrinter;
import dev.skiff.idl.diag.Diagnostics;
import dev.skiff.idl.diag.IdlException;
import dev.skiff.idl.link.SchemaLoader;
import dev.skiff.idl.schema.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * {@code skiffc}: checks Thrift IDL files and, with {@code -o}, writes Java sources for them.
 *
 * <pre>
 * java -jar skiffc.jar [-I DIR]... [-o DIR] FILE...
 * </pre>
 *
 * Exit status: 0 on success (warnings go to stderr), 1 on errors in the input, 2 on bad usage.
 */
public final class Skiffc {
  static final int OK = 0;
  static final int INPUT_ERRORS = 1;
  static final int USAGE = 2;

  private static final String USAGE_TEXT =
      """
      usage: skiffc [-I DIR]... [-o DIR] FILE...

      Checks Apache Thrift IDL files and, with -o, generates Java sources for them.

        -I, --include-dir DIR  also look for included files in DIR (repeatable); a file's own
                               directory is searched first
        -o, --out DIR          write generated Java sources under DIR; without it, only check
        -r, --recurse          with -o, also generate code for included files
            --help             show this help and exit
            --version          print the version and exit

      Exit status: 0 on success, 1 on errors in the input, 2 on bad usage.
      """;

  private final PrintStream out;
  private final PrintStream err;

  Skiffc(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    System.exit(new Skiffc(System.out, System.err).run(args));
  }

  /** Runs the command; returns the exit status instead of exiting, for tests and embedding. */
  int run(String... args) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("skiffc: " + e.getMessage());
      err.println("try 'skiffc --help'");
      return USAGE;
    }
    if (options.help()) {
      out.print(USAGE_TEXT);
      return OK;
    }
    if (options.version()) {
      out.println("skiffc " + version());
      return OK;
    }
    Diagnostics diagnostics = new Diagnostics();
    DiagnosticPrinter printer = new DiagnosticPrinter(Skiffc::readQuietly);
    try {
      Schema schema = new SchemaLoader(options.includeDirs()).load(options.files(), diagnostics);
      printAll(diagnostics.all(), printer);
      if (options.outDir() != null) {
        int written = Generation.writeJava(schema, options.outDir(), options.recurse());
        out.println("skiffc: wrote " + written + " Java files to " + options.outDir());
      }
      return OK;
    } catch (IdlException e) {
      printAll(e.diagnostics(), printer);
      int errors = (int) e.diagnostics().stream().filter(Diagnostic::isError).count();
      err.println(errors + (errors == 1 ? " error" : " errors"));
      return INPUT_ERRORS;
    } catch (UncheckedIOException e) {
      err.println("skiffc: cannot write output: " + e.getCause().getMessage());
      return INPUT_ERRORS;
    }
  }

  private void printAll(List<Diagnostic> diagnostics, DiagnosticPrinter printer) {
    for (Diagnostic diagnostic : diagnostics) {
      err.println(printer.format(diagnostic));
    }
  }

  private static Optional<String> readQuietly(Path file) {
    try {
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  static String version() {
    try (InputStream in = Skiffc.class.getResourceAsStream("version.properties")) {
      Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** The parsed command line. */
  record Options(
      List<Path> includeDirs,
      Path outDir,
      boolean recurse,
      List<Path> files,
      boolean help,
      boolean version) {
    static Options parse(String... args) {
      List<Path> includeDirs = new ArrayList<>();
      List<Path> files = new ArrayList<>();
      Path outDir = null;
      boolean recurse = false;
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        switch (arg) {
          case "--help", "-h" -> {
            return new Options(List.of(), null, false, List.of(), true, false);
          }
          case "--version" -> {
            return new Options(List.of(), null, false, List.of(), false, true);
          }
          case "-I", "--include-dir" -> includeDirs.add(Path.of(value(args, ++i, arg)));
          case "-o", "--out" -> {
            if (outDir != null) {
              throw new IllegalArgumentException("-o given twice");
            }
            outDir = Path.of(value(args, ++i, arg));
          }
          case "-r", "--recurse" -> recurse = true;
          default -> {
            if (arg.startsWith("-I") && arg.length() > 2) {
              includeDirs.add(Path.of(arg.substring(2)));
            } else if (arg.startsWith("-") && arg.length() > 1) {
              throw new IllegalArgumentException("unknown option '" + arg + "'");
            } else {
              files.add(Path.of(arg));
            }
          }
        }
      }
      if (files.isEmpty()) {
        throw new IllegalArgumentException("no input files");
      }
      return new Options(includeDirs, outDir, recurse, files, false, false);
    }

    private static String value(String[] args, int index, String option) {
      if (index >= args.length) {
        throw new IllegalArgumentException(option + " needs a directory");
      }
      return args[index];
    }
  }
}
