// A room's people: the member list with roles, invitations (with name completion), and what owners
// and moderators do (remove, ban, make moderator); and what this page does when its user is invited
// to a room or removed from one. Who may do what is the server's rule: the page only hides buttons
// the server would refuse.
import { api } from "./api.js";
import { debounced, lookUp } from "./directory.js";
import { download } from "./download.js";
import { $, adminBadge, avatar, botBadge, el } from "./dom.js";
import { errorToast, notify, toast } from "./notify.js";
import { changed, currentConv, isAdmin, learnAdmin, learnBot, learnName, nameOf, roomKey, sameUser, state } from "./store.js";
import { setUpWebhooks, showWebhooks } from "./webhooks.js";

const RANK = { owner: 2, moderator: 1, member: 0 };

export const roleIn = (room) => state.rooms.get(room)?.role ?? null;
export const moderates = (room) => RANK[roleIn(room)] >= RANK.moderator;

let openRoom = () => {};

export function setUpPeople({ open }) {
  openRoom = open;
  $("room-people").addEventListener("click", () => showPeople(currentConv().name));
  $("invite-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const room = $("people-dialog").dataset.room;
    const username = $("invite-name").value.trim();
    if (!username) return;
    try {
      await api("POST", `api/rooms/${encodeURIComponent(room)}/invites`, { username });
      $("invite-name").value = "";
      $("invite-error").textContent = "";
      toast({ title: "Invited", text: `@${username} is invited to #${room}.`, tag: `invited:${room}` });
    } catch (error) {
      $("invite-error").textContent = error.code === "not_found" ? "There is nobody of that name." : error.message;
    }
  });
  $("invite-name").addEventListener("input", () => {
    suggestNames();
    askDirectory();
  });
  $("room-export").addEventListener("click", async () => {
    const room = $("people-dialog").dataset.room;
    $("room-export").disabled = true;
    try {
      await download(`api/admin/rooms/${encodeURIComponent(room)}/export`, `parley-room-${room}.json`);
    } catch (error) {
      errorToast(error.message);
    } finally {
      $("room-export").disabled = false;
    }
  });
  $("people-more").addEventListener("click", () => renderPeople($("people-dialog").dataset.room, true));
  setUpWebhooks();
}

/** Name completion for invitations: the people the page knows of (online, and those it has seen write), then the directory's. */
function suggestNames(found = []) {
  const typed = $("invite-name").value.trim().toLowerCase();
  const names = new Set([...state.online.values()].map((p) => p.username));
  for (const conv of state.convs.values()) conv.messages?.forEach((m) => m.from && names.add(m.from));
  const known = [...names].filter((n) => n.toLowerCase().startsWith(typed)).sort();
  const matches = [];
  for (const n of [...known, ...found]) {
    if (!sameUser(n, state.me.username) && !matches.some((m) => sameUser(m, n))) matches.push(n);
  }
  $("invite-names").replaceChildren(...matches.slice(0, 8).map((n) => el("option", { value: n })));
}

const askDirectory = debounced(async () => {
  const typed = $("invite-name").value.trim();
  const users = await lookUp(typed);
  if ($("invite-name").value.trim() === typed) suggestNames(users.map((u) => u.username));
});

async function showPeople(room) {
  $("people-dialog").dataset.room = room;
  $("people-title").textContent = `People in #${room}`;
  $("invite-error").textContent = "";
  $("invite-form").hidden = !moderates(room) || room === "feed";
  $("room-export-part").hidden = !state.me?.admin;
  suggestNames();
  $("people-dialog").showModal();
  $("people-list").replaceChildren();
  $("people-more").hidden = true;
  await Promise.all([renderPeople(room), showWebhooks(room, moderates(room) || !!state.me?.admin)]);
}

const PAGE = 100;
let shown = { room: null, members: [], hasMore: false }; // the member list on screen, page after page

