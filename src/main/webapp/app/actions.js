// What the user does to messages: reply, edit, delete, react, jump to one (loading history as needed),
// search, and `@` name completion in the composer.
import { api } from "./api.js";
import { loadOlder, open } from "./conversations.js";
import { debounced, lookUp } from "./directory.js";
import { $, el, time } from "./dom.js";
import * as live from "./live.js";
import { errorToast } from "./notify.js";
import { onAction, summary } from "./parts.js";
import { changed, currentConv, dmKey, nameOf, replace, roomKey, sameUser, state } from "./store.js";

const PAGES_TO_JUMP = 40; // at 50 a page, how far back a jump loads before it gives up
const SUGGESTED = 6;
let searched = { q: "", before: null };

export function setUpMessageActions() {
  onAction({ reply, edit, remove, react, jump: (id) => jumpTo(currentConv(), id) });
  $("composer-context-cancel").addEventListener("click", () => {
    if (state.editing) $("composer-input").value = "";
    clearContext();
  });
  $("search-form").addEventListener("submit", (event) => {
    event.preventDefault();
    search(true);
  });
  $("search-more").addEventListener("click", () => search(false));
  setUpCompletion();
}

function reply(message) {
  state.editing = null;
  state.replyTo = message;
  showContext(`Replying to ${nameOf(message.from)}: ${summary(message).slice(0, 80)}`);
  $("composer-input").focus();
}

function edit(message) {
  state.replyTo = null;
  state.editing = message;
  $("composer-input").value = message.text;
  showContext("Editing your message");
  $("composer-input").focus();
}

function showContext(text) {
  $("composer-context-text").textContent = text;
  $("composer-context").hidden = false;
}

export function clearContext() {
  state.replyTo = null;
  state.editing = null;
  $("composer-context").hidden = true;
}

/** Saves an edit of the message being edited; every page showing it gets `message_updated`. */
export async function saveEdit(text) {
  const message = state.editing;
  clearContext();
  if (text === message.text) return;
  const ack = await live.request("edit_message", { id: message.id, text });
  if (!ack.ok) return errorToast(ack.error.message);
  replace(ack.message);
  changed();
}

async function remove(message) {
  const ack = await live.request("delete_message", { id: message.id });
  if (!ack.ok) errorToast(ack.error.message);
}

async function react(message, emoji, on) {
  const ack = await live.request(on ? "react" : "unreact", { id: message.id, emoji });
  if (!ack.ok) errorToast(ack.error.message);
}

/** Scrolls to a message of the conversation on screen, loading earlier pages until it is there. */
export async function jumpTo(conv, id) {
  for (let waits = 0; !conv.ids.has(id) && waits < PAGES_TO_JUMP * 20; waits++) {
    if (conv.loaded && !conv.hasMore) break;
    if (conv.loading) await new Promise((resolve) => setTimeout(resolve, 50));
    else await loadOlder(conv);
  }
  // After the list is drawn (the store re-renders once per frame).
  requestAnimationFrame(() => requestAnimationFrame(() => {
    const row = document.querySelector(`#message-list [data-id="${id}"]`);
    if (!row) return errorToast("That message could not be found.");
    row.scrollIntoView({ block: "center" });
    row.classList.add("flash");
    setTimeout(() => row.classList.remove("flash"), 2000);
  }));
}

/** Newest first; "More results" pages on with `before`. */
async function search(fresh) {
  const q = $("search-input").value.trim();
  if (!q) return;
  if (fresh) searched = { q, before: null };
  const params = new URLSearchParams({ q: searched.q, limit: "20" });
  if (searched.before) params.set("before", searched.before);
  let page;
  try {
    page = await api("GET", `api/search?${params}`);
  } catch (error) {
    return errorToast(error.message);
  }
  const list = $("search-results");
  if (fresh) list.replaceChildren();
  page.messages.forEach((m) => list.append(result(m)));
  if (fresh && !page.messages.length) list.append(el("li", { class: "side-empty" }, "Nothing found."));
  searched.before = page.messages.length ? page.messages[page.messages.length - 1].id : null;
  $("search-more").hidden = !page.hasMore;
  if (!$("search-dialog").open) $("search-dialog").showModal();
}

