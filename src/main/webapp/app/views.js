// Rendering from the store: the sidebar, the header, the message list and the typing line.
import { $, adminBadge, avatar, botBadge, dayLabel, el, time } from "./dom.js";
import { attachments, filesSignature } from "./files.js";
import { mentionsMe, quote, reactions, textWithMentions, toolbar } from "./parts.js";
import { changesTopic } from "./settings.js";
import { currentConv, DELETED_USER, isAdmin, isBot, nameOf, state, typingIn } from "./store.js";

const GROUP_WITHIN_MS = 5 * 60 * 1000;
const ONLINE_SHOWN = 200; // as many as ready lists; the rest are counted, "and N more"
const drawn = new Map(); // list id -> signature of what it shows

/**
 * Replaces a list's children only when what it shows changed, so that a button keeps its focus
 * (and a test its element) while unrelated events arrive.
 */
function draw(id, signature, rows) {
  const key = JSON.stringify(signature);
  if (drawn.get(id) === key) return false;
  drawn.set(id, key);
  $(id).replaceChildren(...rows());
  return true;
}

/** Forget what was drawn: a new sign-in starts from empty lists. */
export const redrawAll = () => drawn.clear();

/** The sidebar: joined rooms, direct conversations, people online; `open(key)` switches. */
export function renderSidebar(open, startDm) {
  const rooms = [...state.convs.values()].filter((c) => c.kind === "room" && c.joined)
    .sort((a, b) => (a.name === "feed" ? -1 : b.name === "feed" ? 1 : a.name.localeCompare(b.name)));
  const locked = (c) => !!state.rooms.get(c.name)?.private; // a private room has a lock for its hash
  draw("room-list", rooms.map((c) => [c.key, shownUnread(c), shownMentions(c), isActive(c), locked(c)]),
    () => rooms.map((c) => item(c, el("span", { class: "hash", "aria-hidden": "true", title: locked(c) ? "Private" : null }, locked(c) ? "🔒" : "#"), c.name, open)));

  const dms = [...state.convs.values()].filter((c) => c.kind === "dm")
    .sort((a, b) => lastActivity(b) - lastActivity(a) || a.name.localeCompare(b.name));
  draw("dm-list", dms.map((c) => [c.key, c.displayName, shownUnread(c), isActive(c), isOnline(c.name)]),
    () => (dms.length ? dms.map((c) => item(c, withPresence(c.name, c.displayName), c.displayName, open, c.name))
      : [el("li", { class: "side-empty" }, "No conversations yet")]));

  const me = state.me.username.toLowerCase();
  const others = [...state.online.values()].filter((p) => p.username.toLowerCase() !== me);
  const people = others.sort((a, b) => (a.displayName || a.username).localeCompare(b.displayName || b.username)).slice(0, ONLINE_SHOWN);
  const total = Math.max(state.onlineCount - 1, others.length); // the count has this user in it
  const more = total - people.length;
  $("online-count").textContent = total ? `· ${total}` : "";
  draw("online-list", [...people.map((p) => [p.username, p.displayName, isBot(p.username), isAdmin(p.username)]), more], () => (people.length ? [...people.map((p) => el("li", {},
    el("button", { type: "button", class: "side-item", "data-testid": `online-${p.username}`, title: `Message ${p.username}`, onclick: () => startDm(p.username, p.displayName) },
      withPresence(p.username, p.displayName), named(p.displayName || p.username, p.username)))),
    ...(more > 0 ? [el("li", { class: "side-empty", "data-testid": "online-more" }, `and ${more} more`)] : [])]
    : [el("li", { class: "side-empty" }, more > 0 ? `${more} online` : "Nobody else is here right now")]));

  const unreadAnywhere = [...state.convs.values()].some((c) => shownUnread(c) > 0);
  $("drawer-badge").hidden = !unreadAnywhere;
}

/** A display name with the @username beside it: a display name alone can copy someone else's. */
function named(displayName, username) {
  return el("span", { class: "label" }, el("span", { class: "display-name" }, displayName),
    isBot(username) ? botBadge() : null,
    isAdmin(username) ? adminBadge() : null,
    username ? el("span", { class: "handle" }, `@${username}`) : null);
}

