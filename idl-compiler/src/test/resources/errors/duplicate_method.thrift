service Calculator {
  i32 add(1: i32 a, 2: i32 b)
  i64 add(1: i64 a, 2: i64 b)
}
