package dev.skiff.interop.rpc;

import dev.skiff.interop.libthrift.BaseTypes;
import dev.skiff.interop.libthrift.Containers;
import dev.skiff.interop.libthrift.Defaults;
import dev.skiff.interop.libthrift.Empty;
import dev.skiff.interop.libthrift.Expr;
import dev.skiff.interop.libthrift.Extended;
import dev.skiff.interop.libthrift.Optionals;
import dev.skiff.interop.libthrift.Requireds;
import dev.skiff.interop.libthrift.Shape;
import dev.skiff.interop.libthrift.Sparse;
import dev.skiff.interop.libthrift.Tree;
import org.apache.thrift.TBase;
import org.apache.thrift.TException;

/** Sends a corpus value through the echo method for its type, with libthrift's client. */
final class LibthriftEcho {
  private LibthriftEcho() {}

  /** The value the server sent back; null for a type without an echo method. */
  static TBase<?, ?> echo(Extended.Client client, TBase<?, ?> value) throws TException {
    if (value instanceof BaseTypes v) {
      return client.echoBase(v);
    } else if (value instanceof Containers v) {
      return client.echoContainers(v);
    } else if (value instanceof Optionals v) {
      return client.echoOptionals(v);
    } else if (value instanceof Requireds v) {
      return client.echoRequireds(v);
    } else if (value instanceof Defaults v) {
      return client.echoDefaults(v);
    } else if (value instanceof Shape v) {
      return client.echoShape(v);
    } else if (value instanceof Tree v) {
      return client.echoTree(v);
    } else if (value instanceof Expr v) {
      return client.echoExpr(v);
    } else if (value instanceof Sparse v) {
      return client.echoSparse(v);
    } else if (value instanceof Empty v) {
      return client.echoEmpty(v);
    }
    return null;
  }
}
