// The page's controller: signs in, connects, and turns user actions and server events into store changes.
import { block, isBlocked, loadBlocks, setUpAccount, showAccount, unblock } from "./account.js";
import { api, ApiError, token, whenUnauthorized } from "./api.js";
import { closeDrawer, createRoom, focusOf, join, leave, loadOlder, markRead, open, send, showing, startDm } from "./conversations.js";
import { clearContext, saveEdit, setUpMessageActions } from "./actions.js";
import { clear as clearAttachments, holdForUploads, ready as readyFiles, setUpAttachments, uploading } from "./attachments.js";
import { setUpViewer } from "./files.js";
import { setUpDialogs, renderRooms } from "./dialogs.js";
import { drawPeople, invited, removed, roomChanged, setUpPeople } from "./people.js";
import { roomUpdated, setUpSettings } from "./settings.js";
import { $, avatar } from "./dom.js";
import * as live from "./live.js";
import { finishSignOn, setUpLogin, showLogin } from "./login.js";
import { askPermission, errorToast, notify, shouldAsk } from "./notify.js";
import { loadSessions, setUpSessions } from "./sessions.js";
import { loadTokens, setUpTokens } from "./tokens.js";
import { setUpAdmin, showAdmin, stopAdmin } from "./admin.js";
import { changed, convOf, currentConv, dmConv, dmKey, lastId, learnAdmin, learnBot, learnName, merge, nameOf, onChange, replace, roomConv, roomKey, sameUser, state } from "./store.js";
import { onRetry, redrawAll, renderConnection, renderHeader, renderMessages, renderSidebar, renderTyping } from "./views.js";

const TYPING_EVERY_MS = 2500;
const TYPING_SHOWN_MS = 4000;
const ENDED = {
  logout: "You signed out.",
  logout_all: "You signed out everywhere: every session of your account was ended.",
  terminated_by_other_session: "You were signed out from another of your sessions.",
  revoked: "This session was ended from another of your sessions.",
  password_changed: "Your password was changed in another session. Sign in with the new password.",
  account_deleted: "Your account was deleted.",
  sso_logout: "You were signed out at your identity provider.",
  expired: "Your session expired. Sign in again.",
};

let started = false;
let refreshTimer = null;
let readySeen = false;
let onlineAsOf = 0; // ready.serverTime in ms: presence changes before it are in ready's list already
let lastTyping = { key: null, at: 0 }; // typing is sent at most every TYPING_EVERY_MS per conversation

async function boot() {
  setUpLogin(start);
  setUpSessions();
  setUpTokens();
  setUpAdmin();
  setUpAccount({ onDeleted: end });
  setUpDialogs({ join, create: createRoom, startDm });
  setUpPeople({ open });
  setUpSettings();
  whenUnauthorized(() => end("Your session has ended. Sign in again."));
  wireControls();
  setUpMessageActions();
  setUpAttachments();
  setUpViewer();
  onChange(render);
  const signOn = await finishSignOn();
  if (signOn?.user) return start(signOn.user);
  if (signOn?.error) {
    token.clear();
    return showLogin(signOn.error);
  }
  if (!token.get()) return showLogin();
  try {
    start((await api("GET", "api/users/me")).user);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.status === 401) token.clear();
    showLogin(error.status === 401 ? "Your session has ended. Sign in again." : "Parley could not be reached. Try again in a moment.");
  }
}

function start(user) {
  state.me = user;
  state.convs.clear();
  state.online.clear();
  state.onlineCount = 0;
  state.rooms.clear();
  state.typing.clear();
  state.bots.clear();
  state.admins.clear();
  learnAdmin(user.username, user.admin);
  state.blocked = new Map();
  state.current = roomKey("feed");
  state.view = "chat";
  state.syncedAt = null;
  clearContext();
  roomConv({ name: "feed", member: true });
  readySeen = false;
  started = true;
  redrawAll();
  $("login-view").hidden = true;
  $("app-view").hidden = false;
  $("me-name").textContent = user.displayName || user.username;
  $("me-handle").textContent = `@${user.username}${user.guest ? " · guest" : ""}`;
  $("me-avatar").replaceWith(Object.assign(avatar(user.username, user.displayName), { id: "me-avatar" }));
  $("notify-prompt").hidden = !shouldAsk();
  live.connect(token.get(), handlers);
  loadBlocks();
  keepFresh();
  changed();
  $("composer-input").focus();
}

