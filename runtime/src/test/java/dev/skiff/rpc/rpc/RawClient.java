package dev.skiff.rpc.rpc;

import dev.skiff.rpc.ApplicationException;
import dev.skiff.rpc.protocol.MessageHeader;
import dev.skiff.rpc.protocol.MessageType;
import dev.skiff.rpc.protocol.Protocol;
import dev.skiff.rpc.protocol.ProtocolReader;
import dev.skiff.rpc.protocol.ProtocolWriter;
import dev.skiff.rpc.protocol.ThriftStruct;
import dev.skiff.rpc.transport.Frames;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * A plain blocking socket that speaks raw Thrift frames, for tests that must send what no
 * well-behaved client would: partial frames, garbage, calls it never reads the replies of.
 */
final class RawClient implements AutoCloseable {
  final Socket socket;
  private final OutputStream out;
  private final DataInputStream in;

  RawClient(int port) throws IOException {
    this(port, Duration.ofSeconds(10));
  }

  RawClient(int port, Duration readTimeout) throws IOException {
    socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
    socket.setSoTimeout((int) readTimeout.toMillis());
    socket.setTcpNoDelay(true);
    out = socket.getOutputStream();
    in = new DataInputStream(socket.getInputStream());
  }

  /** A whole frame (length prefix included) of one message. */
  static byte[] frame(
      Protocol protocol, String name, MessageType type, int seq, ThriftStruct args) {
    ByteBuf buf = Unpooled.buffer();
    int start = Frames.begin(buf);
    ProtocolWriter writer = protocol.newWriter(buf);
    writer.writeMessageBegin(new MessageHeader(name, type, seq));
    args.write(writer);
    writer.writeMessageEnd();
    Frames.end(buf, start, Integer.MAX_VALUE);
    byte[] bytes = new byte[buf.readableBytes()];
    buf.readBytes(bytes);
    return bytes;
  }

  static byte[] call(String name, int seq, String text) {
    return frame(Protocol.COMPACT, name, MessageType.CALL, seq, new EchoService.TextArgs(text));
  }

  void send(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  /** The body of the next frame. */
  byte[] readFrame() throws IOException {
    int length = in.readInt();
    byte[] body = new byte[length];
    in.readFully(body);
    return body;
  }

  /** A reply as the client would see it. */
  record Reply(MessageHeader header, String success, ApplicationException error) {}

  Reply readReply() throws IOException {
    byte[] body = readFrame();
    ByteBuf buf = Unpooled.wrappedBuffer(body);
    ProtocolReader reader = Protocol.detect(body[0]).newReader(buf);
    MessageHeader header = reader.readMessageBegin();
    if (header.type() == MessageType.EXCEPTION) {
      return new Reply(header, null, ApplicationException.read(reader));
    }
    try {
      return new Reply(header, EchoService.readResult(reader), null);
    } catch (ApplicationException e) {
      // A result struct without a result (echo of a null text): answered all the same.
      return new Reply(header, null, e);
    } catch (EchoService.Oops e) {
      throw new AssertionError(e);
    }
  }

  /** Whether the server closes the connection within the read timeout (reading and dropping). */
  boolean closedByServer() throws IOException {
    InputStream raw = socket.getInputStream();
    byte[] sink = new byte[8192];
    try {
      while (raw.read(sink) >= 0) {
        // drain whatever the server sent before closing
      }
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (EOFException e) {
      return true;
    } catch (IOException e) {
      // A reset is a close too.
      return true;
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
