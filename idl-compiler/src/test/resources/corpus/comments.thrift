# A hash comment on the first line.
// A slash comment.
/* A block comment
   over two lines. */
namespace java dev.skiff.corpus.comments // trailing comment

/**
 * A documented struct.
 *
 * Its doc has two paragraphs.
 */
struct Documented {
  /** A documented field. */
  1: i32 documented, # hash comment after a field
  // not a doc comment
  2: i32 undocumented,
  /* a block comment is not a doc comment */
  3: i32 also_undocumented
}

/** A documented enum. */
enum Documents {
  /** A documented value. */
  FIRST,
  SECOND /* inline */ = 2
}

/** A documented service. */
service Commented {
  /**
   * A documented function.
   */
  void call(/** A documented argument. */ 1: i32 arg)
}

/***/
const i32 EMPTY_DOC = 1

/** Doc, then a comment: the doc does not reach the definition. */
// this comment stands between
const i32 NO_DOC = 2