function item(conv, icon, label, open, username) {
  const unread = shownUnread(conv);
  const active = isActive(conv);
  return el("li", {}, el("button", {
    type: "button", class: `side-item${active ? " active" : ""}${unread ? " unread" : ""}`,
    "data-testid": `conv-${conv.key}`, "aria-current": active ? "page" : false, onclick: () => open(conv.key),
    "aria-label": unread ? `${label}, ${unread} unread` : label,
  }, icon, username ? named(label, username) : el("span", { class: "label" }, label),
  shownMentions(conv) ? el("span", { class: "badge badge-mention", "data-testid": `mentions-${conv.key}`, title: "Mentions of you" }, `@${shownMentions(conv)}`) : null,
  unread ? el("span", { class: "badge", "data-testid": `unread-${conv.key}` }, unread > 99 ? "99+" : unread) : null));
}

/** Unread mentions of the reader, a badge of its own; nothing for the conversation on screen. */
export function shownMentions(conv) {
  return onScreen(conv) ? 0 : conv.mentions || 0;
}

/** Unread as the user sees it: nothing for the conversation on screen. */
export function shownUnread(conv) {
  return onScreen(conv) ? 0 : conv.unread;
}

const onScreen = (conv) => state.view === "chat" && conv.key === state.current && !document.hidden;

const isActive = (conv) => state.view === "chat" && conv.key === state.current;
const isOnline = (username) => state.online.has(username.toLowerCase());

function withPresence(username, displayName) {
  const node = avatar(username, displayName);
  if (isOnline(username)) node.classList.add("presence-dot");
  return node;
}

function lastActivity(conv) {
  const last = conv.messages[conv.messages.length - 1];
  return last ? new Date(last.createdAt).getTime() : 0;
}

export function renderHeader() {
  const conv = currentConv();
  const leave = $("leave-room");
  const block = $("block-user");
  block.hidden = state.view !== "chat" || conv.kind !== "dm";
  if (!block.hidden) {
    const blocked = state.blocked.has(conv.name.toLowerCase());
    block.textContent = blocked ? "Unblock" : "Block";
    block.title = blocked ? `Let @${conv.name} send you direct messages again` : `Stop @${conv.name} sending you direct messages`;
  }
  if (state.view !== "chat" || conv.kind !== "room") {
    $("room-people").hidden = true;
    $("room-settings").hidden = true;
  }
  if (state.view === "sessions") {
    $("view-title").textContent = "Sessions";
    $("view-sub").textContent = "Where your account is signed in";
    leave.hidden = true;
  } else if (state.view === "tokens") {
    $("view-title").textContent = "Tokens and bots";
    $("view-sub").textContent = "Access for scripts, and bot accounts";
    leave.hidden = true;
  } else if (state.view === "admin") {
    $("view-title").textContent = "Server admin";
    $("view-sub").textContent = "Accounts, rooms and the server's numbers";
    leave.hidden = true;
  } else if (state.view === "account") {
    $("view-title").textContent = "Account";
    $("view-sub").textContent = "Your name, your password, the people you block";
    leave.hidden = true;
  } else if (conv.kind === "room") {
    $("view-title").textContent = `# ${conv.name}`;
    const members = conv.members ? `${conv.members} member${conv.members === 1 ? "" : "s"}` : "";
    const locked = state.rooms.get(conv.name)?.private ? "🔒 Private" : "";
    $("view-sub").textContent = [locked, conv.topic || (conv.name === "feed" ? "Everyone, everything" : ""), members].filter(Boolean).join(" · ");
    leave.hidden = conv.name === "feed" || !conv.joined;
    $("room-people").hidden = !conv.joined || (conv.name === "feed" && !state.me?.admin); // feed's people: its webhooks, for admins
    $("room-settings").hidden = !conv.joined || !changesTopic(conv.name);
  } else {
    const online = isOnline(conv.name);
    $("view-title").textContent = conv.displayName;
    const blocked = state.blocked.has(conv.name.toLowerCase()) ? " · blocked" : "";
    $("view-sub").textContent = `@${conv.name} · ${online ? "online" : "offline"}${blocked}`;
    leave.hidden = true;
  }
  const unread = [...state.convs.values()].reduce((n, c) => n + shownUnread(c), 0);
  document.title = `${unread ? `(${unread}) ` : ""}${$("view-title").textContent} · Parley`;
}

