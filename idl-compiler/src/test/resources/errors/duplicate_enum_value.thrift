enum Color {
  RED = 1,
  GREEN = 0,
  BLUE
}
