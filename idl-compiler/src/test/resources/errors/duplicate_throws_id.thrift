exception Overflow {}
exception Underflow {}

service Calculator {
  i32 add(1: i32 a, 2: i32 b) throws (1: Overflow over, 1: Underflow under)
}
