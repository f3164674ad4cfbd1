package dev.parley.files.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parley.errors.InvalidPayload;
import org.junit.jupiter.api.Test;

class FileNamesTest {
    @Test
    void pathSeparatorsAndControlCharactersAreRemoved() {
        assertEquals("etcpasswd", FileNames.clean("/etc/passwd"));
        assertEquals("....evil.exe", FileNames.clean("..\\..\\evil.exe"));
        assertEquals("ab.txt", FileNames.clean("a\r\nb\u0000.txt"));
        assertEquals("report.pdf", FileNames.clean("report\u202e.pdf")); // a right-to-left override is a format character
        assertEquals("photo.png", FileNames.clean("  photo.png\t"));
    }

    @Test
    void namesBeyondAsciiAreKept() {
        assertEquals("Übersicht – 2026 €.pdf", FileNames.clean("Übersicht – 2026 €.pdf"));
        assertEquals("写真.jpg", FileNames.clean("写真.jpg"));
    }

    @Test
    void aNameHasOneTo255Characters() {
        assertThrows(InvalidPayload.class, () -> FileNames.clean(null));
        assertThrows(InvalidPayload.class, () -> FileNames.clean(""));
        assertThrows(InvalidPayload.class, () -> FileNames.clean("///"));
        assertThrows(InvalidPayload.class, () -> FileNames.clean(" \n "));
        assertEquals(255, FileNames.clean("a".repeat(255)).length());
        assertThrows(InvalidPayload.class, () -> FileNames.clean("a".repeat(256)));
        String emoji = "😀".repeat(255); // 255 characters, 510 UTF-16 units
        assertEquals(emoji, FileNames.clean(emoji));
    }
}