function result(message) {
  const other = sameUser(message.from, state.me.username) ? message.to : message.from;
  const key = message.room ? roomKey(message.room) : dmKey(other);
  const where = message.room ? `#${message.room}` : `with ${nameOf(other)}`;
  return el("li", {}, el("button", { type: "button", class: "search-result", "data-testid": "search-result", "data-id": message.id,
    onclick: () => {
      $("search-dialog").close();
      open(key);
      jumpTo(state.convs.get(key), message.id);
    } }, el("span", { class: "search-where" }, `${where} · ${nameOf(message.from)} · ${time(message.createdAt)}`),
  el("span", { class: "search-text" }, message.text)));
}

/** `@` then the start of a name: up to six people, to complete with a click, Tab or Enter. */
function setUpCompletion() {
  const input = $("composer-input");
  const list = $("mention-suggestions");
  input.addEventListener("input", () => suggest(input, list));
  // Later, so that a click on a suggestion lands first; and only if the focus did not come back meanwhile
  // (a quick blur and focus, as a newer Chromium's typing does, must not hide what the typing then shows).
  input.addEventListener("blur", () => setTimeout(() => { if (document.activeElement !== input) list.hidden = true; }, 150));
  // Capturing, so that it runs before the composer's own Enter (send).
  input.addEventListener("keydown", (event) => {
    if (list.hidden || !list.firstElementChild || !["Tab", "Enter"].includes(event.key)) return;
    if (event.key === "Escape") return;
    event.preventDefault();
    event.stopImmediatePropagation();
    list.firstElementChild.firstElementChild.click();
  }, { capture: true });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Escape") list.hidden = true;
  });
}

function suggest(input, list) {
  const typed = typedAt(input);
  if (!typed) {
    list.hidden = true;
    return;
  }
  show(input, list, typed, []);
  if (typed.word) askDirectory(input, list, typed.word);
}

/** The directory's answer, shown if the same word is still being typed when it comes. */
const askDirectory = debounced(async (input, list, word) => {
  const users = await lookUp(word);
  const typed = typedAt(input);
  if (!typed || typed.word !== word || document.activeElement !== input) return;
  show(input, list, typed, users.map((u) => u.username));
});

/** `@` then the start of a name, right before the caret: the text up to the caret and the name's start. */
function typedAt(input) {
  const before = input.value.slice(0, input.selectionStart);
  const typed = /(^|\s)@([A-Za-z0-9_.-]{0,32})$/.exec(before);
  return typed ? { before, word: typed[2] } : null;
}

/** The people this page knows first (this conversation's senders, then who is online), then the directory's. */
function show(input, list, { before, word }, found) {
  const prefix = word.toLowerCase();
  const names = [];
  for (const username of [...candidates().filter((u) => u.toLowerCase().startsWith(prefix)), ...found]) {
    if (!sameUser(username, state.me.username) && !names.some((n) => sameUser(n, username))) names.push(username);
  }
  const shown = names.slice(0, SUGGESTED);
  list.replaceChildren(...shown.map((username) => el("li", { role: "option" }, el("button", { type: "button", class: "suggestion",
    "data-testid": "mention-suggestion", onmousedown: (event) => event.preventDefault(), onclick: () => {
      const start = before.length - word.length;
      input.value = `${input.value.slice(0, start)}${username} ${input.value.slice(input.selectionStart)}`;
      input.setSelectionRange(start + username.length + 1, start + username.length + 1);
      list.hidden = true;
      input.focus();
    } }, el("strong", {}, nameOf(username)), ` @${username}`))));
  list.hidden = shown.length === 0;
}

/** Who the page knows by username: this conversation's senders first, then people online. */
function candidates() {
  const seen = new Map();
  const conv = currentConv();
  if (conv.kind === "dm") seen.set(conv.name.toLowerCase(), conv.name);
  for (const m of [...conv.messages].reverse()) if (m.from) seen.set(m.from.toLowerCase(), seen.get(m.from.toLowerCase()) || m.from);
  for (const p of state.online.values()) if (!seen.has(p.username.toLowerCase())) seen.set(p.username.toLowerCase(), p.username);
  seen.delete(state.me.username.toLowerCase());
  return [...seen.values()];
}
