enum Level {
  LOW,
  HIGH
}

const Level DEFAULT_LEVEL = Level.MEDIUM
