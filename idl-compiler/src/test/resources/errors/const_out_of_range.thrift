const i8 SMALL = 300
