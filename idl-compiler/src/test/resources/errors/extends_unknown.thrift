service Derived extends Missing {
}
