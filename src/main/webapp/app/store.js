// What the page knows: the user, the conversations (rooms and direct ones) with the messages seen so
// far, who is online and who is typing. Views read it; main.js and live.js change it and call changed().

export const state = {
  me: null,
  convs: new Map(), // "room:<name>" or "dm:<username>" -> conversation
  current: "room:feed",
  view: "chat", // or "sessions", "tokens" or "account"
  online: new Map(), // username (lower case) -> {username, displayName}: the first 200 of ready, and presence since
  onlineCount: 0, // everyone online, listed or not
  rooms: new Map(), // every public room by name, for the rooms dialog
  typing: new Map(), // conversation key -> Map(username -> expiry ms)
  names: new Map(), // username (lower case) -> display name, from messages and presence
  bots: new Set(), // usernames (lower case) of bot accounts: messages carry no bot flag, presence and member lists do
  admins: new Set(), // usernames (lower case) of server admins the page has learned of (itself, the admin console)
  blocked: new Map(), // username (lower case) -> {username, displayName, blockedAt}: whom this user blocks
  connected: false,
  stickToBottom: false, // the next render scrolls the message list to the end
  replyTo: null, // the message the composer answers, if any
  editing: null, // the message of ours the composer edits, if any
  syncedAt: null, // ready.serverTime, then each sync's syncedAt: what sync's `since` is
};

/** Remembers whether an account is a bot, as presence, ready and member lists say. */
export function learnBot(username, bot) {
  if (!username) return;
  if (bot) state.bots.add(username.toLowerCase());
  else state.bots.delete(username.toLowerCase());
}

export const isBot = (username) => Boolean(username) && state.bots.has(username.toLowerCase());

export function learnAdmin(username, admin = true) {
  if (!username) return;
  if (admin) state.admins.add(username.toLowerCase());
  else state.admins.delete(username.toLowerCase());
}

export const isAdmin = (username) => Boolean(username) && state.admins.has(username.toLowerCase());

const listeners = [];
export const onChange = (listener) => listeners.push(listener);
let scheduled = false;

/** Re-render once per frame however many changes were made. */
export function changed() {
  if (scheduled) return;
  scheduled = true;
  requestAnimationFrame(() => {
    scheduled = false;
    listeners.forEach((listener) => listener());
  });
}

export const roomKey = (name) => `room:${name}`;
export const dmKey = (username) => `dm:${username.toLowerCase()}`;

function conversation(key, kind, name) {
  let conv = state.convs.get(key);
  if (!conv) {
    conv = { key, kind, name, topic: "", members: 0, displayName: name, messages: [], ids: new Set(),
      hasMore: true, loaded: false, loading: false, unread: 0, mentions: 0, readUpTo: 0, joined: kind === "dm" };
    state.convs.set(key, conv);
  }
  return conv;
}

export function roomConv(room) {
  const conv = conversation(roomKey(room.name), "room", room.name);
  conv.topic = room.topic || "";
  conv.members = room.members ?? conv.members;
  if (room.unread !== undefined) conv.unread = room.unread;
  if (room.mentions !== undefined) conv.mentions = room.mentions;
  if (room.member !== undefined) conv.joined = room.member;
  return conv;
}

export function dmConv(username, displayName) {
  const conv = conversation(dmKey(username), "dm", username);
  if (displayName) learnName(username, displayName);
  conv.displayName = nameOf(username);
  return conv;
}

/** The conversation a message belongs to, made if new. */
export function convOf(message) {
  learnName(message.from, message.fromDisplayName);
  if (message.room) return roomConv({ name: message.room });
  return dmConv(sameUser(message.from, state.me.username) ? message.to : message.from);
}

/** Remembers a display name; a direct conversation with that user shows it. */
export function learnName(username, displayName) {
  if (!username || !displayName) return;
  state.names.set(username.toLowerCase(), displayName);
  const conv = state.convs.get(dmKey(username));
  if (conv) conv.displayName = displayName;
}

export const nameOf = (username) => (username ? state.names.get(username.toLowerCase()) || username : DELETED_USER);

/** How a message of a deleted account shows its sender (the server sends `from: null`). */
export const DELETED_USER = "Deleted user";

export const sameUser = (a, b) => !!a && !!b && a.toLowerCase() === b.toLowerCase();

/**
 * Merges messages into a conversation, by id, oldest first. A pending message of ours is replaced by
 * the stored one with the same clientMsgId. Returns the messages that were new.
 */
export function merge(conv, messages) {
  const fresh = [];
  for (const message of messages) {
    if (message.id && conv.ids.has(message.id)) continue;
    if (message.clientMsgId) {
      const pending = conv.messages.findIndex((m) => m.pending && m.clientMsgId === message.clientMsgId);
      if (pending >= 0) conv.messages.splice(pending, 1);
    }
    conv.ids.add(message.id);
    conv.messages.push(message);
    fresh.push(message);
  }
  if (fresh.length) conv.messages.sort(byId);
  return fresh;
}

/** An edited, reacted-to or deleted message takes the place of what the page had; false if it had none. */
export function replace(message) {
  if (!message.room && !message.from && !message.to) return false;
  const conv = message.room ? state.convs.get(roomKey(message.room)) : state.convs.get(dmKey(sameUser(message.from, state.me.username) ? message.to : message.from));
  if (!conv) return false;
  const at = conv.messages.findIndex((m) => m.id === message.id);
  if (at < 0) return false;
  conv.messages[at] = { ...conv.messages[at], ...message };
  return true;
}

// Pending messages (no id yet) stay at the end, in the order they were sent.
const byId = (a, b) => (a.id || Number.MAX_SAFE_INTEGER) - (b.id || Number.MAX_SAFE_INTEGER) || a.seq - b.seq;

export function lastId(conv) {
  for (let i = conv.messages.length - 1; i >= 0; i--) if (conv.messages[i].id) return conv.messages[i].id;
  return 0;
}

export function oldestId(conv) {
  const first = conv.messages.find((m) => m.id);
  return first ? first.id : undefined;
}

export function typingIn(key) {
  const who = state.typing.get(key);
  if (!who) return [];
  const now = Date.now();
  for (const [name, until] of who) if (until <= now) who.delete(name);
  return [...who.keys()];
}

export function currentConv() {
  return state.convs.get(state.current);
}
