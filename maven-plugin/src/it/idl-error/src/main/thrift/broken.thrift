struct User {
  1: i64 id
  2: Strin name
  1: string email
}
