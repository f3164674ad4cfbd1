// The rooms dialog (browse, join, create) and the new-direct-message dialog (names from the people
// directory; a name nobody has is said at once, before anything is sent).
import { api } from "./api.js";
import { debounced, lookUp, named } from "./directory.js";
import { $, el } from "./dom.js";
import { sameUser, state } from "./store.js";

export function setUpDialogs({ join, create, startDm }) {
  $("browse-rooms").addEventListener("click", () => openRooms(join));
  $("create-room").addEventListener("submit", async (event) => {
    event.preventDefault();
    const name = $("room-name").value.trim().toLowerCase();
    if (!/^[a-z0-9_-]{1,64}$/.test(name)) {
      $("create-room-error").textContent = "Room names are 1 to 64 lower-case letters, digits, dashes or underscores.";
      return;
    }
    $("create-room-submit").disabled = true;
    const error = await create(name, $("room-topic").value.trim(), $("room-private").checked);
    $("create-room-submit").disabled = false;
    if (error) {
      $("create-room-error").textContent = error.code === "conflict" ? "A room with that name exists already." : error.message;
      return;
    }
    $("room-name").value = "";
    $("room-topic").value = "";
    $("room-private").checked = false;
    $("rooms-dialog").close();
  });

  $("new-dm").addEventListener("click", () => {
    $("dm-error").textContent = "";
    $("dm-username").value = "";
    $("dm-dialog").showModal();
  });
  $("dm-cancel").addEventListener("click", () => $("dm-dialog").close());
  $("dm-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const username = $("dm-username").value.trim();
    if (!/^[A-Za-z0-9_.-]{3,32}$/.test(username)) {
      $("dm-error").textContent = "That is not a username.";
      return;
    }
    $("dm-error").textContent = "";
    const someone = await whoIs(username);
    if (someone === undefined) return; // the error is shown
    if (!someone) {
      $("dm-error").textContent = `No one is called ${username}.`;
      return;
    }
    $("dm-dialog").close();
    startDm(someone.username, someone.displayName);
  });
  $("dm-username").addEventListener("input", askDirectory);
}

/** Names for the new-conversation dialog, from the directory as the name is typed. */
const askDirectory = debounced(async () => {
  const typed = $("dm-username").value.trim();
  const users = await lookUp(typed);
  if ($("dm-username").value.trim() !== typed) return;
  $("dm-names").replaceChildren(...users.filter((u) => !sameUser(u.username, state.me.username))
    .slice(0, 8).map((u) => el("option", { value: u.username }, u.displayName)));
});

/**
 * The account called `username`, before anything is sent: the directory's (registered and bots), else
 * whoever the server knows by that name (a guest: their conversation's history answers, 404 for nobody).
 * null for nobody; undefined when the server could not say (the error is shown).
 */
async function whoIs(username) {
  const listed = await named(username);
  if (listed) return listed;
  try {
    await api("GET", `api/conversations/${encodeURIComponent(username)}/messages?limit=1`);
    return { username };
  } catch (error) {
    if (error.status === 404) return null;
    $("dm-error").textContent = error.message;
    return undefined;
  }
}

async function openRooms(join) {
  $("create-room-error").textContent = "";
  $("rooms-dialog").showModal();
  try {
    const rooms = await api("GET", "api/rooms");
    rooms.forEach((room) => state.rooms.set(room.name, room));
  } catch {
    // The list below shows what the page already knows.
  }
  renderRooms(join);
}

export function renderRooms(join) {
  if (!$("rooms-dialog").open) return;
  const rooms = [...state.rooms.values()].sort((a, b) => a.name.localeCompare(b.name));
  $("all-rooms").replaceChildren(...rooms.map((room) => {
    const joined = state.convs.get(`room:${room.name}`)?.joined;
    // A private room listed to someone who is not in it is an invitation.
    const invitation = room.private && !room.member && !joined;
    return el("li", { "data-testid": `room-${room.name}` },
      el("div", { class: "room-info" }, el("strong", {}, `${room.private ? "🔒" : "#"} ${room.name}`),
        invitation ? el("small", { class: "invitation", "data-testid": `invited-${room.name}` }, "You are invited") : null,
        el("small", {}, [room.topic, `${room.members} member${room.members === 1 ? "" : "s"}`].filter(Boolean).join(" · "))),
      el("button", { type: "button", class: joined ? "btn btn-ghost btn-small" : "btn btn-primary btn-small",
        "data-testid": `join-${room.name}`, onclick: async () => { $("rooms-dialog").close(); await join(room.name); } },
      joined ? "Open" : invitation ? "Accept invitation" : "Join"));
  }));
}
