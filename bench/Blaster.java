import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The generator's ceiling, for bench/generator-ceiling.sh: the cheapest server that speaks the
 * benchmark's path (guest login, Engine.IO open, Socket.IO connect, `ready`, `message` fanned out to
 * every other socket and acked), one NIO thread that encodes each broadcast once and coalesces many
 * frames per write. It can emit frames faster than the generator can take them, so the generator's
 * own CPU, not this server, limits a run against it. Not a chat server: no rooms, no checks.
 * Usage: java bench/Blaster.java <port>
 */
public final class Blaster {
    static final class Conn {
        final SocketChannel ch;
        ByteBuffer in = ByteBuffer.allocate(1 << 16);
        ByteBuffer out = ByteBuffer.allocate(1 << 16);
        boolean websocket, ready, dirty;
        SelectionKey key;

        Conn(SocketChannel ch) { this.ch = ch; }

        void queue(byte[] bytes) {
            if (out.remaining() < bytes.length) {
                ByteBuffer bigger = ByteBuffer.allocate(Math.max(out.capacity() * 2, out.position() + bytes.length));
                out.flip();
                bigger.put(out);
                out = bigger;
            }
            out.put(bytes);
            if (!dirty) Blaster.dirty.add(this);
            dirty = true;
        }
    }

    static final List<Conn> ready = new ArrayList<>();
    static final List<Conn> dirty = new ArrayList<>();
    static long nextId = 1;

    public static void main(String[] args) throws Exception {
        Selector selector = Selector.open();
        ServerSocketChannel server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 4096);
        server.configureBlocking(false);
        server.register(selector, SelectionKey.OP_ACCEPT);
        while (true) {
            selector.select();
            for (SelectionKey k : selector.selectedKeys()) {
                if (!k.isValid()) continue;
                if (k.isAcceptable()) {
                    SocketChannel ch;
                    while ((ch = server.accept()) != null) {
                        ch.configureBlocking(false);
                        ch.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true); // as ws and Grizzly do
                        Conn c = new Conn(ch);
                        c.key = ch.register(selector, SelectionKey.OP_READ, c);
                    }
                    continue;
                }
                Conn c = (Conn) k.attachment();
                try {
                    if (k.isWritable()) flush(c);
                    if (k.isValid() && k.isReadable() && c.ch.read(c.in) < 0) close(c);
                    else if (k.isValid()) handle(c);
                } catch (Exception e) {
                    close(c);
                }
            }
            selector.selectedKeys().clear();
            for (Conn c : dirty) {
                try {
                    if (c.dirty) flush(c);
                } catch (Exception e) {
                    close(c);
                }
            }
            dirty.clear();
        }
    }

    static void close(Conn c) {
        ready.remove(c);
        try {
            c.ch.close();
        } catch (Exception ignored) {
            // gone
        }
    }

    static void flush(Conn c) throws Exception {
        c.dirty = false;
        c.out.flip();
        c.ch.write(c.out);
        c.out.compact();
        c.key.interestOps(c.out.position() > 0 ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
    }

    static void handle(Conn c) throws Exception {
        c.in.flip();
        if (!c.websocket) {
            String head = StandardCharsets.ISO_8859_1.decode(c.in.duplicate()).toString();
            int end = head.indexOf("\r\n\r\n");
            if (end < 0) {
                c.in.compact();
                return;
            }
            if (head.startsWith("GET /socket.io/")) {
                String key = head.replaceAll("(?s).*Sec-WebSocket-Key: *([^\r\n]+).*", "$1").trim();
                String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                        .digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.ISO_8859_1)));
                c.queue(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: "
                        + accept + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                c.queue(frame("0{\"sid\":\"s\",\"upgrades\":[],\"pingInterval\":25000,\"pingTimeout\":20000,\"maxPayload\":1000000}"));
                c.websocket = true;
                c.in.position(end + 4);
            } else {
                String body = head.startsWith("POST /api/auth/guest") ? "{\"token\":\"t\"}" : "{\"status\":\"UP\"}";
                c.queue(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                        + "\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.ISO_8859_1));
                flush(c);
                close(c);
                c.in.clear();
                return;
            }
        }
        while (c.in.remaining() >= 6) { // client frames: masked, small
            int p = c.in.position();
            int len = c.in.get(p + 1) & 0x7f, hl = 6;
            if (len == 126) {
                if (c.in.remaining() < 8) break;
                len = c.in.getShort(p + 2) & 0xffff;
                hl = 8;
            }
            if (c.in.remaining() < hl + len) break;
            byte[] text = new byte[len];
            for (int i = 0; i < len; i++) text[i] = (byte) (c.in.get(p + hl + i) ^ c.in.get(p + hl - 4 + (i & 3)));
            c.in.position(p + hl + len);
            if ((c.in.get(p) & 0x0f) == 8) {
                close(c);
                return;
            }
            onText(c, new String(text, StandardCharsets.UTF_8));
        }
        c.in.compact();
    }

    static void onText(Conn c, String t) {
        if (t.startsWith("40")) {
            c.queue(frame("40{\"sid\":\"x\"}"));
            c.queue(frame("42[\"ready\",{}]"));
            c.ready = true;
            ready.add(c);
        } else if (t.startsWith("42")) {
            int bracket = t.indexOf('[');
            String ack = t.substring(2, bracket);
            int text = t.indexOf("\"text\":");
            byte[] message = frame("42[\"message\",{\"id\":" + nextId++ + "," + t.substring(text, t.lastIndexOf('}')) + "}]");
            for (Conn other : ready) {
                if (other == c) continue;
                other.queue(message);
            }
            if (!ack.isEmpty()) c.queue(frame("43" + ack + "[{\"ok\":true}]"));
        }
    }

    static byte[] frame(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        int n = payload.length, hl = n < 126 ? 2 : 4;
        byte[] f = new byte[hl + n];
        f[0] = (byte) 0x81;
        if (n < 126) f[1] = (byte) n;
        else {
            f[1] = 126;
            f[2] = (byte) (n >> 8);
            f[3] = (byte) n;
        }
        System.arraycopy(payload, 0, f, hl, n);
        return f;
    }
}
