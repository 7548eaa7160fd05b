package dev.skiff.interop;

import dev.skiff.interop.libthrift.BaseTypes;
import dev.skiff.interop.libthrift.Containers;
import dev.skiff.interop.libthrift.Defaults;
import dev.skiff.interop.libthrift.Expr;
import dev.skiff.interop.libthrift.Optionals;
import dev.skiff.interop.libthrift.Requireds;
import dev.skiff.interop.libthrift.Shape;
import dev.skiff.interop.libthrift.Sparse;
import dev.skiff.interop.libthrift.Tree;
import dev.skiff.interop.skiff.Uuids;
import dev.skiff.rpc.protocol.Protocol;
import dev.skiff.rpc.testing.NettyLeaks;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.apache.thrift.TBase;

/**
 * Random values of every interop type, in both protocols: Skiff writes libthrift's bytes, and reads
 * them back to what libthrift reads (see {@link ByteForByte#check}).
 */
class RandomValuesPropertyTest {
  private static final int TRIES = 250;

  @AfterContainer
  static void noLeaks() {
    NettyLeaks.assertNoLeaks();
  }

  private static void inBothProtocols(TBase<?, ?> value) {
    for (Protocol protocol : Protocol.values()) {
      ByteForByte.check(protocol, value);
    }
  }

  @Property(tries = TRIES)
  void baseTypes(@ForAll("baseTypeValues") BaseTypes value) {
    inBothProtocols(value);
  }

  @Property(tries = TRIES)
  void optionals(@ForAll("optionalValues") Optionals value) {
    inBothProtocols(value);
  }

  @Property(tries = TRIES)
  void requireds(@ForAll("requiredValues") Requireds value) {
    inBothProtocols(value);
  }

  @Property(tries = TRIES)
  void defaults(@ForAll("defaultValues") Defaults value) {
    inBothProtocols(value);
  }

  @Property(tries = TRIES)
  void containers(@ForAll("containerValues") Containers value) {
    inBothProtocols(value);
  }

  @Property(tries = TRIES)
  void unions(@ForAll("shapeValues") Shape value) {
    inBothProtocols(value);
  }

  @Property(tries = TRIES)
  void recursiveStructs(@ForAll("treeValues") Tree value) {
    inBothProtocols(value);
  }

  @Property(tries = TRIES)
  void recursiveUnions(@ForAll("exprValues") Expr value) {
    inBothProtocols(value);
  }

  @Property(tries = TRIES)
  void wideFieldIds(@ForAll("sparseValues") Sparse value) {
    inBothProtocols(value);
  }

  @Property(tries = TRIES)
  void exceptions(@ForAll("exceptionValues") TBase<?, ?> value) {
    inBothProtocols(value);
  }

  @Property(tries = TRIES)
  void randomUuids(@ForAll("uuidValues") Uuids value) {
    for (Protocol protocol : Protocol.values()) {
      UuidTest.check(protocol, value);
    }
  }

  @Provide
  Arbitrary<Uuids> uuidValues() {
    Arbitrary<UUID> uuids =
        Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as(UUID::new);
    return Builders.withBuilder(Uuids::builder)
        .use(uuids)
        .withProbability(0.7)
        .in(Uuids.Builder::id)
        .use(uuids)
        .withProbability(0.5)
        .in(Uuids.Builder::maybe)
        .use(uuids.list().ofMaxSize(20))
        .withProbability(0.7)
        .in(Uuids.Builder::ids)
        .use(uuids.set().ofMaxSize(20))
        .withProbability(0.7)
        .in(Uuids.Builder::idSet)
        .use(Arbitraries.maps(uuids, LibthriftArbitraries.strings()).ofMaxSize(10))
        .withProbability(0.7)
        .in(Uuids.Builder::names)
        .use(uuids)
        .in(Uuids.Builder::must)
        .build(Uuids.Builder::build);
  }

  @Provide
  Arbitrary<BaseTypes> baseTypeValues() {
    return LibthriftArbitraries.baseTypes();
  }

  @Provide
  Arbitrary<Optionals> optionalValues() {
    return LibthriftArbitraries.optionals();
  }

  @Provide
  Arbitrary<Requireds> requiredValues() {
    return LibthriftArbitraries.requireds();
  }

  @Provide
  Arbitrary<Defaults> defaultValues() {
    return LibthriftArbitraries.defaults();
  }

  @Provide
  Arbitrary<Containers> containerValues() {
    return LibthriftArbitraries.containers();
  }

  @Provide
  Arbitrary<Shape> shapeValues() {
    return LibthriftArbitraries.shapes();
  }

  @Provide
  Arbitrary<Tree> treeValues() {
    return LibthriftArbitraries.trees();
  }

  @Provide
  Arbitrary<Expr> exprValues() {
    return LibthriftArbitraries.exprs();
  }

  @Provide
  Arbitrary<Sparse> sparseValues() {
    return LibthriftArbitraries.sparse();
  }

  @Provide
  Arbitrary<TBase<?, ?>> exceptionValues() {
    return LibthriftArbitraries.exceptions();
  }
}