/**
 * Refreshes the token before it expires (at half its remaining life), since socket traffic alone does
 * not keep a session alive. At the session's absolute lifetime refresh stops extending it, and the
 * server ends it with `session_terminated` `expired`.
 */
async function keepFresh() {
  clearTimeout(refreshTimer);
  if (!started) return;
  let wait = 30000;
  try {
    const login = await api("POST", "api/auth/refresh", {});
    if (!started) return;
    token.set(login.token);
    live.useToken(login.token);
    wait = Math.max(5000, (Date.parse(login.expiresAt) - Date.now()) / 2);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return; // whenUnauthorized has ended it
  }
  refreshTimer = setTimeout(keepFresh, wait);
}

/** Back to sign-in: the socket closed, the token forgotten, the reason shown. */
function end(notice) {
  if (!started) return;
  started = false;
  clearTimeout(refreshTimer);
  stopAdmin();
  live.disconnect();
  token.clear();
  state.me = null;
  document.querySelectorAll("dialog[open]").forEach((d) => d.close());
  $("toasts").replaceChildren();
  showLogin(notice);
}

const handlers = {
  status(connected) {
    state.connected = connected;
    changed();
  },
  refused: () => end("Your session has ended or expired. Sign in again."),
  session_terminated: ({ reason }) => end(ENDED[reason] || "This session was ended."),
  ready: ({ user, rooms, online, onlineCount, serverTime }) => {
    state.me = user;
    learnAdmin(user.username, user.admin);
    rooms.forEach((room) => roomConv({ ...room, member: true }));
    // `online` is the first 200 by username; `onlineCount` counts everyone.
    state.online = new Map(online.map((p) => [p.username.toLowerCase(), p]));
    state.onlineCount = Math.max(onlineCount ?? online.length, online.length);
    onlineAsOf = Date.parse(serverTime) || 0;
    if (!state.syncedAt) state.syncedAt = serverTime; // changes after this come as events, or in sync's updates
    online.forEach((p) => {
      learnName(p.username, p.displayName);
      learnBot(p.username, p.bot);
    });
    learnBot(user.username, user.bot);
    const reconnect = readySeen;
    readySeen = true;
    loadLists();
    if (reconnect) catchUp();
    else open(state.current);
    changed();
  },
  message: received,
  private_message: received,
  notification(note) {
    const conv = note.room ? roomConv({ name: note.room }) : dmConv(note.from);
    conv.unread = note.unread;
    if (note.kind === "mention" && !showing(conv)) conv.mentions = (conv.mentions || 0) + 1;
    const where = note.room ? ` in #${note.room}` : "";
    notify({
      title: note.kind === "mention" ? `${nameOf(note.from)} mentioned you${where}` : `${nameOf(note.from)}${where}`,
      text: note.preview, from: note.from, fromDisplayName: nameOf(note.from), tag: conv.key, onOpen: () => open(conv.key),
    });
    changed();
  },
  presence({ users }) {
    // A batch, each user once with their latest state; changes from before ready's list are in it already.
    users.forEach(({ username, displayName, bot, online, at }) => {
      const key = username.toLowerCase();
      // This user is online while this page is connected, and counted in ready's count: their own arrival,
      // announced in the same millisecond as ready (so not dropped as older), must not count them twice.
      if (Date.parse(at) < onlineAsOf || key === state.me.username.toLowerCase()) return;
      learnName(username, displayName);
      learnBot(username, bot);
      const known = state.online.has(key);
      if (online) {
        state.online.set(key, { username, displayName, bot });
        if (!known) state.onlineCount += 1;
      } else {
        state.online.delete(key);
        // One not listed (past the first 200 of ready) was counted all the same.
        if (known || state.onlineCount > state.online.size) state.onlineCount -= 1;
      }
      state.onlineCount = Math.max(state.onlineCount, state.online.size);
    });
    changed();
  },
  room_created(room) {
    state.rooms.set(room.name, room);
    renderRooms(join);
  },
  room_invited(room) {
    invited(room);
    renderRooms(join);
  },
  room_removed: removed,
  room_updated(room) {
    roomUpdated(room);
    roomChanged(room);
    renderRooms(join);
  },
  user_updated({ username, displayName }) {
    learnName(username, displayName);
    // Messages already shown carry the name they were sent with: they show the new one.
    for (const conv of state.convs.values()) {
      conv.messages.forEach((m) => { if (sameUser(m.from, username)) m.fromDisplayName = displayName; });
    }
    const online = state.online.get(username.toLowerCase());
    if (online) state.online.set(username.toLowerCase(), { ...online, displayName });
    if (sameUser(username, state.me.username)) {
      state.me = { ...state.me, displayName };
      $("me-name").textContent = displayName;
    }
    drawPeople();
    changed();
  },
  typing({ room, from }) {
    const key = room ? roomKey(room) : dmKey(from);
    if (!state.typing.has(key)) state.typing.set(key, new Map());
    state.typing.get(key).set(from, Date.now() + TYPING_SHOWN_MS);
    setTimeout(changed, TYPING_SHOWN_MS + 50);
    changed();
  },
  message_updated: (message) => {
    if (replace(message)) changed();
  },
  message_deleted: ({ id, room, to, from }) => {
    if (replace({ id, room, to, from, deleted: true, text: "", reactions: [], mentions: [] })) changed();
  },
  error: (error) => errorToast(error.message || "The server refused that."),
};