/** The message list, keeping the reader's place: at the bottom it follows new messages. */
export function renderMessages(forceBottom = false) {
  const conv = currentConv();
  const box = $("messages");
  const fromBottom = box.scrollHeight - box.scrollTop;
  const atBottom = fromBottom - box.clientHeight < 60;
  const signature = [conv.key, conv.loaded, conv.messages.map((m) => [m.id || m.clientMsgId, m.failed ? 1 : 0, m.text, m.editedAt,
    m.deleted, m.reactions, m.replyTo, m.fromDisplayName, filesSignature(m)]), state.bots.size, state.admins.size, // a bot or admin learned of since gets its badge
    conv.kind === "room" ? state.rooms.get(conv.name)?.role ?? null : null]; // a new moderator gets the delete action
  const redrawn = draw("message-list", signature, () => messageRows(conv));
  $("history-status").textContent = conv.loading ? "Loading earlier messages…"
    : conv.loaded && !conv.hasMore && conv.messages.length ? "This is the beginning of the conversation." : "";
  if (forceBottom || (redrawn && atBottom)) box.scrollTop = box.scrollHeight;
  else if (redrawn) box.scrollTop = box.scrollHeight - fromBottom;
}

function messageRows(conv) {
  const rows = [];
  let previous = null;
  for (const message of conv.messages) {
    if (!previous || dayLabel(previous.createdAt) !== dayLabel(message.createdAt)) {
      rows.push(el("li", { class: "day", role: "separator" }, dayLabel(message.createdAt)));
      previous = null;
    }
    const grouped = previous && previous.from === message.from && (previous.via ?? null) === (message.via ?? null)
      && new Date(message.createdAt) - new Date(previous.createdAt) < GROUP_WITHIN_MS;
    rows.push(row(message, !grouped || !!message.replyTo, conv)); // a reply starts a group: its quote needs the name above
    previous = message;
  }
  if (!conv.messages.length && conv.loaded) rows.push(emptyState(conv));
  return rows;
}

let retry = () => {};
export const onRetry = (handler) => { retry = handler; };

function row(message, first, conv) {
  const gone = !message.from; // a deleted account's message
  const classes = ["msg", first ? "first" : "", gone ? "from-deleted" : "", message.pending ? "pending" : "", message.failed ? "failed" : "",
    message.deleted ? "deleted" : "", mentionsMe(message) ? "mentions-me" : ""].filter(Boolean).join(" ");
  return el("li", { class: classes, "data-testid": "message", "data-id": message.id || "", "data-from": message.from || "" },
    gone ? el("span", { class: "avatar avatar-deleted", "aria-hidden": "true" }, "?") : avatar(message.from, message.fromDisplayName),
    el("div", { class: "msg-meta" },
      el("span", { class: "msg-from", "data-testid": "message-from" }, gone ? DELETED_USER : message.fromDisplayName || message.from),
      gone || !isBot(message.from) ? null : botBadge(),
      gone || !isAdmin(message.from) ? null : adminBadge(),
      gone ? null : el("span", { class: "msg-handle", "data-testid": "message-handle" }, `@${message.from}`),
      message.via ? el("span", { class: "msg-via", "data-testid": "message-via", title: "Posted by an incoming webhook" }, `via ${message.via}`) : null,
      el("time", { class: "msg-time", datetime: message.createdAt, title: new Date(message.createdAt).toLocaleString() }, time(message.createdAt))),
    el("div", { class: "msg-body" },
      quote(message, conv),
      message.deleted ? el("div", { class: "msg-text msg-tombstone", "data-testid": "message-text" }, "This message was deleted.")
        : message.text || !message.files?.length ? el("div", { class: "msg-text", "data-testid": "message-text" }, textWithMentions(message),
          message.editedAt ? el("span", { class: "msg-edited", "data-testid": "edited", title: new Date(message.editedAt).toLocaleString() }, " (edited)") : null) : null,
      attachments(message),
      reactions(message),
      toolbar(message),
      message.failed ? el("div", { class: "msg-state" }, `Not sent: ${message.failed} `,
        el("button", { type: "button", onclick: () => retry(message) }, "Try again")) : null));
}

function emptyState(conv) {
  const text = conv.kind === "dm" ? `This is the start of your conversation with ${conv.displayName}.`
    : `This is the start of #${conv.name}. Say hello!`;
  return el("li", { class: "empty-chat" }, el("div", { class: "big", "aria-hidden": "true" }, "👋"), el("p", {}, text));
}

export function renderTyping() {
  const names = typingIn(state.current).map(nameOf);
  $("typing").textContent = names.length === 0 ? ""
    : names.length === 1 ? `${names[0]} is typing…`
    : names.length === 2 ? `${names[0]} and ${names[1]} are typing…` : "Several people are typing…";
}

export function renderConnection() {
  $("connection").textContent = state.connected ? "Connected" : "Reconnecting…";
  $("connection").classList.toggle("offline", !state.connected);
}
