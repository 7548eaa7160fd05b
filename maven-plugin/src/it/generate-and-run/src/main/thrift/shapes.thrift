namespace java demo.shapes

enum Color { RED = 1, GREEN = 2 }

/** A point on the plane. */
struct Point {
  1: required i32 x
  2: required i32 y
}

struct Shape {
  1: required string name
  2: list<Point> corners
  3: optional Color color = Color.RED
}

const Point ORIGIN = {"x": 0, "y": 0}
