package dev.parley.administration.control;

import dev.parley.accounts.control.Admins;
import dev.parley.administration.entity.ListedRoom;
import dev.parley.administration.entity.RoomPage;
import dev.parley.rooms.control.RoomListings;
import dev.parley.rooms.entity.RoomView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;

/** Every room, private ones included, by name, as the server admin sees it, with its owner. */
@ApplicationScoped
@Transactional
public class AllRooms {
    @Inject
    Admins admins;

    @Inject
    RoomListings listings;

    public RoomPage page(long adminId, String after, String limit) {
        admins.requireAdmin(adminId);
        int size = AllAccounts.PAGE.of(limit);
        List<RoomView> found = listings.everyRoom(adminId, after, size + 1);
        boolean hasMore = found.size() > size;
        List<RoomView> rooms = hasMore ? found.subList(0, size) : found;
        if (rooms.isEmpty()) return new RoomPage(List.of(), false);
        Map<String, String> owners = listings.owners(rooms.get(0).name(), rooms.get(rooms.size() - 1).name());
        return new RoomPage(rooms.stream().map(r -> ListedRoom.of(r, owners.get(r.name()))).toList(), hasMore);
    }
}
