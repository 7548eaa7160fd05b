/**
 * The interop test IDL: every kind of type the Thrift IDL can describe, and services that use them.
 *
 * Skiff's Maven plugin generates Skiff's Java from this file. The build also hands a copy of it to
 * Apache Thrift's own compiler (Debian's thrift-compiler 0.17) for libthrift's Java; that copy differs
 * in two ways only, made by the build (see this module's pom.xml):
 *   - its `namespace java` line names another package, so the two generated worlds can share a
 *     class path;
 *   - the blocks between "skiff-only" marker comment lines are dropped, because thrift 0.17 has no
 *     uuid type (it came in 0.18) and libthrift 0.17.0, the only libthrift its Java compiles against,
 *     cannot read or write one. Tests compare uuid bytes against libthrift 0.25's protocol API, and
 *     call the uuid methods with it.
 */
namespace java dev.skiff.interop.skiff

typedef i64 Millis
typedef string Name
typedef list<Name> Names
typedef map<string, i32> Counts
typedef Point Location

/** Explicit values, negative and extreme ones among them. */
enum Color {
  RED = 1,
  GREEN = 2,
  BLUE = 4,
  INFRARED = -3,
  ULTRAVIOLET = 2147483647
}

/** Implicit values 0, 1, 2, then an explicit one and one that follows it. */
enum Level {
  LOW,
  MEDIUM,
  HIGH,
  SEVERE = 10,
  FATAL
}

struct Point {
  1: required i32 x,
  2: required i32 y
}

/** A union with a case of every kind. */
union Shape {
  1: double circle,
  2: Point square,
  3: Color color,
  4: string label,
  5: list<Point> polygon,
  6: binary blob,
  7: bool flag,
  8: i64 id,
  9: map<string, i32> weights,
  10: Expr expr
}

/** A recursive struct, through a list and directly. */
struct Tree {
  1: string label,
  2: list<Tree> children,
  3: optional Tree mirror
}

/** Mutual recursion between a union and a struct. */
union Expr {
  1: i64 number,
  2: BinOp op,
  3: string variable
}

struct BinOp {
  1: required string operator,
  2: required Expr left,
  3: required Expr right
}

/** Every base type, default requiredness. */
struct BaseTypes {
  1: bool flag,
  2: byte b,
  3: i8 tiny,
  4: i16 small,
  5: i32 medium,
  6: i64 large,
  7: double real,
  8: string text,
  9: binary data,
  10: Millis stamp,
  11: Name name,
  12: Color color,
  13: Level level
}

/** Every kind of field, optional: written only when set. */
struct Optionals {
  1: optional bool flag,
  2: optional byte b,
  3: optional i16 small,
  4: optional i32 medium,
  5: optional i64 large,
  6: optional double real,
  7: optional string text,
  8: optional binary data,
  9: optional Color color,
  10: optional Point point,
  11: optional list<i32> ints,
  12: optional set<string> strings,
  13: optional map<string, Point> points,
  14: optional Shape shape,
  15: optional Tree tree
}

/** Required fields of every kind: always written, must be present. */
struct Requireds {
  1: required bool flag,
  2: required i64 large,
  3: required double real,
  4: required string text,
  5: required binary data,
  6: required Color color,
  7: required Point point,
  8: required list<string> strings,
  9: required Shape shape
}

/** Defaults of every kind. */
struct Defaults {
  1: bool flag = true,
  2: byte b = -8,
  3: i16 small = 300,
  4: i32 medium = -70000,
  5: i64 large = 0x7fffffffffff,
  6: double real = 2.5e-3,
  7: string text = "défaut ☃",
  8: binary data = "raw",
  9: Color color = Color.BLUE,
  10: Level level = Level.FATAL,
  11: list<i32> ints = [1, -2, 3],
  12: set<string> tags = ["a", "b"],
  13: Counts counts = {"one": 1, "two": 2},
  14: Location origin = {"x": 0, "y": -1},
  15: optional i32 optionalWithDefault = 42,
  16: required string requiredWithDefault = "req",
  17: Shape shape = {"label": "default shape"},
  18: bool off = false
}

/** Containers of every element type, nested, with struct, set and enum keys. */
struct Containers {
  1: list<bool> bools,
  2: list<byte> bytes,
  3: list<i16> shorts,
  4: list<i32> ints,
  5: list<i64> longs,
  6: list<double> doubles,
  7: list<string> strings,
  8: list<binary> blobs,
  9: list<Color> colors,
  10: list<Point> points,
  11: set<i32> intSet,
  12: set<string> stringSet,
  13: set<Point> pointSet,
  14: set<bool> boolSet,
  15: map<string, string> stringMap,
  16: map<i64, double> numberMap,
  17: map<Point, string> pointKeys,
  18: map<Color, list<Point>> colorLists,
  19: map<binary, binary> blobMap,
  20: map<set<i32>, list<string>> setKeys,
  21: list<list<i32>> nestedLists,
  22: list<map<string, set<i16>>> deep,
  23: list<Shape> shapes,
  24: Names names,
  25: map<i8, bool> flags
}

