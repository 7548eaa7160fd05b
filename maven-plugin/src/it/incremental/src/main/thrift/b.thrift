namespace java inc
struct B { 1: i32 n }
