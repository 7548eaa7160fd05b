package dev.skiff.interop;

import dev.skiff.interop.skiff.Uuids;
import dev.skiff.rpc.protocol.TType;

/**
 * {@code struct Uuids} written and read with libthrift 0.25's protocol API ({@link Libthrift25}),
 * call for call as libthrift's generated code would: Apache Thrift 0.17's compiler has no uuid.
 */
public final class LibthriftUuids {
  private LibthriftUuids() {}

  /** What libthrift's generated {@code Uuids.write} would call. */
  public static void write(Libthrift25.Writer out, Uuids value) {
    out.structBegin("Uuids");
    if (value.id() != null) {
      out.fieldBegin("id", TType.UUID, 1).uuid(value.id()).fieldEnd();
    }
    if (value.maybe() != null) {
      out.fieldBegin("maybe", TType.UUID, 2).uuid(value.maybe()).fieldEnd();
    }
    if (value.ids() != null) {
      out.fieldBegin("ids", TType.LIST, 3).listBegin(TType.UUID, value.ids().size());
      value.ids().forEach(out::uuid);
      out.listEnd().fieldEnd();
    }
    if (value.idSet() != null) {
      out.fieldBegin("idSet", TType.SET, 4).setBegin(TType.UUID, value.idSet().size());
      value.idSet().forEach(out::uuid);
      out.setEnd().fieldEnd();
    }
    if (value.names() != null) {
      out.fieldBegin("names", TType.MAP, 5)
          .mapBegin(TType.UUID, TType.STRING, value.names().size());
      value.names().forEach((k, v) -> out.uuid(k).string(v));
      out.mapEnd().fieldEnd();
    }
    out.fieldBegin("must", TType.UUID, 6).uuid(value.must()).fieldEnd();
    out.structEnd();
  }

  /**
   * What libthrift's generated {@code Uuids.read} would call, for the fields outside containers
   * (libthrift 0.25 cannot read uuid containers: see UuidTest).
   */
  public static Uuids readScalars(Libthrift25.Reader in) {
    Uuids.Builder value = Uuids.builder();
    in.structBegin();
    for (short[] field = in.fieldBegin(); field[0] != TType.STOP; field = in.fieldBegin()) {
      byte type = (byte) field[0];
      switch (field[1]) {
        case 1 -> value.id(in.uuid());
        case 2 -> value.maybe(in.uuid());
        case 6 -> value.must(in.uuid());
        default -> in.skip(type);
      }
      in.fieldEnd();
    }
    in.structEnd();
    return value.build();
  }
}
