// A room's settings: its topic (owner and moderators) and how long its messages are kept (owner, and
// server admins), saved with PATCH /api/rooms/{name}. What the page shows is what the server would
// allow; every member's page hears of a change as `room_updated`.
import { api } from "./api.js";
import { $ } from "./dom.js";
import { changed, currentConv, roomConv, state } from "./store.js";

const PRESETS = ["", "P30D", "P90D", "P1Y"];
const roleIn = (room) => state.rooms.get(room)?.role ?? null;

/** Whether this user may change the room's topic: its owner or a moderator, or an admin (the only ones in feed). */
export const changesTopic = (room) => !!state.me?.admin || ["owner", "moderator"].includes(roleIn(room));
/** Whether this user may set the room's retention: its owner, or an admin. */
export const setsRetention = (room) => !!state.me?.admin || roleIn(room) === "owner";

export function setUpSettings() {
  $("room-settings").addEventListener("click", () => showSettings(currentConv().name));
  $("settings-retention").addEventListener("change", () => {
    $("settings-custom-field").hidden = $("settings-retention").value !== "custom";
  });
  $("settings-form").addEventListener("submit", save);
}

function showSettings(room) {
  const known = state.rooms.get(room) || {};
  $("settings-dialog").dataset.room = room;
  $("settings-title").textContent = `#${room} settings`;
  $("settings-topic").value = known.topic || "";
  const retention = known.retention || "";
  const preset = PRESETS.includes(retention);
  $("settings-retention").value = preset ? retention : "custom";
  $("settings-custom").value = preset ? "" : retention;
  $("settings-custom-field").hidden = preset;
  $("settings-retention-part").hidden = !setsRetention(room);
  $("settings-error").textContent = "";
  $("settings-dialog").showModal();
}

async function save(event) {
  event.preventDefault();
  const room = $("settings-dialog").dataset.room;
  const known = state.rooms.get(room) || {};
  const change = {};
  const topic = $("settings-topic").value.trim();
  if (topic !== (known.topic || "")) change.topic = topic || null;
  if (setsRetention(room)) {
    const picked = $("settings-retention").value;
    const retention = picked === "custom" ? $("settings-custom").value.trim() : picked;
    if (retention !== (known.retention || "")) change.retention = retention || null;
  }
  try {
    if (Object.keys(change).length) {
      const { room: updated } = await api("PATCH", `api/rooms/${encodeURIComponent(room)}`, change);
      roomUpdated(updated);
    }
    $("settings-dialog").close();
  } catch (error) {
    $("settings-error").textContent = error.message;
  }
}

/** `room_updated` (or a PATCH's answer): the room as this user sees it now, in the lists, the header and the sidebar. */
export function roomUpdated(room) {
  state.rooms.set(room.name, { ...(state.rooms.get(room.name) || {}), ...room });
  roomConv(room);
  changed();
}
