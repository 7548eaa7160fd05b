struct Pair {
  1: i32 left,
  2: string left
}
