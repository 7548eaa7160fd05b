package dev.skiff.idl.javagen;

import java.util.Map;

/** IDL that exercises every kind of generated type and the naming corner cases. */
final class SampleIdl {
  static final String EVERYTHING =
      """
      namespace java com.example.gen

      /** The colors a user may pick. */
      enum Color {
        RED = 1,
        GREEN = 2,
        /** The best one. */
        BLUE = 4
      }

      enum Odd {
        value,
        class = 5,
        findByValue
      }

      typedef i64 Timestamp
      typedef list<string> Names

      /** A point on the plane. */
      struct Point {
        1: required i32 x,
        2: required i32 y
      }

      struct Pair {
        1: string left,
        2: string right
      }

      /** Someone who logs in. */
      struct User {
        /** Unique, assigned by the server. */
        1: required i64 id,
        2: required string name,
        3: optional string email,
        4: Color color = Color.GREEN,
        5: list<string> tags,
        6: set<i32> lucky = [7, 3],
        7: map<string, Point> places,
        8: optional binary avatar,
        9: Timestamp created = 0,
        10: optional uuid token,
        11: double score = 1.5,
        12: bool active = true,
        13: i8 level,
        14: i16 rank,
        15: list<list<i32>> matrix,
        16: map<Color, set<string>> byColor,
        17: optional Point home,
        18: optional Names aliases,
        19: optional i32 age,
        20: required Color favorite,
        21: list<Color> palette
      }

      struct Keywords {
        1: i32 class,
        2: string builder,
        3: string read,
        4: optional string write,
        5: i32 hashCode,
        6: string long,
        7: string in,
        8: string out,
        9: string fieldType,
        10: string toBuilder,
        11: string build,
        12: string source,
        13: string string
      }

      /** One of several shapes. */
      union Shape {
        /** The radius. */
        1: double circle,
        2: Point square,
        3: Color color,
        4: list<string> labels,
        5: string kind,
        6: binary Shape
      }

      /** Nothing there. */
      exception NotFound {
        1: string message,
        2: i32 code
      }

      exception Failure {
        1: i32 code,
        2: optional string detail,
        3: list<string> causes
      }

      exception Empty {}

      struct Nothing {}

      union NoFields {}

      struct Tree {
        1: required string label,
        2: optional list<Tree> children
      }

      struct Defaults {
        1: required i32 a = 5,
        2: optional byte b = 3,
        3: optional i16 c = -2,
        4: optional double d = 2,
        5: required list<string> e = ["x"],
        6: map<string, Point> f = {"o": {"x": 0, "y": 0}},
        7: Pair p = {"left": "l"},
        8: optional binary g = "hi",
        9: uuid u = "00000000-0000-0001-0000-000000000002",
        10: map<Point, set<Color>> h = {{"x": 1, "y": 1}: [Color.RED, Color.BLUE]},
        11: Shape s = {"square": {"x": 2, "y": 3}}
      }

      const i32 MAX = 10
      /** How we greet. */
      const string GREETING = "hi \\"there\\""
      const list<string> NAMES = ["a", "b"]
      const set<string> LETTERS = ["z", "a", "m"]
      const map<string, i32> RANKS = {"z": 1, "a": 2}
      const Point ORIGIN = {"x": 0, "y": 0}
      const User ADMIN = {"id": 1, "name": "root", "favorite": Color.RED}
      const Color FAVORITE = Color.BLUE
      const double PI = 3.14
      const binary MAGIC = "abc"
      const Shape UNIT = {"circle": 1.0}
      const i64 BIG = 9223372036854775807
      const i8 SMALL = -128
      const i16 SHORT = 300
      const bool YES = true
      const map<Color, list<Point>> ROUTES = {Color.RED: [{"x": 1, "y": 2}]}
      const list<double> RATIOS = [1, 0.5]
      """;

  static Map<String, String> files() {
    return Map.of("everything.thrift", EVERYTHING);
  }

  private SampleIdl() {}
}
