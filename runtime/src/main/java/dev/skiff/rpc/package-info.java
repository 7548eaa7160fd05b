/**
 * Skiff's public runtime API: the types that user code and generated code share, such as {@link
 * dev.skiff.rpc.Bytes} for Thrift {@code binary} values and {@link dev.skiff.rpc.SkiffException},
 * the base of the runtime's errors.
 */
package dev.skiff.rpc;
