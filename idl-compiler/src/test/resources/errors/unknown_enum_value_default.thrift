enum Level {
  LOW,
  HIGH
}

struct Settings {
  1: Level level = Level.MEDIUM
}
