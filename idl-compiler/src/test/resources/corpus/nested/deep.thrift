# Included by headers.thrift from a subdirectory, relative to the including file.
namespace java dev.skiff.corpus.deep

struct Depth {
  1: i32 meters
}
