// The server admin's console: every account (search, pages, disable and enable, end sessions, the
// admin role), every room (owners, members, retention, an export of its history) and the server's
// numbers, refreshed while the console shows. Only admins see the way in; the server refuses all of
// it to everyone else whatever this page does.
import { api, token } from "./api.js";
import { $, adminBadge, ago, avatar, botBadge, el } from "./dom.js";
import { errorToast, toast } from "./notify.js";
import { learnAdmin, state } from "./store.js";

const STATS_EVERY_MS = 10000;
const STATS = [
  ["users", "Registered accounts"], ["guests", "Guests"], ["bots", "Bots"], ["online", "Online now"], ["sockets", "Open connections"],
  ["messages", "Messages stored"], ["messagesToday", "Messages today (UTC)"], ["files", "Files"], ["fileBytes", "File storage"], ["nodes", "Server nodes"],
];

let accountsAfter = null;
let roomsAfter = null;
let statsTimer = null;

export function setUpAdmin() {
  document.querySelectorAll("[data-admin-tab]").forEach((tab) => tab.addEventListener("click", () => showTab(tab.dataset.adminTab)));
  $("admin-search").addEventListener("submit", (event) => {
    event.preventDefault();
    loadAccounts(false);
  });
  $("admin-accounts-more").addEventListener("click", () => loadAccounts(true));
  $("admin-rooms-more").addEventListener("click", () => loadRooms(true));
  $("admin-stats-refresh").addEventListener("click", loadStats);
}

/** Opens the console: the first pages and the numbers, refreshed every 10 s while it shows. */
export function showAdmin() {
  showTab("accounts");
  loadAccounts(false);
  loadRooms(false);
  loadStats();
  clearInterval(statsTimer);
  statsTimer = setInterval(() => {
    if (!visible()) return stopAdmin();
    if (!document.hidden) loadStats();
  }, STATS_EVERY_MS);
}

/** The console closed (another view, or signed out): no more refreshes. */
export function stopAdmin() {
  clearInterval(statsTimer);
  statsTimer = null;
}

const visible = () => state.view === "admin" && !$("admin-pane").hidden;

function showTab(name) {
  document.querySelectorAll("[data-admin-tab]").forEach((tab) => tab.setAttribute("aria-selected", String(tab.dataset.adminTab === name)));
  document.querySelectorAll("[data-admin-section]").forEach((section) => { section.hidden = section.dataset.adminSection !== name; });
}

const enc = encodeURIComponent;

async function loadAccounts(more) {
  const query = $("admin-query").value.trim();
  const params = new URLSearchParams({ limit: "50", ...(query ? { query } : {}), ...(more && accountsAfter ? { after: accountsAfter } : {}) });
  try {
    const page = await api("GET", `api/admin/users?${params}`);
    const rows = page.users.map(accountRow);
    if (more) $("admin-accounts").append(...rows);
    else $("admin-accounts").replaceChildren(...(rows.length ? rows : [emptyRow(5, query ? "No account starts with that." : "No accounts.")]));
    accountsAfter = page.users.length ? page.users[page.users.length - 1].user.username : accountsAfter;
    $("admin-accounts-more").hidden = !page.hasMore;
  } catch (error) {
    if (error.status !== 401) errorToast(error.message);
  }
}

function accountRow(entry) {
  const { user } = entry;
  learnAdmin(user.username, user.admin);
  const me = state.me && user.username.toLowerCase() === state.me.username.toLowerCase();
  const act = (label, testid, run, { danger = false, confirm = null } = {}) => el("button", {
    type: "button", class: `btn btn-small ${danger ? "btn-danger" : "btn-ghost"}`, "data-testid": testid,
    onclick: async (event) => {
      if (confirm && !window.confirm(confirm)) return;
      event.currentTarget.disabled = true;
      try {
        await run();
        await refreshAccount(user.username);
      } catch (error) {
        errorToast(error.message);
        await refreshAccount(user.username);
      }
    } }, label);
  const base = `api/admin/users/${enc(user.username)}`;
  const actions = [];
  if (!user.admin) {
    actions.push(entry.disabled
      ? act("Enable", "admin-enable", () => api("POST", `${base}/enable`))
      : act("Disable", "admin-disable", () => api("POST", `${base}/disable`),
        { danger: true, confirm: `Disable @${user.username}? Every session ends now and it cannot sign in until enabled.` }));
  }
  if (!me) {
    actions.push(act("End sessions", "admin-terminate", async () => {
      const { terminated } = await api("POST", `${base}/sessions/terminate`);
      toast({ title: "Sessions ended", text: `@${user.username}: ${terminated} session${terminated === 1 ? "" : "s"} and tokens ended.` });
    }, { danger: true, confirm: `End every session and token of @${user.username}? It can sign in again.` }));
  }
  if (!me && !user.guest && !user.bot) {
    actions.push(user.admin
      ? act("Take admin", "admin-take", () => api("DELETE", `${base}/admin`), { danger: true, confirm: `Take the admin role from @${user.username}?` })
      : act("Make admin", "admin-grant", () => api("PUT", `${base}/admin`), { confirm: `Make @${user.username} a server admin? They can do everything you can.` }));
  }
  const status = [entry.disabled ? el("span", { class: "pill pill-danger", "data-testid": "admin-disabled" }, "disabled") : el("span", { class: "pill" }, "active")];
  return el("tr", { "data-testid": `admin-account-${user.username}`, "data-username": user.username },
    el("td", { "data-label": "Account" },
      el("span", { class: "admin-who" }, avatar(user.username, user.displayName),
        el("span", { class: "label" },
          el("span", { class: "display-name" }, user.displayName),
          user.bot ? botBadge() : null, user.admin ? adminBadge() : null,
          user.guest ? el("span", { class: "guest-badge", "data-testid": "guest-badge" }, "guest") : null,
          el("span", { class: "handle" }, ` @${user.username}`)))),
    el("td", { "data-label": "Status" }, status),
    el("td", { "data-label": "Last seen", "data-testid": "admin-last-seen" }, entry.lastSeenAt ? ago(entry.lastSeenAt) : "never"),
    el("td", { "data-label": "Sessions", "data-testid": "admin-sessions" }, String(entry.sessions)),
    el("td", { class: "admin-actions" }, actions));
}

