// What files written for older Thrift releases contain: accepted by Skiff with a warning,
// rejected by Apache Thrift 0.17 (so the cross-check leaves this file out).
cpp_namespace corpus.legacy
java_package dev.skiff.corpus.legacy
php_namespace corpus_legacy
py_module corpus.legacy
perl_package corpus.legacy
ruby_namespace Corpus.Legacy
smalltalk_category Corpus-Legacy
smalltalk_prefix CL
xsd_namespace "http://skiff.dev/legacy"
csharp_namespace Corpus.Legacy
delphi_namespace Corpus.Legacy
cocoa_prefix CL

senum Flavor {
  "vanilla",
  "chocolate"
}

enum Consistency {
  ONE = 1,
  QUORUM,
  ALL
}

struct Request {
  1: slist names,
  2: Consistency level = QUORUM,
  3: Flavor flavor = "vanilla"
}

service Legacy {
  void call(1: Consistency level = ONE)
}
