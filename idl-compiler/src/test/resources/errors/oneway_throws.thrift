exception Failed {}

service Events {
  oneway void fire(1: string name) throws (1: Failed failed)
}