/** Wide field ids: long-form field headers in the compact protocol. */
struct Sparse {
  1: i32 first,
  17: optional string seventeen,
  300: optional i64 threeHundred,
  32767: optional bool last
}

struct Empty {
}

// skiff-only: begin uuid
/** uuid in every position: libthrift 0.17 has no uuid, so only bytes are compared (with 0.25). */
struct Uuids {
  1: uuid id,
  2: optional uuid maybe,
  3: list<uuid> ids,
  4: set<uuid> idSet,
  5: map<uuid, string> names,
  6: required uuid must
}
// skiff-only: end uuid

exception NotFound {
  1: string message,
  2: Name what
}

exception Invalid {
  1: i32 code,
  2: list<string> reasons
}

exception Overloaded {
  1: optional i64 retryAfterMillis,
  2: Level level
}

const i32 MAX_ITEMS = 1000
const i64 BIGGEST = 9223372036854775807
const double PI = 3.14159
const string GREETING = "héllo wörld"
const bool YES = true
const Millis MINUTE = 60000
const list<string> WORDS = ["alpha", "beta", "gamma"]
const set<i32> PRIMES = [2, 3, 5, 7]
const map<string, Color> COLOR_NAMES = {"red": Color.RED, "blue": Color.BLUE}
const Point ORIGIN = {"x": 0, "y": 0}
const Color FAVORITE = Color.GREEN
const Shape UNIT_CIRCLE = {"circle": 1.0}
const Tree SAPLING = {"label": "root", "children": [{"label": "leaf", "children": []}]}

/** The base service: every type passes through, void, oneway, and the exceptions. */
service Base {
  /** Returns its argument. */
  BaseTypes echoBase(1: BaseTypes value),
  Containers echoContainers(1: Containers value),
  Optionals echoOptionals(1: Optionals value),
  Requireds echoRequireds(1: Requireds value),
  Defaults echoDefaults(1: Defaults value),
  Shape echoShape(1: Shape value),
  Tree echoTree(1: Tree value),
  Expr echoExpr(1: Expr value),
  Sparse echoSparse(1: Sparse value),
  Empty echoEmpty(1: Empty value),

  /** Base values as arguments and results, several arguments at once. */
  bool echoBool(1: bool value),
  byte echoByte(1: byte value),
  i16 echoI16(1: i16 value),
  i32 echoI32(1: i32 value),
  i64 echoI64(1: i64 value),
  double echoDouble(1: double value),
  string echoString(1: string value),
  binary echoBinary(1: binary value),
  Color echoColor(1: Color value),
  list<Point> echoList(1: list<Point> value),
  set<string> echoSet(1: set<string> value),
  map<Point, list<Color>> echoMap(1: map<Point, list<Color>> value),
  string describe(1: bool flag, 2: byte b, 3: i16 small, 4: i32 medium, 5: i64 large,
                  6: double real, 7: string text, 8: binary data, 9: Color color,
                  10: Point point, 11: Names names, 17: map<string, i32> counts),

  // skiff-only: begin uuid
  /** uuid through calls: Skiff's side only, called by libthrift 0.25's protocol API. */
  uuid echoUuid(1: uuid value),
  Uuids echoUuids(1: Uuids value),
  /** How many uuids `value` holds, in all its fields. */
  i32 countUuids(1: Uuids value),
  // skiff-only: end uuid

  /** Does nothing. */
  void noop(),
  /** Records its arguments; no reply. */
  oneway void tell(1: string text, 2: i64 sequence),

  /** Throws the exception that `which` names, else returns `which`. */
  i32 check(1: string which) throws (1: NotFound notFound, 2: Invalid invalid,
                                     3: Overloaded overloaded),
  /** void with declared exceptions. */
  void reject(1: string which) throws (1: NotFound notFound, 2: Invalid invalid),
  /** Fails with an exception it does not declare. */
  string crash(1: string why)
}

/** Extends Base: one more method, so a client of this service calls both. */
service Extended extends Base {
  /** Waits `millis` (capped by the server), then returns it. */
  i64 sleep(1: i64 millis),
  list<Tree> forest(1: i32 size) throws (1: Invalid invalid)
}
