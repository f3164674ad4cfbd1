package dev.parley.files.boundary;

import dev.parley.errors.InvalidPayload;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An upload's request body as it arrives. A read that fails is the client's doing (it stopped sending
 * and the container timed the request out, or it went away): {@code invalid_payload}, which leaves
 * nothing stored, rather than a server error with a stack trace in the log. With a declared length,
 * a body that ends short of it is cut off too, and is refused rather than stored truncated.
 */
final class ReceivedBody extends FilterInputStream {
    private final long declared;
    private long read;

    /** {@code declared}: the request's {@code Content-Length}, or -1 when it gave none. */
    ReceivedBody(InputStream body, long declared) {
        super(body);
        this.declared = declared;
    }

    @Override
    public int read() throws IOException {
        int b;
        try {
            b = super.read();
        } catch (IOException cut) {
            throw cutShort();
        }
        return counted(b < 0 ? -1 : 1) < 0 ? -1 : b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        try {
            return counted(super.read(buffer, offset, length));
        } catch (IOException cut) {
            throw cutShort();
        }
    }

    private int counted(int n) {
        if (n > 0) read += n;
        else if (n < 0 && declared >= 0 && read < declared) throw cutShort();
        return n;
    }

    private static InvalidPayload cutShort() {
        return new InvalidPayload("The upload stopped before the end of its body");
    }
}
