struct NotAnError {
  1: string message
}

service Calls {
  void call() throws (1: NotAnError error)
}
