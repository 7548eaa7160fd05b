struct Thing {
  1: i32 id
}

enum Thing {
  ONE
}
