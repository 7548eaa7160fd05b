service Events {
  oneway i32 fire(1: string name)
}
