package dev.parley.exports.boundary;

import dev.parley.exports.entity.AccountParts;
import dev.parley.exports.entity.ExportedFile;
import dev.parley.exports.entity.WrittenMessage;
import dev.parley.http.Json;
import dev.parley.messages.entity.MessageView;
import dev.parley.rooms.entity.RoomView;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import java.io.OutputStream;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.function.LongFunction;

/**
 * The exports' wire format, in one place: written with a {@link JsonGenerator} as the pages arrive, so
 * that neither the document nor the history is ever held whole. The small parts (the account, the
 * room) are the contract's objects as JSON-B writes them everywhere else.
 */
final class ExportJson {
    /** Messages read per page: each page one short transaction, and at most this many messages in memory. */
    static final int PAGE = 1000;

    private ExportJson() {
    }

    /** {@code {account, sessions, rooms, blocks, tokens, bots, messages}}; {@code pages} answers the page after an id. */
    static void account(OutputStream out, AccountParts parts, LongFunction<List<WrittenMessage>> pages) {
        try (JsonGenerator json = jakarta.json.Json.createGenerator(out)) {
            json.writeStartObject();
            json.write("account", value(parts.account()));
            json.write("sessions", value(parts.sessions()));
            json.write("rooms", value(parts.rooms()));
            json.write("blocks", value(parts.blocks()));
            json.write("tokens", value(parts.tokens()));
            json.write("bots", value(parts.bots()));
            json.writeStartArray("messages");
            long after = 0;
            for (List<WrittenMessage> page = pages.apply(after); !page.isEmpty(); page = pages.apply(after)) {
                for (WrittenMessage m : page) written(json, m);
                after = page.get(page.size() - 1).id();
                json.flush();
            }
            json.writeEnd();
            json.writeEnd();
        }
    }

    /** {@code {room, exportedAt, messages}}, every message as the contract's message object, with its files. */
    static void room(OutputStream out, RoomView room, Instant exportedAt, LongFunction<List<MessageView>> pages) {
        try (JsonGenerator json = jakarta.json.Json.createGenerator(out)) {
            json.writeStartObject();
            json.write("room", value(room));
            json.write("exportedAt", exportedAt.toString());
            json.writeStartArray("messages");
            long after = 0;
            for (List<MessageView> page = pages.apply(after); !page.isEmpty(); page = pages.apply(after)) {
                for (MessageView m : page) {
                    json.writeStartObject();
                    json.write("id", m.id());
                    nullable(json, "from", m.from());
                    json.write("fromDisplayName", m.fromDisplayName());
                    json.write("text", m.text());
                    json.write("createdAt", m.createdAt().toString());
                    nullable(json, "editedAt", m.editedAt());
                    nullable(json, "replyTo", m.replyTo());
                    json.write("deleted", m.deleted());
                    json.write("reactions", value(m.reactions()));
                    json.write("mentions", value(m.mentions()));
                    nullable(json, "via", m.via());
                    json.write("files", value(m.files())); // as the message object has them, signed links included
                    json.writeEnd();
                }
                after = page.get(page.size() - 1).id();
                json.flush();
            }
            json.writeEnd();
            json.writeEnd();
        }
    }

    private static void written(JsonGenerator json, WrittenMessage m) {
        json.writeStartObject();
        json.write("id", m.id());
        nullable(json, "room", m.room());
        nullable(json, "to", m.to());
        json.write("text", m.text());
        json.write("createdAt", m.createdAt().toString());
        nullable(json, "editedAt", m.editedAt());
        nullable(json, "replyTo", m.replyTo());
        json.write("deleted", m.deleted());
        nullable(json, "via", m.via());
        json.writeStartArray("files");
        for (ExportedFile f : m.files()) {
            json.writeStartObject().write("id", f.id()).write("name", f.name()).write("size", f.size()).writeEnd();
        }
        json.writeEnd();
        json.writeEnd();
    }

    private static void nullable(JsonGenerator json, String name, Object value) {
        if (value == null) json.writeNull(name);
        else if (value instanceof Long number) json.write(name, number);
        else json.write(name, value.toString());
    }

    /** A small part as JSON-B writes it for REST (nulls kept, ISO-8601 times), then into the stream. */
    private static JsonValue value(Object part) {
        try (var reader = jakarta.json.Json.createReader(new StringReader(Json.JSONB.toJson(part)))) {
            return reader.readValue();
        }
    }
}
