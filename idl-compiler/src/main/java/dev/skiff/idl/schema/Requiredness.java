package dev.skiff.idl.schema;

/**
 * A field's requiredness. {@link #DEFAULT} is Thrift's "opt-in, req-out": written when set, read as
 * optional.
 */
public enum Requiredness {
  REQUIRED,
  OPTIONAL,
  DEFAULT
}