function received(message) {
  if (!message.room && !message.from) return; // a direct message of a deleted account: its conversation cannot be named
  const conv = convOf(message);
  const fresh = merge(conv, [message]);
  if (!fresh.length) return;
  if (state.typing.get(conv.key)) state.typing.get(conv.key).delete(message.from);
  const mine = sameUser(message.from, state.me.username);
  // The server sends no `notification` for the feed: it is counted here.
  if (!mine && conv.key === roomKey("feed") && !showing(conv)) conv.unread += 1;
  if (showing(conv)) markRead(conv);
  changed();
}

async function loadLists() {
  try {
    const [rooms, conversations] = await Promise.all([api("GET", "api/rooms"), api("GET", "api/conversations")]);
    for (const room of rooms) {
      state.rooms.set(room.name, room);
      if (room.member) roomConv(room);
    }
    conversations.forEach((c) => c.lastMessage && learnName(c.lastMessage.from, c.lastMessage.fromDisplayName));
    for (const c of conversations) {
      const conv = dmConv(c.with, c.lastMessage && sameUser(c.lastMessage.from, c.with) ? c.lastMessage.fromDisplayName : undefined);
      conv.unread = c.unread;
      if (c.lastMessage && !conv.loaded) merge(conv, [c.lastMessage]);
    }
    const conv = currentConv();
    if (showing(conv)) markRead(conv);
    changed();
  } catch (error) {
    if (error.status !== 401) errorToast(error.message);
  }
}

/** After a reconnect: everything newer than what each conversation shows, merged in. */
async function catchUp() {
  const rooms = {};
  const conversations = {};
  for (const conv of state.convs.values()) {
    if (!conv.loaded) continue;
    if (conv.kind === "room") rooms[conv.name] = lastId(conv);
    else conversations[conv.name] = lastId(conv);
  }
  const ack = await live.request("sync", { rooms, conversations, ...(state.syncedAt ? { since: state.syncedAt } : {}) });
  if (ack.ok) {
    ack.messages.forEach(received);
    ack.updates.forEach(replace); // edits, deletions and reactions made while away
    state.syncedAt = ack.syncedAt;
    changed();
  }
  const conv = currentConv();
  live.tell("focus", focusOf(conv));
  if (showing(conv)) markRead(conv);
}

function showAccountView() {
  state.view = "account";
  $("chat-pane").hidden = true;
  $("sessions-pane").hidden = true;
  $("tokens-pane").hidden = true;
  $("admin-pane").hidden = true;
  $("account-pane").hidden = false;
  closeDrawer();
  live.tell("focus", {});
  showAccount();
  changed();
}

function showSessions() {
  state.view = "sessions";
  $("chat-pane").hidden = true;
  $("account-pane").hidden = true;
  $("tokens-pane").hidden = true;
  $("admin-pane").hidden = true;
  $("sessions-pane").hidden = false;
  closeDrawer();
  live.tell("focus", {});
  loadSessions();
  changed();
}

