const i32 COUNT = "three"
