struct Lookup {
  1: map<string> entries
}
