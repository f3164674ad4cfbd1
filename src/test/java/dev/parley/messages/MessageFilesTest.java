package dev.parley.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parley.errors.InvalidPayload;
import dev.parley.messages.control.MessageFiles;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The shape of a post's {@code files} (whose the files are is the server suite's: files/FileMessagesIT). */
class MessageFilesTest {
    @Test
    void noFilesIsAnEmptyListAndTenDistinctIdsKeepTheirOrder() {
        assertEquals(List.of(), MessageFiles.check(null));
        assertEquals(List.of(), MessageFiles.check(List.of()));
        List<Long> ten = LongStream.rangeClosed(1, 10).map(i -> 11 - i).boxed().toList();
        assertEquals(ten, MessageFiles.check(ten));
    }

    @Test
    void elevenFilesARepeatedIdAndIdsThatCannotBeFilesAreInvalid() {
        assertThrows(InvalidPayload.class, () -> MessageFiles.check(LongStream.rangeClosed(1, 11).boxed().toList()));
        assertThrows(InvalidPayload.class, () -> MessageFiles.check(List.of(3L, 4L, 3L)));
        assertThrows(InvalidPayload.class, () -> MessageFiles.check(List.of(0L)));
        assertThrows(InvalidPayload.class, () -> MessageFiles.check(List.of(-5L)));
        assertThrows(InvalidPayload.class, () -> MessageFiles.check(Arrays.asList(1L, null)));
    }
}
