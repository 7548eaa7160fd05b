// Services: extends, oneway and its old alias async, void, throws, annotations, defaults in
// argument lists.
namespace java dev.skiff.corpus.services

const i32 DEFAULT_PAGE = 20

exception Unavailable {
  1: string reason
}

exception Denied {
  1: string who
}

struct Page {
  1: list<string> items
}

service Base {
  void ping(),
  oneway void fire(1: string event)
}

service Full extends Base {
  i32 add(1: i32 a, 2: i32 b);
  Page list_items(1: i32 size = DEFAULT_PAGE, 2: optional string cursor)
      throws (1: Unavailable unavailable, 2: Denied denied)
  async void legacy_fire(1: i64 at_millis)
  void noargs() (idempotent, timeout = "5s")
  map<string, list<i64>> complicated(1: map<string, set<i32>> input)
} (service.ann = "full")