function showTokens() {
  state.view = "tokens";
  $("chat-pane").hidden = true;
  $("account-pane").hidden = true;
  $("sessions-pane").hidden = true;
  $("admin-pane").hidden = true;
  $("tokens-pane").hidden = false;
  closeDrawer();
  live.tell("focus", {});
  loadTokens();
  changed();
}

/** The server admin's console; its way in shows only to admins (the server refuses the rest anyway). */
function showAdminView() {
  if (!state.me?.admin) return;
  state.view = "admin";
  $("chat-pane").hidden = true;
  $("account-pane").hidden = true;
  $("sessions-pane").hidden = true;
  $("tokens-pane").hidden = true;
  $("admin-pane").hidden = false;
  closeDrawer();
  live.tell("focus", {});
  showAdmin();
  changed();
}

function render() {
  if (!started) return;
  $("open-admin").hidden = !state.me?.admin;
  renderSidebar(open, startDm);
  renderHeader();
  renderConnection();
  if (state.view === "chat") {
    renderMessages(state.stickToBottom);
    state.stickToBottom = false;
    renderTyping();
  }
}

function wireControls() {
  const input = $("composer-input");
  $("composer").addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (state.editing) {
      if (!text && !state.editing.files?.length) return; // a message with files may lose its text
      input.value = "";
      input.style.height = "";
      return saveEdit(text);
    }
    if (uploading()) return holdForUploads();
    const files = readyFiles();
    if (!text && !files.length) return;
    input.value = "";
    input.style.height = "";
    // The others stop showing us as typing when the message arrives; typing again must tell them.
    lastTyping = { key: null, at: 0 };
    const replyTo = state.replyTo ? state.replyTo.id : null;
    clearContext();
    clearAttachments();
    send(text, null, replyTo, files);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      $("composer").requestSubmit();
    }
  });
  input.addEventListener("input", () => {
    input.style.height = "";
    input.style.height = `${Math.min(input.scrollHeight, 160)}px`;
    const conv = currentConv();
    if (!input.value.trim() || (lastTyping.key === conv.key && Date.now() - lastTyping.at < TYPING_EVERY_MS)) return;
    lastTyping = { key: conv.key, at: Date.now() };
    live.tell("typing", conv.kind === "room" ? { room: conv.name } : { to: conv.name });
  });
  $("messages").addEventListener("scroll", () => {
    if ($("messages").scrollTop < 80) loadOlder(currentConv());
  });
  $("leave-room").addEventListener("click", leave);
  $("removed-notice-close").addEventListener("click", () => { $("removed-notice").hidden = true; });
  $("open-sessions").addEventListener("click", showSessions);
  $("open-tokens").addEventListener("click", showTokens);
  $("open-admin").addEventListener("click", showAdminView);
  $("admin-back").addEventListener("click", () => open(state.current));
  $("tokens-back").addEventListener("click", () => open(state.current));
  $("open-account").addEventListener("click", showAccountView);
  $("block-user").addEventListener("click", async () => {
    const conv = currentConv();
    if (conv.kind !== "dm") return;
    await (isBlocked(conv.name) ? unblock(conv.name) : block(conv.name));
    changed();
  });
  $("back-to-chat").addEventListener("click", () => open(state.current));
  $("logout").addEventListener("click", async () => {
    try {
      await api("POST", "api/auth/logout");
    } catch {
      // Signed out here either way.
    }
    end(null);
  });
  $("notify-enable").addEventListener("click", async () => {
    await askPermission();
    $("notify-prompt").hidden = true;
  });
  $("open-drawer").addEventListener("click", () => {
    $("app-view").classList.add("drawer-open");
    $("drawer-scrim").hidden = false;
    $("open-drawer").setAttribute("aria-expanded", "true");
  });
  $("drawer-scrim").addEventListener("click", closeDrawer);
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && $("app-view").classList.contains("drawer-open")) closeDrawer();
  });
  document.addEventListener("visibilitychange", () => {
    if (!started) return;
    const conv = currentConv();
    live.tell("focus", focusOf(conv));
    if (showing(conv)) markRead(conv);
    changed();
  });
  onRetry((message) => send(null, message));
}

boot();
