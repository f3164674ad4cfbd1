package dev.parley.administration.entity;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of every room, private ones included, by name. */
@Schema(name = "AdminRoomPage", description = "A page of every room, private ones included, by name")
public record RoomPage(List<ListedRoom> rooms,
                       @Schema(description = "Whether more rooms follow the last one of this page (page on with after)") boolean hasMore) {
}
