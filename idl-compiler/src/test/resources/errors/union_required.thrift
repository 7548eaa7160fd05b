union Choice {
  1: i32 number,
  2: required string text
}
