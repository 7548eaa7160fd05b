service Base {
  void ping()
}

service Derived extends Base {
  void ping()
}
