package dev.skiff.idl.javagen;

/**
 * Java source compiled together with the code generated from {@link ServiceIdl}: implementations of
 * the services, blocking and asynchronous, and the calls a user would make through the generated
 * clients. Each call's outcome comes back as a line of text, so that the test (compiled before the
 * generated code exists) compares outcomes, and both clients and both kinds of implementation must
 * give the same lines.
 */
final class ServiceHarness {
  static final String CLASS_NAME = "svcharness.ServiceHarness";

  static final String SOURCE =
      """
      package svcharness;

      import com.example.svc.base.BaseError;
      import com.example.svc.calc.*;
      import dev.skiff.rpc.ApplicationException;
      import dev.skiff.rpc.Bytes;
      import dev.skiff.rpc.CallOptions;
      import dev.skiff.rpc.Channel;
      import dev.skiff.rpc.ServiceDefinition;
      import java.time.Duration;
      import java.util.*;
      import java.util.concurrent.*;

      public final class ServiceHarness {
        /** What oneway methods received. */
        public static final BlockingQueue<String> RECEIVED = new LinkedBlockingQueue<>();
        /** Holds calls of slow() until counted down. */
        static volatile CountDownLatch release = new CountDownLatch(1);

        private ServiceHarness() {}

        public static ServiceDefinition scientific(boolean async) {
          return async
              ? Scientific.asyncServiceDefinition(new AsyncScientific(new BlockingScientific()))
              : Scientific.serviceDefinition(new BlockingScientific());
        }

        public static ServiceDefinition keywords() {
          return Keywords.serviceDefinition(new BlockingKeywords());
        }

        /**
         * Every method of Scientific through its client, blocking or async(), one outcome a line.
         */
        public static List<String> calls(Channel channel, String name, boolean async)
            throws InterruptedException {
          Scientific.Client client =
              name == null ? new Scientific.Client(channel) : new Scientific.Client(channel, name);
          Scientific.Async later = client.async();
          Work divide = new Work(7, 2, Op.DIVIDE, null);
          Work byZero = new Work(7, 0, Op.DIVIDE, null);
          Work overflow = new Work(Integer.MAX_VALUE, 3, Op.MULTIPLY, "big");
          Work noOp = new Work(1, 2, null, null);
          Map<String, Set<Integer>> tags = new LinkedHashMap<>();
          tags.put("odd", new LinkedHashSet<>(List.of(3, 1)));
          tags.put("none", Set.of());
          UUID id = new UUID(1, 2);
          List<String> out = new ArrayList<>();
          out.add(call(async, "ping", client::ping, later::ping));
          out.add(call(async, "reset(false)", () -> { client.reset(false); return "done"; },
              () -> later.reset(false)));
          out.add(call(async, "reset(true)", () -> { client.reset(true); return "done"; },
              () -> later.reset(true)));
          out.add(call(async, "notify", () -> { client.notify_("hi"); return "done"; },
              () -> later.notify_("hi")));
          out.add("received " + RECEIVED.poll(10, TimeUnit.SECONDS));
          out.add(call(async, "add(2, 3)", () -> client.add(2, 3), () -> later.add(2, 3)));
          out.add(call(async, "add(MAX, 1)", () -> client.add(Integer.MAX_VALUE, 1),
              () -> later.add(Integer.MAX_VALUE, 1)));
          out.add(call(async, "calculate(7 / 2)", () -> client.calculate(divide),
              () -> later.calculate(divide)));
          out.add(call(async, "calculate(7 / 0)", () -> client.calculate(byZero),
              () -> later.calculate(byZero)));
          out.add(call(async, "calculate(MAX * 3)", () -> client.calculate(overflow),
              () -> later.calculate(overflow)));
          out.add(call(async, "calculate(no op)", () -> client.calculate(noOp),
              () -> later.calculate(noOp)));
          out.add(call(async, "clear", () -> { client.clear(); return "done"; }, later::clear));
          out.add(call(async, "log", () -> { client.log("written"); return "done"; },
              () -> later.log("written")));
          out.add("received " + RECEIVED.poll(10, TimeUnit.SECONDS));
          out.add(call(async, "history",
              () -> client.history("ann", tags, Bytes.ofUtf8("abc"), id),
              () -> later.history("ann", tags, Bytes.ofUtf8("abc"), id)));
          out.add(call(async, "echo", () -> client.echo(overflow), () -> later.echo(overflow)));
          out.add(call(async, "echo(null)", () -> client.echo(null), () -> later.echo(null)));
          out.add(call(async, "maybe(x)", () -> client.maybe("x"), () -> later.maybe("x")));
          out.add(call(async, "maybe()", () -> client.maybe(""), () -> later.maybe("")));
          out.add(call(async, "fail", () -> client.fail("boom"), () -> later.fail("boom")));
          out.add(call(async, "twice(1.5)", () -> client.twice(1.5), () -> later.twice(1.5)));
          out.add(call(async, "power(2, 10)", () -> client.power(2, 10),
              () -> later.power(2, 10)));
          Set<Op> ops = new LinkedHashSet<>(List.of(Op.MULTIPLY, Op.ADD));
          out.add(call(async, "table", () -> client.table(ops, (byte) 3),
              () -> later.table(ops, (byte) 3)));
          out.add(call(async, "ping again", client::ping, later::ping));
          return out;
        }

        /** Every method of Keywords, whose Java names differ from the IDL's. */
        public static List<String> keywordCalls(Channel channel, String name)
            throws InterruptedException {
          Keywords client = new Keywords.Client(channel, name);
          List<String> out = new ArrayList<>();
          out.add(outcome("withOptions", () -> client.withOptions_("c", 1, "ch")));
          out.add(outcome("hashCode", client::hashCode_));
          out.add(outcome("toString", () -> client.toString_("eq")));
          out.add(outcome("wait", () -> { client.wait_(5); return "done"; }));
          out.add(outcome("getClass", () -> client.getClass_(
              "impl", "args", "options", "value", "failure", "in", "name", "cause", "methods",
              "rpc", "calls")));
          out.add(outcome("equals", () -> client.equals_("x")));
          out.add(outcome("serviceDefinition", () -> client.serviceDefinition_("n", "f")));
          client.notifyAll_("i");
          out.add("received " + RECEIVED.poll(10, TimeUnit.SECONDS));
          return out;
        }

        /** A call with a short timeout to a method that waits, then the same without one. */
        public static List<String> timeouts(Channel channel) {
          release = new CountDownLatch(1);
          Scientific.Client client = new Scientific.Client(channel);
          Scientific.Client impatient = client.withOptions(CallOptions.timeout(Duration.ofMillis(200)));
          List<String> out = new ArrayList<>();
          out.add(outcome("slow, blocking", () -> impatient.slow("a")));
          out.add(outcome("slow, async", () -> impatient.async().slow("b").get(10, TimeUnit.SECONDS)));
          release.countDown();
          out.add(outcome("slow, released", () -> client.slow("c")));
          return out;
        }

        public static ServiceDefinition greeterV1() {
          return com.example.svc.v1.Greeter.serviceDefinition(name -> "hello " + name);
        }

        public static ServiceDefinition greeterV2() {
          return com.example.svc.v2.Greeter.serviceDefinition(
              (name, times) -> {
                if (times == 0) {
                  throw new com.example.svc.v2.Busy("try again");
                }
                return String.join(" ", Collections.nCopies(times, name));
              });
        }

        public static String greetV1(Channel channel) {
          return outcome("v1 greet", () -> new com.example.svc.v1.Greeter.Client(channel).greet("ann"));
        }

        public static String greetV2(Channel channel) {
          return outcome(
              "v2 greet", () -> new com.example.svc.v2.Greeter.Client(channel).greet("bob", 2));
        }

        interface Blocking {
          Object call() throws Exception;
        }

        interface Async {
          CompletableFuture<?> call();
        }

        private static String call(boolean async, String label, Blocking blocking, Async later) {
          if (!async) {
            return outcome(label, blocking);
          }
          return outcome(label, () -> {
            Object value = later.call().get(10, TimeUnit.SECONDS);
            return value == null ? "done" : value;
          });
        }

        private static String outcome(String label, Blocking call) {
          try {
            return label + " = " + call.call();
          } catch (Exception e) {
            Throwable t = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            if (t instanceof ApplicationException app) {
              return label + " failed " + app.type() + ": " + app.getMessage();
            }
            return label + " threw " + t.getClass().getSimpleName() + ": " + t.getMessage();
          }
        }

        static final class BlockingScientific implements Scientific {
          @Override public String ping() { return "pong"; }

          @Override public void reset(boolean fail) throws BaseError {
            if (fail) {
              throw new BaseError("cannot reset");
            }
          }

          @Override public void notify_(String event) { RECEIVED.add("notify " + event); }

          @Override public int add(int a, int b) throws Overflow {
            long sum = (long) a + b;
            if (sum != (int) sum) {
              throw new Overflow(Integer.MAX_VALUE, a + " + " + b);
            }
            return (int) sum;
          }

          @Override public long calculate(Work work) throws DivideByZero, Overflow, BaseError {
            if (work.op() == null) {
              throw new BaseError("no operation");
            }
            switch (work.op()) {
              case ADD:
                return (long) work.a() + work.b();
              case SUBTRACT:
                return (long) work.a() - work.b();
              case MULTIPLY:
                long product = (long) work.a() * work.b();
                if (product > Integer.MAX_VALUE) {
                  throw new Overflow(Integer.MAX_VALUE, work.comment());
                }
                return product;
              default:
                if (work.b() == 0) {
                  throw new DivideByZero(work.a() + " / 0");
                }
                return work.a() / work.b();
            }
          }

          @Override public void clear() {}

          @Override public void log(String message) { RECEIVED.add("log " + message); }

          @Override public List<Work> history(
              String who, Map<String, Set<Integer>> tags, Bytes blob, UUID id) {
            return List.of(
                new Work(tags.size(), blob.size(), Op.ADD, who + " " + tags + " " + blob + " " + id),
                new Work(0, 0, null, null));
          }

          @Override public Work echo(Work work) { return work; }

          @Override public String maybe(String text) { return text.isEmpty() ? null : text; }

          @Override public int fail(String how) {
            throw new IllegalStateException("secret: " + how);
          }

          @Override public double twice(double x) { return 2 * x; }

          @Override public String slow(String text) {
            try {
              if (!release.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
              }
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              throw new IllegalStateException(e);
            }
            return text;
          }

          @Override public double power(double base, double exponent) {
            return Math.pow(base, exponent);
          }

          @Override public Map<Op, List<Short>> table(Set<Op> ops, byte size) {
            Map<Op, List<Short>> table = new LinkedHashMap<>();
            for (Op op : ops) {
              List<Short> row = new ArrayList<>();
              for (int i = 0; i < size; i++) {
                row.add((short) (i * op.value()));
              }
              table.put(op, row);
            }
            return table;
          }
        }

        /** Runs the blocking implementation on another thread, failing futures as it throws. */
        static final class AsyncScientific implements Scientific.Async {
          private final Scientific impl;

          AsyncScientific(Scientific impl) {
            this.impl = impl;
          }

          interface Body<T> {
            T run() throws Exception;
          }

          private static <T> CompletableFuture<T> later(Body<T> body) {
            return CompletableFuture.supplyAsync(() -> {
              try {
                return body.run();
              } catch (RuntimeException e) {
                throw e;
              } catch (Exception e) {
                throw new CompletionException(e);
              }
            });
          }

          @Override public CompletableFuture<String> ping() { return later(impl::ping); }

          @Override public CompletableFuture<Void> reset(boolean fail) {
            return later(() -> { impl.reset(fail); return null; });
          }

          @Override public CompletableFuture<Void> notify_(String event) {
            return later(() -> { impl.notify_(event); return null; });
          }

          @Override public CompletableFuture<Integer> add(int a, int b) {
            return later(() -> impl.add(a, b));
          }

          @Override public CompletableFuture<Long> calculate(Work work) {
            // Declared exceptions fail the future directly here, not wrapped.
            try {
              return CompletableFuture.completedFuture(impl.calculate(work));
            } catch (Exception e) {
              return CompletableFuture.failedFuture(e);
            }
          }

          @Override public CompletableFuture<Void> clear() {
            return later(() -> { impl.clear(); return null; });
          }

          @Override public CompletableFuture<Void> log(String message) {
            return later(() -> { impl.log(message); return null; });
          }

          @Override public CompletableFuture<List<Work>> history(
              String who, Map<String, Set<Integer>> tags, Bytes blob, UUID id) {
            return later(() -> impl.history(who, tags, blob, id));
          }

          @Override public CompletableFuture<Work> echo(Work work) {
            return later(() -> impl.echo(work));
          }

          @Override public CompletableFuture<String> maybe(String text) {
            return later(() -> impl.maybe(text));
          }

          @Override public CompletableFuture<Integer> fail(String how) {
            // Thrown by the asynchronous method itself rather than through its future.
            return CompletableFuture.completedFuture(impl.fail(how));
          }

          @Override public CompletableFuture<Double> twice(double x) {
            return later(() -> impl.twice(x));
          }

          @Override public CompletableFuture<String> slow(String text) {
            return later(() -> impl.slow(text));
          }

          @Override public CompletableFuture<Double> power(double base, double exponent) {
            return later(() -> impl.power(base, exponent));
          }

          @Override public CompletableFuture<Map<Op, List<Short>>> table(Set<Op> ops, byte size) {
            return later(() -> impl.table(ops, size));
          }
        }

        static final class BlockingKeywords implements Keywords {
          @Override public String withOptions_(String class_, int e, String channel) {
            return class_ + " " + e + " " + channel;
          }

          @Override public int hashCode_() { return 42; }

          @Override public String toString_(String equals) { return "toString " + equals; }

          @Override public void wait_(long millis) {}

          @Override public String getClass_(String impl, String args, String options, String value,
              String failure, String in, String multiplexedName, String cause, String methods,
              String KeywordsRpc_, String ClientCalls) {
            return String.join(",", impl, args, options, value, failure, in, multiplexedName,
                cause, methods, KeywordsRpc_, ClientCalls);
          }

          @Override public boolean equals_(String other) { return other.equals("x"); }

          @Override public String serviceDefinition_(String new_, String for_) {
            return new_ + " " + for_;
          }

          @Override public void notifyAll_(String int_) { RECEIVED.add("notifyAll " + int_); }
        }
      }
      """;

  private ServiceHarness() {}
}
