// The parts of a message row beyond its text: the quoted original of a reply, mentions highlighted,
// "edited", the tombstone of a deleted message, reactions, and the actions on hover. DOM nodes only, never HTML.
import { el } from "./dom.js";
import { render } from "./markdown.js";
import { nameOf, sameUser, state } from "./store.js";

export const QUICK_EMOJI = ["👍", "❤️", "😂", "🎉", "👀", "🙏"];
const MENTION = /(^|[^A-Za-z0-9_.@-])@([A-Za-z0-9_.-]{3,32})/g;

let actions = {};
/** `{reply, edit, remove, react, jump}`, each taking the message (react also the emoji). */
export const onAction = (handlers) => { actions = handlers; };

export const mentionsMe = (message) => !!state.me && (message.mentions || []).some((u) => sameUser(u, state.me.username));

/**
 * The text as Markdown's safe subset (markdown.js), with each `@name` the server listed as a mention
 * in its own span (the reader's stands out); never inside code or a link's target.
 */
export function textWithMentions(message) {
  const listed = new Set((message.mentions || []).map((u) => u.toLowerCase()));
  return render(message.text, (plain) => mentionsIn(plain, listed));
}

function mentionsIn(text, listed) {
  if (!listed.size) return [text];
  const parts = [];
  let at = 0;
  for (const match of text.matchAll(MENTION)) {
    const name = match[2].replace(/[.-]+$/, "");
    if (!listed.has(name.toLowerCase()) && !listed.has(match[2].toLowerCase())) continue;
    const start = match.index + match[1].length;
    parts.push(text.slice(at, start));
    const me = state.me && sameUser(name, state.me.username);
    parts.push(el("span", { class: me ? "mention mention-me" : "mention", "data-testid": "mention" }, `@${name}`));
    at = start + 1 + name.length;
  }
  parts.push(text.slice(at));
  return parts;
}

/** Above a reply: who said what it answers; a click jumps there, loading history if needed. */
export function quote(message, conv) {
  if (!message.replyTo) return null;
  const original = conv.messages.find((m) => m.id === message.replyTo);
  const label = !original ? "an earlier message"
    : original.deleted ? "a deleted message" : `${nameOf(original.from)}: ${summary(original).slice(0, 120)}`;
  return el("button", { type: "button", class: "msg-quote", "data-testid": "quote", "data-reply-to": message.replyTo,
    onclick: () => actions.jump(message.replyTo) }, el("span", { class: "quote-mark", "aria-hidden": "true" }, "↪"), label);
}

/** A message in a line: its text, or the names of its files when it has none. */
export const summary = (message) => message.text || (message.files || []).map((f) => `📎 ${f.name}`).join(", ");

export function reactions(message) {
  if (!message.reactions || !message.reactions.length) return null;
  return el("div", { class: "reactions", "data-testid": "reactions" }, message.reactions.map((r) => {
    const mine = state.me && r.users.some((u) => sameUser(u, state.me.username));
    return el("button", { type: "button", class: mine ? "reaction mine" : "reaction", "data-testid": "reaction", "data-emoji": r.emoji,
      "aria-pressed": mine ? "true" : "false", title: r.users.join(", ") + (r.count > r.users.length ? ` and ${r.count - r.users.length} more` : ""),
      onclick: () => actions.react(message, r.emoji, !mine) }, el("span", {}, r.emoji), el("span", { class: "reaction-count" }, r.count));
  }));
}

/** A second click confirms: no modal for a small, visible act. */
function confirmThen(button, act) {
  if (button.dataset.armed) return act();
  button.dataset.armed = "1";
  button.textContent = "Delete?";
  button.classList.add("armed");
}

/** Reply and react on every stored message; edit on one's own; delete on one's own, on any in a room one moderates, and a server admin's in any room. */
export function toolbar(message) {
  if (!message.id || message.deleted) return null;
  const own = state.me && sameUser(message.from, state.me.username);
  const role = message.room ? state.rooms.get(message.room)?.role : null;
  const deletes = own || role === "owner" || role === "moderator" || Boolean(message.room && state.me?.admin);
  const picker = el("div", { class: "emoji-picker", "data-testid": "emoji-picker", hidden: true },
    QUICK_EMOJI.map((emoji) => el("button", { type: "button", class: "emoji", "data-emoji": emoji, "aria-label": `React ${emoji}`,
      onclick: () => { picker.hidden = true; actions.react(message, emoji, true); } }, emoji)));
  return el("div", { class: "msg-actions" },
    el("button", { type: "button", title: "Reply", "data-testid": "action-reply", onclick: () => actions.reply(message) }, "↩"),
    el("button", { type: "button", title: "React", "data-testid": "action-react", onclick: () => { picker.hidden = !picker.hidden; } }, "☺"),
    own ? el("button", { type: "button", title: "Edit", "data-testid": "action-edit", onclick: () => actions.edit(message) }, "✎") : null,
    deletes ? el("button", { type: "button", title: "Delete", "data-testid": "action-delete", onclick: (event) => confirmThen(event.currentTarget, () => actions.remove(message)) }, "🗑") : null,
    picker);
}
