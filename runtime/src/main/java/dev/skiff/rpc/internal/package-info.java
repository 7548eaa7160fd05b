/**
 * Runtime machinery that neither users nor generated code touch. Nothing here is API: it may change
 * in any release.
 */
package dev.skiff.rpc.internal;
