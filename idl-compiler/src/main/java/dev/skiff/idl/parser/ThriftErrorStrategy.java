package dev.skiff.idl.parser;

import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.Token;

/**
 * ANTLR's recovery, except that it never drops a closing bracket as "extraneous". Since keywords
 * may name fields, almost any token can follow a '}', and dropping it would let the parser read the
 * next definition as fields of the broken one: one mistake would then be reported again on every
 * later line.
 */
final class ThriftErrorStrategy extends DefaultErrorStrategy {
  @Override
  protected Token singleTokenDeletion(Parser recognizer) {
    String text = recognizer.getCurrentToken().getText();
    if (text.equals("}") || text.equals(")") || text.equals("]") || text.equals(">")) {
      return null;
    }
    return super.singleTokenDeletion(recognizer);
  }
}
