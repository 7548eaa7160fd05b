package dev.skiff.idl.javagen;

import java.util.Map;

/**
 * IDL for the service tests: an {@code extends} chain across two programs and packages ({@code
 * Base} ← {@code Calculator} ← {@code Scientific}), oneway, void and several declared exceptions;
 * names Java reserves; a service in the default package; and two versions of one service, to show
 * that old and new peers skip what they do not know.
 */
final class ServiceIdl {
  static final String BASE =
      """
      namespace java com.example.svc.base

      exception BaseError { 1: string message }

      /** What every service of the test answers. */
      service Base {
        /** Answers {@code pong}. */
        string ping(),
        /** Fails when asked to. */
        void reset(/** whether to fail */ 1: bool fail) throws (1: BaseError error),
        oneway void notify(1: string event)
      }
      """;

  static final String CALC =
      """
      include "base.thrift"
      namespace java com.example.svc.calc

      enum Op { ADD = 1, SUBTRACT = 2, MULTIPLY = 3, DIVIDE = 4 }

      struct Work {
        1: required i32 a,
        2: required i32 b,
        3: optional Op op,
        4: optional string comment
      }

      exception DivideByZero { 1: string message }
      exception Overflow { 1: i64 limit, 2: string detail }

      /** A calculator. */
      service Calculator extends base.Base {
        /** Adds two numbers. */
        i32 add(/** the first */ 1: i32 a, /** the second */ 2: i32 b)
            throws (/** when the sum does not fit */ 1: Overflow overflow),
        i64 calculate(1: Work work)
            throws (1: DivideByZero byZero, 2: Overflow overflow, 3: base.BaseError base),
        void clear(),
        oneway void log(1: string message),
        list<Work> history(
            1: required string who, 2: map<string, set<i32>> tags, 3: binary blob, 4: uuid id),
        Work echo(1: Work work),
        /** Returns null for an empty text. */
        string maybe(1: string text),
        i32 fail(1: string how),
        double twice(1: double x = 0.5),
        /** Waits until the test lets it finish. */
        string slow(1: string text)
      }

      /** In the same package as the service it extends. */
      service Scientific extends Calculator {
        double power(1: double base, 2: double exponent),
        map<Op, list<i16>> table(1: set<Op> ops, 2: i8 size)
      }

      /** Methods and parameters named like what Java or the generated code uses. */
      service Keywords {
        string withOptions(1: string class, 2: i32 e, 3: string channel),
        i32 hashCode(),
        string toString(1: string equals),
        void wait(1: i64 millis),
        string getClass(
            1: string impl, 2: string args, 3: string options, 4: string value, 5: string failure,
            6: string in, 7: string multiplexedName, 8: string cause, 9: string methods,
            10: string KeywordsRpc, 11: string ClientCalls),
        bool equals(1: string other),
        string serviceDefinition(1: string new, 2: string for),
        oneway void notifyAll(1: string int)
      }

      /** Nested types named like the ones the generated code declares. */
      struct AsyncClient { 1: string name }
      service Client { AsyncClient get(1: AsyncClient client) }
      service Async extends Client { i32 count() }
      """;

  static final String PLAIN =
      """
      exception Problem { 1: string message }
      service Plain { i32 one() throws (1: Problem problem) }
      service Plainer extends Plain { oneway void two() }
      """;

  /** Version 1 of a service, and version 2 with a new parameter and a new exception. */
  static final String GREETER_V1 =
      """
      namespace java com.example.svc.v1
      service Greeter { string greet(1: string name) }
      """;

  static final String GREETER_V2 =
      """
      namespace java com.example.svc.v2
      exception Busy { 1: string message }
      service Greeter { string greet(1: string name, 2: i32 times) throws (1: Busy busy) }
      """;

  static Map<String, String> calc() {
    return Map.of("calc.thrift", CALC, "base.thrift", BASE);
  }

  private ServiceIdl() {}
}