/** The account's row again, as the server has it now. */
async function refreshAccount(username) {
  const row = document.querySelector(`#admin-accounts tr[data-username="${CSS.escape(username)}"]`);
  if (!row) return;
  try {
    const page = await api("GET", `api/admin/users?${new URLSearchParams({ query: username, limit: "200" })}`);
    const entry = page.users.find((u) => u.user.username === username);
    if (entry) row.replaceWith(accountRow(entry));
    else row.remove();
  } catch (error) {
    if (error.status !== 401) errorToast(error.message);
  }
}

async function loadRooms(more) {
  const params = new URLSearchParams({ limit: "50", ...(more && roomsAfter ? { after: roomsAfter } : {}) });
  try {
    const page = await api("GET", `api/admin/rooms?${params}`);
    const rows = page.rooms.map(roomRow);
    if (more) $("admin-rooms").append(...rows);
    else $("admin-rooms").replaceChildren(...(rows.length ? rows : [emptyRow(5, "No rooms.")]));
    roomsAfter = page.rooms.length ? page.rooms[page.rooms.length - 1].name : roomsAfter;
    $("admin-rooms-more").hidden = !page.hasMore;
  } catch (error) {
    if (error.status !== 401) errorToast(error.message);
  }
}

function roomRow(room) {
  return el("tr", { "data-testid": `admin-room-${room.name}`, "data-room": room.name },
    el("td", { "data-label": "Room" }, el("strong", {}, room.private ? el("span", { "data-testid": "admin-room-private", title: "Private", "aria-label": "Private" }, "🔒 ") : "# ", room.name),
      room.topic ? el("small", { class: "muted admin-topic" }, room.topic) : null),
    el("td", { "data-label": "Owner", "data-testid": "admin-room-owner" }, room.owner ? `@${room.owner}` : "—"),
    el("td", { "data-label": "Members", "data-testid": "admin-room-members" }, String(room.members)),
    el("td", { "data-label": "Retention", "data-testid": "admin-room-retention" }, room.retention || "server default"),
    el("td", { class: "admin-actions" },
      el("button", { type: "button", class: "btn btn-ghost btn-small", "data-testid": "admin-room-export", onclick: () => exportRoom(room.name) }, "Export history")));
}

/** The room's history as a JSON file, fetched with the token (a plain link would carry none). */
async function exportRoom(name) {
  try {
    const response = await fetch(`api/admin/rooms/${enc(name)}/export`, { headers: { Authorization: `Bearer ${token.get()}` } });
    if (!response.ok) {
      const body = await response.json().catch(() => null);
      throw new Error(body?.error?.message || `The export failed (${response.status}).`);
    }
    const url = URL.createObjectURL(await response.blob());
    const link = el("a", { href: url, download: `${name}-history.json` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  } catch (error) {
    errorToast(error.message);
  }
}

async function loadStats() {
  try {
    const stats = await api("GET", "api/admin/stats");
    $("admin-stats").replaceChildren(...STATS.map(([key, label]) => el("div", { class: "admin-stat" },
      el("dt", {}, label),
      el("dd", { "data-testid": `stat-${key}` }, key === "fileBytes" ? bytes(stats[key]) : stats[key].toLocaleString()))));
    $("admin-stats-when").textContent = `Updated ${new Date().toLocaleTimeString()}`;
  } catch (error) {
    if (error.status !== 401) errorToast(error.message);
  }
}

function bytes(n) {
  const units = ["B", "KB", "MB", "GB", "TB"];
  let i = 0;
  while (n >= 1024 && i < units.length - 1) { n /= 1024; i++; }
  return `${i ? n.toFixed(1) : n} ${units[i]}`;
}

const emptyRow = (span, text) => el("tr", {}, el("td", { colspan: String(span), class: "muted" }, text));
