package dev.skiff.examples.kvstore;

import dev.skiff.examples.interceptors.TimingInterceptor;
import dev.skiff.rpc.Bytes;
import dev.skiff.rpc.Channel;
import dev.skiff.rpc.Server;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The key-value store end to end: two services on one port (the store, and its admin service under
 * a multiplexed name), sync and async calls, declared exceptions.
 */
public final class KeyValueDemo {
  private KeyValueDemo() {}

  public static void main(String[] args) throws Exception {
    run(System.out);
  }

  static void run(PrintStream out) throws Exception {
    InMemoryKeyValue store = new InMemoryKeyValue(1_000);
    List<String> timings = new CopyOnWriteArrayList<>();
    // [START multiplexed-server]
    Server server =
        Server.builder("tcp://127.0.0.1:0")
            .service(KeyValue.serviceDefinition(store))
            .service("Admin", Admin.asyncServiceDefinition(new AdminHandler(store)))
            .intercept(new TimingInterceptor(timings::add))
            .build()
            .start();
    // [END multiplexed-server]
    // [START intercepted-channel]
    Channel channel =
        Channel.builder(server.address()).intercept(new TimingInterceptor(timings::add)).build();
    // [END intercepted-channel]
    try (server;
        channel) {
      // [START multiplexed-client]
      KeyValue kv = new KeyValue.Client(channel);
      Admin admin = new Admin.Client(channel, "Admin");
      // [END multiplexed-client]

      kv.put(
          Entry.builder()
              .key("greeting")
              .value(Bytes.ofUtf8("hello"))
              .tags(Map.of("lang", "en"))
              .build(),
          Consistency.ONE);
      kv.put(Entry.builder().key("farewell").value(Bytes.ofUtf8("bye")).build(), Consistency.ALL);
      out.println("get greeting -> " + kv.get("greeting").value().toUtf8());
      out.println("keys starting with 'g' -> " + kv.keys("g"));
      try {
        kv.get("missing");
      } catch (KeyNotFound e) {
        out.println("get missing -> KeyNotFound(" + e.key() + ")");
      }

      KeyValue.Async async = new KeyValue.Client(channel).async();
      Map<String, Entry> many =
          async.getMany(Set.of("greeting", "farewell", "nope")).get(5, TimeUnit.SECONDS);
      out.println("getMany -> " + many.keySet().stream().sorted().toList());

      out.println("admin size -> " + admin.size());
      admin.clear();
      // A oneway call is not ordered with the calls after it: wait until the clear has run.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (admin.size() != 0 && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      out.println("admin size after clear -> " + admin.size());
    }
    out.println(
        "interceptors saw "
            + timings.stream().filter(t -> t.startsWith("server KeyValue.get ")).count()
            + " server-side get calls and "
            + timings.stream().filter(t -> t.startsWith("client KeyValue.get ")).count()
            + " client-side");
  }
}
