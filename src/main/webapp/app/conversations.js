// What the user does with conversations: open one, page back through history, read, send, join,
// create and leave rooms, start a direct conversation.
import { api } from "./api.js";
import { $ } from "./dom.js";
import * as live from "./live.js";
import { errorToast } from "./notify.js";
import { changed, currentConv, dmConv, dmKey, lastId, merge, oldestId, roomConv, roomKey, sameUser, state } from "./store.js";

const PAGE = 50;
const READ_EVERY_MS = 300;
let sequence = 0;

/** Whether the user is looking at this conversation right now. */
export const showing = (conv) => state.view === "chat" && state.current === conv.key && !document.hidden;

export const target = (conv) => (conv.kind === "room" ? { room: conv.name } : { with: conv.name });
export const focusOf = (conv) => (showing(conv) ? target(conv) : {});

export function open(key) {
  document.querySelectorAll(`#toasts [data-key="${CSS.escape(key)}"]`).forEach((t) => t.remove());
  state.current = key;
  state.view = "chat";
  const conv = currentConv();
  $("sessions-pane").hidden = true;
  $("tokens-pane").hidden = true;
  $("account-pane").hidden = true;
  $("admin-pane").hidden = true;
  $("chat-pane").hidden = false;
  closeDrawer();
  live.tell("focus", focusOf(conv));
  state.stickToBottom = true;
  if (!conv.loaded) loadOlder(conv);
  else markRead(conv);
  if (conv.kind === "room") refreshRoom(conv);
  changed();
  $("composer-input").focus({ preventScroll: true });
}

/** Members come and go without an event: the header's count is fetched when the room is shown. */
async function refreshRoom(conv) {
  try {
    const room = (await api("GET", "api/rooms")).find((r) => r.name === conv.name);
    if (!room) return;
    state.rooms.set(room.name, room);
    conv.members = room.members;
    conv.topic = room.topic || "";
    changed();
  } catch {
    // The header keeps the count it had.
  }
}

export async function loadOlder(conv) {
  if (conv.loading || (conv.loaded && !conv.hasMore)) return;
  conv.loading = true;
  changed();
  const before = conv.loaded ? oldestId(conv) : undefined;
  const ack = await live.request("history", { ...target(conv), limit: PAGE, ...(before ? { before } : {}) });
  conv.loading = false;
  if (ack.ok) {
    merge(conv, ack.messages);
    conv.hasMore = ack.hasMore;
    if (!conv.loaded && conv.key === state.current) state.stickToBottom = true;
    conv.loaded = true;
    if (showing(conv)) markRead(conv);
  } else if (ack.error.code !== "unavailable") {
    errorToast(ack.error.message);
  }
  changed();
}

/**
 * Moves the read marker to the newest message shown. In a busy room a message arrives many times a
 * second: the markers are sent at most every READ_EVERY_MS, so they stay far inside the event budget.
 */
export function markRead(conv) {
  conv.unread = 0;
  conv.mentions = 0;
  if (conv.readTimer) return;
  conv.readTimer = setTimeout(() => {
    conv.readTimer = null;
    const upTo = lastId(conv);
    if (!upTo || upTo <= conv.readUpTo || !live.isConnected()) return;
    conv.readUpTo = upTo;
    live.tell("read", { ...target(conv), upTo });
  }, READ_EVERY_MS);
}

/** Sends a message; `files` are uploaded files (`[file]`), shown at once and sent by id. */
export function send(text, retrying, replyTo, files = []) {
  const conv = currentConv();
  const message = retrying || {
    pending: true, clientMsgId: newClientMsgId(), seq: ++sequence, from: state.me.username,
    fromDisplayName: state.me.displayName, text, createdAt: new Date().toISOString(), replyTo: replyTo || null, files,
  };
  message.failed = null;
  if (!retrying) conv.messages.push(message);
  state.stickToBottom = true;
  changed();
  const event = conv.kind === "room" ? "message" : "private_message";
  const payload = conv.kind === "room" ? { room: conv.name } : { to: conv.name };
  const reply = message.replyTo ? { replyTo: message.replyTo } : {};
  const attached = message.files?.length ? { files: message.files.map((f) => f.id) } : {};
  live.request(event, { ...payload, text: message.text, clientMsgId: message.clientMsgId, ...reply, ...attached }).then((ack) => {
    if (ack.ok) merge(conv, [ack.message]);
    else message.failed = ack.error.message;
    if (showing(conv)) markRead(conv);
    changed();
  });
}

// Unique enough per sender; crypto.randomUUID needs a secure context, getRandomValues does not.
function newClientMsgId() {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Date.now().toString(36) + "-" + [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export async function join(name) {
  const ack = await live.request("join", { room: name });
  if (!ack.ok) return errorToast(ack.error.message);
  state.rooms.set(ack.room.name, ack.room);
  roomConv({ ...ack.room, member: true });
  open(roomKey(name));
}

export async function createRoom(name, topic, isPrivate) {
  const ack = await live.request("create_room", { name, ...(topic ? { topic } : {}), ...(isPrivate ? { private: true } : {}) });
  if (!ack.ok) return ack.error;
  state.rooms.set(ack.room.name, ack.room);
  roomConv({ ...ack.room, member: true });
  open(roomKey(ack.room.name));
  return null;
}

export async function leave() {
  const conv = currentConv();
  const ack = await live.request("leave", { room: conv.name });
  if (!ack.ok) return errorToast(ack.error.message);
  conv.joined = false;
  open(roomKey("feed"));
}

export function startDm(username, displayName) {
  if (sameUser(username, state.me.username)) return;
  dmConv(username, displayName);
  open(dmKey(username));
}

export function closeDrawer() {
  $("app-view").classList.remove("drawer-open");
  $("drawer-scrim").hidden = true;
  $("open-drawer").setAttribute("aria-expanded", "false");
}

