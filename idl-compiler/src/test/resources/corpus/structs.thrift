// Structs, unions, exceptions: ids, automatic ids, requiredness, '&', defaults, xsd_* modifiers,
// separators, annotations.
namespace java dev.skiff.corpus.structs

enum Status {
  ACTIVE,
  RETIRED
}

struct Person {
  1: required string name,
  2: optional i32 age,
  3: string email,
  4: Status status = Status.ACTIVE;
  5: list<Person> friends = []
  6: optional Person & mentor (cpp.ref_type = "shared")
  7: bool verified = false
} (java.final = "true")

struct NoIds {
  string first,
  i32 second
  -1: i64 negative,
  0: bool zero
}

struct Sparse {
  1: i32 one,
  100: i32 hundred,
  0x7fff: i32 highest
}

struct Xsd xsd_all {
  1: i32 plain xsd_optional,
  2: i32 nillable xsd_nillable,
  3: i32 both xsd_optional xsd_nillable,
  4: string attributed xsd_attrs { 1: string lang }
}

union Value {
  1: i64 integer,
  2: double real,
  3: string str,
  4: optional bool flag
} (union.ann = "u")

exception NotFound {
  1: string message,
  2: i64 id = 0
} (http.status = "404")

exception Empty {
}

struct Nothing {}
