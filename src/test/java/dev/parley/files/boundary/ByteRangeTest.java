package dev.parley.files.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ByteRangeTest {
    static final ByteRange WHOLE = new ByteRange.Whole();
    static final ByteRange NONE = new ByteRange.Unsatisfiable();

    static ByteRange part(long first, long last) {
        return new ByteRange.Part(first, last);
    }

    @Test
    void oneRange() {
        assertEquals(part(0, 99), ByteRange.of("bytes=0-99", 1000));
        assertEquals(part(500, 999), ByteRange.of("bytes=500-", 1000));
        assertEquals(part(900, 999), ByteRange.of("bytes=-100", 1000));
        assertEquals(part(0, 999), ByteRange.of("bytes=-5000", 1000));
        assertEquals(part(990, 999), ByteRange.of("bytes=990-5000", 1000), "a last byte past the end is the end");
        assertEquals(part(7, 7), ByteRange.of("Bytes=7-7", 1000));
    }

    @Test
    void aRangeThatCannotBeMet() {
        assertEquals(NONE, ByteRange.of("bytes=1000-", 1000));
        assertEquals(NONE, ByteRange.of("bytes=5000-6000", 1000));
        assertEquals(NONE, ByteRange.of("bytes=-0", 1000));
    }

    @Test
    void whatIsNotOneByteRangeGetsTheWholeFile() {
        assertEquals(WHOLE, ByteRange.of(null, 1000));
        assertEquals(WHOLE, ByteRange.of("items=0-5", 1000));
        assertEquals(WHOLE, ByteRange.of("bytes=0-5,10-20", 1000));
        assertEquals(WHOLE, ByteRange.of("bytes=9-5", 1000));
        assertEquals(WHOLE, ByteRange.of("bytes=a-5", 1000));
        assertEquals(WHOLE, ByteRange.of("bytes=-", 1000));
        assertEquals(WHOLE, ByteRange.of("bytes=+1-5", 1000));
        assertEquals(part(1, 999), ByteRange.of("bytes=1-99999999999999999999", 1000));
    }

    @Test
    void theContentRangeHeader() {
        assertEquals("bytes 0-99/1000", new ByteRange.Part(0, 99).contentRange(1000));
        assertEquals(100, new ByteRange.Part(0, 99).length());
    }
}
