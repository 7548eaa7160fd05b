package dev.skiff.examples.kvstore;

import java.util.concurrent.CompletableFuture;

/** The operator's service, written against the async interface: it never blocks. */
final class AdminHandler implements Admin.Async {
  private final InMemoryKeyValue store;

  AdminHandler(InMemoryKeyValue store) {
    this.store = store;
  }

  @Override
  public CompletableFuture<Long> size() {
    return CompletableFuture.completedFuture(store.size());
  }

  @Override
  public CompletableFuture<Void> clear() {
    store.clear();
    return CompletableFuture.completedFuture(null);
  }
}
