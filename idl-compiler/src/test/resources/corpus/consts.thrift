// Constants: every literal form Apache accepts.
namespace java dev.skiff.corpus.consts

enum Weekday {
  MONDAY = 1,
  TUESDAY
}

struct Point {
  1: i32 x,
  2: i32 y,
  3: optional string label
}

union Shape {
  1: Point dot,
  2: double radius
}

const i32 DECIMAL = 42
const i32 NEGATIVE = -17;
const i32 POSITIVE = +5,
const i64 HEX = 0x7fffffffffffffff
const i32 NEGATIVE_HEX = -0x10
const i64 LEADING_ZERO = 098325
const i64 MIN_I64 = -9223372036854775808
const i8 MAX_I8 = 127
const i16 MIN_I16 = -32768
const bool YES = true
const bool NO = false
const bool ONE_FOR_TRUE = 1
const double HALF = .5
const double BIG = 1e10
const double SMALL = -2.5E-3
const double WHOLE = 3
const double LEADING_ZERO_DOUBLE = 085.2355
const double SIGNED = +1.5e+2
const string DOUBLE_QUOTED = "say \"hi\"\tand\nbye\r"
const string SINGLE_QUOTED = 'it\'s a \\ backslash'
const string MIXED_QUOTES = "it's"
const string OTHER_MIXED = 'say "hi"'
const binary BYTES = "bytes"
const list<i32> LIST = [1, 2, 3]
const list<i32> LIST_NO_SEPARATORS = [1 2 3]
const list<string> LIST_SEMICOLONS = ["a"; "b";]
const set<i16> SET = [3, 1, 2]
const list<i32> EMPTY_LIST = []
const map<string, i32> MAP = {"one": 1, "two": 2}
const map<string, i32> MAP_NO_SEPARATORS = {"one": 1 "two": 2}
const map<i32, string> MAP_SEMICOLONS = {1: "one"; 2: "two";}
const map<string, list<i32>> NESTED = {"odd": [1, 3], "even": [2 4]}
const map<i32, i32> EMPTY_MAP = {}
const i32 REFERENCE = DECIMAL
const double INT_REFERENCE_AS_DOUBLE = DECIMAL
const list<i32> LIST_OF_REFERENCES = [DECIMAL, NEGATIVE, 7]
const Weekday ENUM_VALUE = Weekday.TUESDAY
const Weekday ENUM_BY_INTEGER = 1
const i32 ENUM_AS_INTEGER = Weekday.TUESDAY
const list<Weekday> ENUM_LIST = [Weekday.MONDAY, Weekday.TUESDAY]
const map<Weekday, string> ENUM_KEYS = {Weekday.MONDAY: "mon"}
const Point ORIGIN = {"x": 0, "y": 0}
const Point LABELED = {'x': DECIMAL, 'y': -1, 'label': "here"}
const Shape UNIT_CIRCLE = {"radius": 1.0}
const Shape DOT = {"dot": {"x": 1, "y": 2}}

struct Defaults {
  1: i32 count = DECIMAL,
  2: Weekday day = Weekday.MONDAY,
  3: Weekday by_number = 2,
  4: Point where = {"x": 1, "y": POSITIVE},
  5: list<string> tags = ["a" "b"],
  6: bool enabled = 0,
  7: double rate = 1,
  8: string name = 'default',
  9: map<string, Weekday> days = {"first": Weekday.MONDAY}
}
