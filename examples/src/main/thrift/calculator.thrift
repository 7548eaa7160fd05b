namespace java dev.skiff.examples.calculator

/** What went wrong in a calculation. */
exception DivideByZero {
  1: string message
}

/** A calculator: the smallest useful service. */
service Calculator {
  /** Adds two numbers. */
  i64 add(1: i64 a, 2: i64 b)

  /** Divides a by b. */
  i64 divide(1: i64 a, 2: i64 b) throws (1: DivideByZero oops)

  /** Records a line in the server's log; no reply. */
  oneway void log(1: string line)
}