/** The first page of members, or (`more`) the next after the last one shown: owner, moderators, then the rest. */
async function renderPeople(room, more = false) {
  const after = more && shown.room === room && shown.members.length ? shown.members[shown.members.length - 1].username : null;
  let page;
  try {
    page = await api("GET", `api/rooms/${encodeURIComponent(room)}/members?limit=${PAGE}${after ? `&after=${encodeURIComponent(after)}` : ""}`);
  } catch (error) {
    $("people-list").replaceChildren(el("li", { class: "side-empty" }, error.message));
    $("people-more").hidden = true;
    return;
  }
  shown = { room, members: after ? [...shown.members, ...page.members] : page.members, hasMore: page.hasMore };
  page.members.forEach((m) => {
    learnBot(m.username, m.bot);
    learnAdmin(m.username, m.admin);
    learnName(m.username, m.displayName);
  });
  changed(); // messages from these bots get their badge
  drawPeople();
}

/** The members shown, drawn again: after a page, a role of this user's that changed, or a new display name. */
export function drawPeople() {
  const room = shown.room;
  if (!room || !$("people-dialog").open || $("people-dialog").dataset.room !== room) return;
  const mine = roleIn(room);
  $("people-more").hidden = !shown.hasMore;
  $("invite-form").hidden = !moderates(room) || room === "feed";
  $("people-list").replaceChildren(...shown.members.map((m) => {
    const me = sameUser(m.username, state.me.username);
    const below = !me && RANK[mine] >= RANK.moderator && RANK[mine] > RANK[m.role];
    const act = (label, method, path, testid) => el("button", { type: "button", class: "btn btn-ghost btn-small", "data-testid": testid,
      onclick: () => change(room, method, path) }, label);
    return el("li", { class: "person", "data-testid": `member-${m.username}` },
      avatar(m.username, nameOf(m.username)),
      el("span", { class: "label" }, el("span", { class: "display-name", "data-testid": "member-name" }, nameOf(m.username)),
        m.bot ? botBadge() : null, isAdmin(m.username) ? adminBadge() : null, el("span", { class: "handle" }, `@${m.username}`)),
      el("span", { class: `role role-${m.role}`, "data-testid": "role" }, m.role),
      el("span", { class: "person-actions" },
        mine === "owner" && !me ? (m.role === "moderator"
          ? act("Unmake moderator", "DELETE", `moderators/${m.username}`, "unmake-moderator")
          : act("Make moderator", "PUT", `moderators/${m.username}`, "make-moderator")) : null,
        below ? act("Remove", "DELETE", `members/${m.username}`, "remove-member") : null,
        below ? act("Ban", "PUT", `bans/${m.username}`, "ban-member") : null));
  }));
}

/** `room_updated`: this user's role may have changed, and with it what the open member list offers (read again). */
export function roomChanged(room) {
  if ($("people-dialog").open && $("people-dialog").dataset.room === room.name) renderPeople(room.name);
}

async function change(room, method, path) {
  try {
    await api(method, `api/rooms/${encodeURIComponent(room)}/${path}`);
  } catch (error) {
    errorToast(error.message);
  }
  await renderPeople(room);
}

/** `room_invited`: the room is listed (an invitation), and a toast opens the rooms list to accept it. */
export function invited(room) {
  state.rooms.set(room.name, room);
  notify({ title: `You were invited to #${room.name}`, text: "Open Rooms to join it.", tag: `invite:${room.name}`,
    onOpen: () => $("browse-rooms").click() });
  changed();
}

/** `room_removed`: the page leaves the room, and says why. */
export function removed({ room, reason }) {
  const conv = state.convs.get(roomKey(room));
  if (conv) conv.joined = false;
  const known = state.rooms.get(room);
  if (known) state.rooms.set(room, { ...known, member: false, role: null });
  if (state.current === roomKey(room)) openRoom(roomKey("feed"));
  if ($("people-dialog").open && $("people-dialog").dataset.room === room) $("people-dialog").close();
  $("removed-notice-text").textContent = reason === "banned"
    ? `You were banned from #${room}. You cannot join it again unless a moderator lifts the ban.`
    : `You were removed from #${room} by a moderator.`;
  $("removed-notice").hidden = false;
  changed();
}
