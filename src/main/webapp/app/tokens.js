// The tokens view: personal access tokens (made, shown once with a Copy button, revoked), and this
// user's bots, each with its own tokens. Guests have neither.
import { api } from "./api.js";
import { $, ago, avatar, botBadge, el } from "./dom.js";
import { errorToast, toast } from "./notify.js";
import { learnBot, state } from "./store.js";

const DAY_MS = 24 * 60 * 60 * 1000;

export function setUpTokens() {
  $("token-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const name = $("token-name").value.trim();
    const days = Number($("token-expiry").value);
    $("token-error").textContent = "";
    if (!name) {
      $("token-error").textContent = "Give the token a name, such as what will use it.";
      return;
    }
    try {
      const made = await api("POST", "api/users/me/tokens", { name, ...(days ? { expiresAt: new Date(Date.now() + days * DAY_MS).toISOString() } : {}) });
      $("token-name").value = "";
      $("token-new").replaceChildren(shown(made.token, "token-value"));
      await loadMine();
    } catch (error) {
      $("token-error").textContent = error.message;
    }
  });
  $("bot-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const username = $("bot-username").value.trim();
    const displayName = $("bot-display-name").value.trim();
    $("bot-error").textContent = "";
    try {
      const { user } = await api("POST", "api/bots", { username, ...(displayName ? { displayName } : {}) });
      learnBot(user.username, true);
      $("bot-username").value = "";
      $("bot-display-name").value = "";
      toast({ title: "Bot created", text: `@${user.username} can act once you make it a token.` });
      await loadBots();
    } catch (error) {
      $("bot-error").textContent = error.message;
    }
  });
}

/** Fills the view: the user's tokens and bots, or a word to a guest. */
export async function loadTokens() {
  const guest = state.me.guest;
  $("tokens-guest").hidden = !guest;
  document.querySelectorAll("#tokens-pane [data-registered]").forEach((node) => { node.hidden = guest; });
  for (const id of ["token-error", "bot-error"]) $(id).textContent = "";
  $("token-new").replaceChildren();
  if (guest) return;
  await Promise.all([loadMine(), loadBots()]);
}

async function loadMine() {
  try {
    const tokens = await api("GET", "api/users/me/tokens");
    $("token-list").replaceChildren(...(tokens.length ? tokens.map((t) => tokenItem(t, "api/users/me/tokens", loadMine))
      : [el("li", { class: "muted" }, "No tokens yet.")]));
  } catch (error) {
    if (error.status !== 401) $("token-list").replaceChildren(el("li", { class: "muted" }, `Could not load your tokens: ${error.message}`));
  }
}

async function loadBots() {
  try {
    const bots = await api("GET", "api/bots");
    bots.forEach((bot) => learnBot(bot.username, true));
    $("bot-list").replaceChildren(...(bots.length ? bots.map(botItem) : [el("li", { class: "muted" }, "No bots yet.")]));
    await Promise.all(bots.map((bot) => loadBotTokens(bot.username)));
  } catch (error) {
    if (error.status !== 401) $("bot-list").replaceChildren(el("li", { class: "muted" }, `Could not load your bots: ${error.message}`));
  }
}

function botItem(bot) {
  const base = `api/bots/${encodeURIComponent(bot.username)}`;
  const name = el("input", { maxlength: "64", placeholder: "Token name", "aria-label": `Name of a new token for @${bot.username}`, "data-testid": "bot-token-name" });
  const fresh = el("div", { "data-testid": "bot-token-new" });
  const make = async () => {
    if (!name.value.trim()) return errorToast("Give the token a name.");
    try {
      const made = await api("POST", `${base}/tokens`, { name: name.value.trim() });
      name.value = "";
      fresh.replaceChildren(shown(made.token, "bot-token-value"));
      await loadBotTokens(bot.username);
    } catch (error) {
      errorToast(error.message);
    }
  };
  name.addEventListener("keydown", (event) => { if (event.key === "Enter") { event.preventDefault(); make(); } });
  return el("li", { class: "bot", "data-testid": `bot-${bot.username}` },
    el("div", { class: "bot-head" },
      avatar(bot.username, bot.displayName),
      el("span", { class: "label" }, el("span", { class: "display-name" }, bot.displayName), botBadge(), el("span", { class: "handle" }, ` @${bot.username}`)),
      el("button", { type: "button", class: "btn btn-danger btn-small", "data-testid": "bot-delete",
        onclick: async (event) => {
          if (!window.confirm(`Delete @${bot.username}? Its tokens stop working and its name becomes free.`)) return;
          event.target.disabled = true;
          try {
            await api("DELETE", base);
            await loadBots();
          } catch (error) {
            event.target.disabled = false;
            errorToast(error.message);
          }
        } }, "Delete")),
    el("div", { class: "inline-form" },
      el("label", { class: "field" }, name),
      el("button", { type: "button", class: "btn btn-primary btn-small", "data-testid": "bot-token-create", onclick: make }, "New token")),
    fresh,
    el("ul", { class: "session-list", "data-testid": "bot-token-list", "data-bot": bot.username }));
}

async function loadBotTokens(username) {
  const list = document.querySelector(`[data-testid="bot-token-list"][data-bot="${CSS.escape(username)}"]`);
  if (!list) return;
  const base = `api/bots/${encodeURIComponent(username)}/tokens`;
  try {
    const tokens = await api("GET", base);
    list.replaceChildren(...tokens.map((t) => tokenItem(t, base, () => loadBotTokens(username))));
  } catch (error) {
    errorToast(error.message);
  }
}

function tokenItem(token, base, reload) {
  const used = token.lastUsedAt ? `last used ${ago(token.lastUsedAt)}` : "never used";
  const expires = token.expiresAt ? `expires ${new Date(token.expiresAt).toLocaleDateString()}` : "never expires";
  return el("li", { class: "session token-item", "data-testid": "token", "data-token-id": token.id },
    el("span", { class: "session-icon", "aria-hidden": "true" }, "🔑"),
    el("div", { class: "session-what" },
      el("strong", {}, token.name),
      el("small", {}, `made ${ago(token.createdAt)} · ${used} · ${expires}`)),
    el("button", { type: "button", class: "btn btn-danger btn-small", "data-testid": "token-revoke", "aria-label": `Revoke the token ${token.name}`,
      onclick: async (event) => {
        event.target.disabled = true;
        try {
          await api("DELETE", `${base}/${encodeURIComponent(token.id)}`);
          await reload();
        } catch (error) {
          event.target.disabled = false;
          errorToast(error.message);
        }
      } }, "Revoke"));
}

/** A token just made: shown this once, with a Copy button. */
function shown(token, testid) {
  const code = el("code", { "data-testid": testid }, token);
  const copy = el("button", { type: "button", class: "btn btn-small", "data-testid": "token-copy",
    onclick: async () => {
      try {
        await navigator.clipboard.writeText(token);
        copy.textContent = "Copied";
      } catch {
        // No clipboard (an insecure origin, or refused): select it for the person to copy.
        const range = document.createRange();
        range.selectNodeContents(code);
        window.getSelection().removeAllRanges();
        window.getSelection().addRange(range);
        copy.textContent = "Selected: copy it";
      }
    } }, "Copy");
  return el("div", { class: "token-shown", role: "status" },
    el("p", {}, "Copy this token now: it will not be shown again."),
    el("div", { class: "token-row" }, code, copy));
}
