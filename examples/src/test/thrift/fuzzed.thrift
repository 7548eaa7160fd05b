// Types for GeneratedStructFuzzTest: every kind of field the generator reads, nested several ways.
namespace java dev.skiff.examples.fuzz

enum Color {
  RED = 1,
  GREEN = 2,
  BLUE = 4
}

/** Recursive, through a list and an optional field. */
struct Tree {
  1: required string label
  2: list<Tree> children
  3: optional Tree next
}

union Shape {
  1: double circle
  2: list<double> polygon
  3: Tree tree
  4: Color fill
  5: binary raw
}

struct Everything {
  1: required bool flag
  2: byte b
  3: i16 s
  4: i32 i
  5: i64 l
  6: double d
  7: string str
  8: binary bin
  9: uuid id
  10: Color color
  11: required Color requiredColor
  12: list<list<i32>> grid
  13: set<string> tags
  14: map<string, map<i64, list<Shape>>> deep
  15: map<Color, set<uuid>> byColor
  16: optional Tree tree
  17: Shape shape
  18: list<Everything> more
  19: optional string withDefault = "x"
  20: set<list<binary>> blobs
  21: required Shape requiredShape
}

exception Broken {
  1: string why
  2: Shape at
}

service Fuzzed {
  Everything echo(1: Everything everything, 2: Shape shape) throws (1: Broken broken)
  Shape shape(1: list<Tree> trees)
  map<Color, Tree> colors(1: set<Color> wanted) throws (1: Broken broken, 2: Broken again)
  oneway void fire(1: Tree tree)
}
