package dev.parley.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A Socket.IO client over a raw WebSocket that connects, authenticates, waits for {@code ready} and
 * then stops reading: a client too slow for what the server sends it. Its receive buffer is kept
 * small so that the server's side fills soon.
 *
 * <p>It still writes an Engine.IO pong every few seconds (the server takes any packet as a sign of
 * life and a pong as the answer to its ping, asked or not), so that only the send-queue bound can cut
 * it off: without it the server's ping timeout (45 s) cut it first whenever a loaded machine took that
 * long to send it enough, and SlowConsumerIT failed (docs/testing.md).
 */
public final class StalledSocket implements AutoCloseable {
    private static final long PONG_EVERY_SECONDS = 5;

    private final Socket tcp;
    private final InputStream in;
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "stalled-socket-pong");
        t.setDaemon(true);
        return t;
    });

    private StalledSocket(Socket tcp) throws IOException {
        this.tcp = tcp;
        this.in = tcp.getInputStream();
    }

    public static StalledSocket connect(String token) throws IOException {
        return connectTo(Server.url(), token);
    }

    /** Connected to the server at {@code url} (an {@link OwnServer}'s, the soak's) and {@code ready}. */
    public static StalledSocket connectTo(String url, String token) throws IOException {
        URI base = URI.create(url);
        Socket tcp = new Socket();
        tcp.setReceiveBufferSize(4096);
        tcp.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
        tcp.setSoTimeout((int) (Sock.TIMEOUT_SECONDS * 1000));
        StalledSocket socket = new StalledSocket(tcp);
        socket.handshake(base, token);
        socket.heartbeat.scheduleWithFixedDelay(socket::pong, PONG_EVERY_SECONDS, PONG_EVERY_SECONDS, TimeUnit.SECONDS);
        return socket;
    }

    private void handshake(URI base, String token) throws IOException {
        byte[] key = new byte[16];
        new SecureRandom().nextBytes(key);
        OutputStream out = tcp.getOutputStream();
        out.write(("GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key)
                + "\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        String status = readHeaders();
        if (!status.startsWith("HTTP/1.1 101")) throw new IOException("no upgrade: " + status);
        String open = readText();
        if (!open.startsWith("0")) throw new IOException("no open packet: " + open);
        sendText("40{\"token\":\"" + token + "\"}");
        while (true) {
            String packet = readText();
            if (packet.startsWith("42[\"ready\"")) return;
            if (packet.startsWith("44")) throw new IOException("refused: " + packet);
        }
    }

    /**
     * Reads on from where it stopped, discarding, until the server closes the connection; the close
     * code if a close frame arrives first, else -1 (the server may drop what it had queued, close
     * frame included). Throws if the connection stays open past the read timeout.
     */
    public int awaitClosedByServer() throws IOException {
        while (true) {
            int first = in.read();
            if (first < 0) return -1;
            int opcode = first & 0x0F;
            byte[] payload = readPayload();
            if (opcode == 0x8) return payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : -1;
        }
    }

    private String readHeaders() throws IOException {
        ByteArrayOutputStream headers = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) throw new IOException("closed during the handshake");
            headers.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return headers.toString(StandardCharsets.US_ASCII);
    }

    private String readText() throws IOException {
        int first = in.read();
        if (first < 0) throw new IOException("closed");
        return new String(readPayload(), StandardCharsets.UTF_8);
    }

    private byte[] readPayload() throws IOException {
        int second = in.read();
        if (second < 0) throw new IOException("closed");
        long length = second & 0x7F;
        if (length == 126) length = (in.read() << 8) | in.read();
        else if (length == 127) for (int i = 0; i < 8; i++) length = i == 0 ? in.read() : (length << 8) | in.read();
        return in.readNBytes((int) length);
    }

    /** A pong, until the connection is closed (a failed write ends the schedule). */
    private void pong() {
        try {
            sendText("3");
        } catch (IOException closed) {
            throw new UncheckedIOException(closed);
        }
    }

    /** A masked text frame, as a client must send. */
    private synchronized void sendText(String text) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        byte[] mask = new byte[4];
        new SecureRandom().nextBytes(mask);
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x81);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else {
            frame.write(0x80 | 126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length & 0xFF);
        }
        frame.write(mask);
        for (int i = 0; i < payload.length; i++) frame.write(payload[i] ^ mask[i % 4]);
        tcp.getOutputStream().write(frame.toByteArray());
    }

    @Override
    public void close() throws IOException {
        heartbeat.shutdownNow();
        tcp.close();
    }
}
