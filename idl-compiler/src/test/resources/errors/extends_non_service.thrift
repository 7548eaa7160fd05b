struct Base {
  1: i32 id
}

service Derived extends Base {
}
