// Included by headers.thrift, relative to it.
namespace java dev.skiff.corpus.shared

const i32 SHARED_LIMIT = 64

enum Level {
  LOW = 1,
  HIGH = 2
}

struct Thing {
  1: required i64 id,
  2: optional string label,
  3: Level level = Level.LOW
}

exception SharedError {
  1: string message
}

typedef list<Thing> Things

service BaseService {
  void ping()
}
