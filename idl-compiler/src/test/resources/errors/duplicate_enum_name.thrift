enum Color {
  RED,
  GREEN,
  RED
}
