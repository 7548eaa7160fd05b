const string GREETING = "hello
struct After {}
