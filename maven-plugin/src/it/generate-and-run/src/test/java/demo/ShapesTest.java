package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import demo.shapes.Color;
import demo.shapes.Point;
import demo.shapes.Shape;
import demo.shapes.ShapesConstants;
import dev.skiff.rpc.protocol.Protocol;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShapesTest {
  @Test
  void generatedTypesRoundTrip() {
    Shape triangle =
        Shape.builder()
            .name("triangle")
            .corners(List.of(ShapesConstants.ORIGIN, new Point(3, 0), new Point(0, 4)))
            .color(Color.GREEN)
            .build();
    ByteBuf buffer = Unpooled.buffer();
    try {
      triangle.write(Protocol.COMPACT.newWriter(buffer));
      assertEquals(triangle, Shape.read(Protocol.COMPACT.newReader(buffer)));
    } finally {
      buffer.release();
    }
  }
}
