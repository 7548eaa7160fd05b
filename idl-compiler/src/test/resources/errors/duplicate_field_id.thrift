struct Pair {
  1: i32 left,
  1: i32 right
}
