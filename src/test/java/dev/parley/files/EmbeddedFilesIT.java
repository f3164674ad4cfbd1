package dev.parley.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.support.Api;
import dev.parley.support.Api.Login;
import dev.parley.support.FileTransfers;
import dev.parley.support.FileTransfers.Answer;
import dev.parley.support.OwnServer;
import dev.parley.support.Drawings;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Files on the embedded H2 default, where the database store keeps its chunks in H2's BYTEA: a file
 * of several chunks and a picture uploaded, posted with a message, read back whole, by range and as a
 * thumbnail by the other member through the message's signed links, and gone with the message.
 */
class EmbeddedFilesIT {
    @RegisterExtension
    static final OwnServer server = OwnServer.named("embedded_files", 7).embedded();
    private static final Api api = server.api();
    private static final FileTransfers files = new FileTransfers(api.url());

    @Test
    void filesArePostedReadAndDeletedWithTheirMessageOnH2() throws Exception {
        Login alice = api.guest("h2_files");
        Login bob = api.guest("h2_files");
        String room = api.roomOf(alice, bob);
        byte[] big = new byte[600_000]; // three chunks of the database store
        new Random(26).nextBytes(big);
        long binary = files.upload(alice.token(), "big.bin", big).file().getJsonNumber("id").longValue();
        long picture = files.upload(alice.token(), "drawing.png", Drawings.png(800, 600)).file().getJsonNumber("id").longValue();

        Api.Reply posted = api.post("/api/rooms/" + room + "/messages", alice.token(),
                "{\"text\": \"\", \"files\": [" + binary + ", " + picture + "]}");
        assertEquals(201, posted.status(), posted.body());
        long id = Api.messageId(posted);

        JsonObject message = api.get("/api/rooms/" + room + "/messages?limit=1", bob.token()).json().getJsonArray("messages").getJsonObject(0);
        assertEquals(id, message.getJsonNumber("id").longValue());
        JsonObject first = message.getJsonArray("files").getJsonObject(0);
        JsonObject second = message.getJsonArray("files").getJsonObject(1);
        assertEquals(binary, first.getJsonNumber("id").longValue(), "kept in the order sent");
        assertEquals(800, second.getJsonObject("image").getInt("width"));

        Answer whole = files.get(first.getString("url"), null);
        assertEquals(200, whole.status());
        assertArrayEquals(big, whole.body());
        Answer range = files.get(first.getString("url"), null, "Range", "bytes=262140-262149");
        assertEquals(206, range.status(), "a range across the first two chunks");
        assertArrayEquals(Arrays.copyOfRange(big, 262140, 262150), range.body());
        Answer thumbnail = files.get(second.getString("thumbnailUrl"), null);
        assertEquals(200, thumbnail.status());
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(thumbnail.body()));
        assertEquals(400, small.getWidth());
        assertEquals(300, small.getHeight());

        assertEquals(204, api.delete("/api/messages/" + id, alice.token()).status());
        assertEquals(404, files.get("/api/files/" + binary, alice.token()).status(), "gone with its message, for its uploader too");
        assertEquals(404, files.get("/api/files/" + picture, bob.token()).status());
        assertEquals(404, files.get(first.getString("url"), null).status(), "its link finds nothing either");
    }
}
