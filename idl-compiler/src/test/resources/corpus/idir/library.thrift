// Found only through an include directory (-I corpus/idir), never relative to its includer.
namespace java dev.skiff.corpus.library

struct Book {
  1: string title
}

service Catalog {
  Book find(1: string title)
}
