package dev.skiff.idl.diag;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * A place in an IDL file: the file, a 1-based line and a 1-based column.
 *
 * @param file the file as the user named it (relative paths stay relative, so messages read well)
 * @param line the line, starting at 1; 0 when the location names a whole file
 * @param column the column, starting at 1; 0 when the location names a whole file or line
 */
public record Location(Path file, int line, int column) implements Comparable<Location> {
  public Location {
    requireNonNull(file, "file");
  }

  /** A location that names a whole file. */
  public static Location of(Path file) {
    return new Location(file, 0, 0);
  }

  @Override
  public int compareTo(Location other) {
    int byFile = file.toString().compareTo(other.file.toString());
    if (byFile != 0) {
      return byFile;
    }
    return line != other.line
        ? Integer.compare(line, other.line)
        : Integer.compare(column, other.column);
  }

  /** {@code file:line:col}, or less where the location is coarser. */
  @Override
  public String toString() {
    if (line == 0) {
      return file.toString();
    }
    return column == 0 ? file + ":" + line : file + ":" + line + ":" + column;
  }
}
