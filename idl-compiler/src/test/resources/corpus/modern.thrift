// What Apache Thrift accepts only since 0.18: keywords as field names and the uuid type. Apache
// 0.17, which Debian ships, rejects both, so the cross-check leaves this file out.
namespace java dev.skiff.corpus.modern

const uuid ZERO_ID = "00000000-0000-0000-0000-000000000000"

struct Keywords {
  1: string string,
  2: i32 i32,
  3: list<i32> list,
  4: map<string, string> map,
  5: bool required,
  6: bool optional,
  7: string namespace,
  8: string include,
  9: string service,
  10: string struct,
  11: string exception,
  12: string oneway,
  13: string async,
  14: string void,
  15: string throws,
  16: string extends,
  17: string typedef,
  18: string enum,
  19: string const,
  20: string union,
  21: uuid uuid = "6ba7b810-9dad-11d1-80b4-00c04fd430c8",
  22: binary binary,
  23: string cpp_include,
  24: string cpp_type,
  25: set<byte> set,
  26: i8 i8,
  27: i16 i16,
  28: i64 i64,
  29: double double,
  30: bool bool,
  31: byte byte
}

service Modern {
  uuid identify(1: uuid id, 2: string string)
}
