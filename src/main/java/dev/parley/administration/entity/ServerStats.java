package dev.parley.administration.entity;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the server holds and who is on it now, for the admin console. */
@Schema(name = "ServerStats", description = "Counts of the whole server, every node")
public record ServerStats(
        @Schema(type = SchemaType.INTEGER, format = "int64", description = "Registered accounts (not guests, not bots, not deleted)", example = "120") long users,
        @Schema(type = SchemaType.INTEGER, format = "int64", description = "Guest accounts", example = "8") long guests,
        @Schema(type = SchemaType.INTEGER, format = "int64", description = "Bot accounts", example = "3") long bots,
        @Schema(type = SchemaType.INTEGER, format = "int64", description = "Users online on any node", example = "40") long online,
        @Schema(type = SchemaType.INTEGER, format = "int64", description = "Sockets connected to any node", example = "55") long sockets,
        @Schema(type = SchemaType.INTEGER, format = "int64", description = "Messages stored (deleted ones not counted)", example = "52000") long messages,
        @Schema(type = SchemaType.INTEGER, format = "int64", description = "Messages posted since midnight UTC", example = "310") long messagesToday,
        @Schema(type = SchemaType.INTEGER, format = "int64", description = "Files stored", example = "0") long files,
        @Schema(type = SchemaType.INTEGER, format = "int64", description = "Bytes of the files stored", example = "0") long fileBytes,
        @Schema(type = SchemaType.INTEGER, format = "int64", description = "Nodes in the cluster (1: a single node)", example = "2") long nodes) {
}
