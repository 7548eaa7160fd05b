package dev.skiff.interop.rpc;

import dev.skiff.interop.skiff.BaseTypes;
import dev.skiff.interop.skiff.Containers;
import dev.skiff.interop.skiff.Defaults;
import dev.skiff.interop.skiff.Empty;
import dev.skiff.interop.skiff.Expr;
import dev.skiff.interop.skiff.Extended;
import dev.skiff.interop.skiff.Optionals;
import dev.skiff.interop.skiff.Requireds;
import dev.skiff.interop.skiff.Shape;
import dev.skiff.interop.skiff.Sparse;
import dev.skiff.interop.skiff.Tree;
import java.util.concurrent.CompletableFuture;

/** Sends a corpus value through the echo method for its type, with Skiff's client. */
final class SkiffEcho {
  private SkiffEcho() {}

  /** The value the server sent back; null for a type without an echo method. */
  static Object echo(Extended client, Object value) {
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

  /** The same through the asynchronous interface; null for a type without an echo method. */
  static CompletableFuture<?> echoAsync(Extended.Async client, Object value) {
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
