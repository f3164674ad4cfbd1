// A room's incoming webhooks, a part of its people dialog shown to those who moderate the room (and
// server admins; only they, in feed): the list, making one (its URL is shown this once, with a Copy
// button and a ready curl line) and deleting one. The server decides who may; this only hides the part.
import { api } from "./api.js";
import { $, ago, el } from "./dom.js";
import { errorToast } from "./notify.js";

const path = (room) => `api/rooms/${encodeURIComponent(room)}/webhooks`;

export function setUpWebhooks() {
  $("webhook-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const room = $("people-dialog").dataset.room;
    const name = $("webhook-name").value.trim();
    if (!name) return void ($("webhook-error").textContent = "Give the webhook a name, such as CI or Monitoring.");
    $("webhook-submit").disabled = true;
    try {
      const made = await api("POST", path(room), { name });
      $("webhook-name").value = "";
      $("webhook-error").textContent = "";
      showMade(made);
      await renderWebhooks(room);
    } catch (error) {
      $("webhook-error").textContent = error.message;
    } finally {
      $("webhook-submit").disabled = false;
    }
  });
  $("webhook-copy").addEventListener("click", () => copy($("webhook-url")));
}

/** Shows the part (or hides it, for those who may not manage webhooks) and lists the room's. */
export async function showWebhooks(room, manages) {
  $("webhooks-part").hidden = !manages;
  $("webhook-made").hidden = true;
  $("webhook-url").value = "";
  $("webhook-error").textContent = "";
  if (manages) await renderWebhooks(room);
}

/**
 * The new webhook's URL, this once. Its path from the server, on this page's own origin: the address
 * people reach Parley at, even behind a proxy Parley was not told about.
 */
function showMade(made) {
  const url = location.origin + new URL(made.url, location.href).pathname;
  $("webhook-made-name").textContent = made.name;
  $("webhook-url").value = url;
  $("webhook-curl").textContent = `curl -X POST -H 'Content-Type: application/json' -d '{"text":"Hello from ${made.name.replace(/[^A-Za-z0-9 _.-]/g, "")}"}' ${url}`;
  $("webhook-made").hidden = false;
  $("webhook-made").scrollIntoView({ block: "nearest" });
  $("webhook-url").select();
}

async function copy(input) {
  try {
    await navigator.clipboard.writeText(input.value);
  } catch {
    input.select(); // no clipboard API outside a secure context: the old way
    document.execCommand("copy");
  }
  $("webhook-copy").textContent = "Copied";
  setTimeout(() => { $("webhook-copy").textContent = "Copy"; }, 1500);
}

async function renderWebhooks(room) {
  let hooks;
  try {
    hooks = await api("GET", path(room));
  } catch (error) {
    $("webhook-list").replaceChildren(el("li", { class: "side-empty" }, error.message));
    return;
  }
  if ($("people-dialog").dataset.room !== room) return; // another room's dialog opened meanwhile
  $("webhook-list").replaceChildren(...(hooks.length ? hooks.map((hook) => el("li", { class: "webhook", "data-testid": `webhook-${hook.name}` },
    el("span", { class: "label" }, el("strong", { class: "webhook-name" }, hook.name),
      el("small", {}, `by @${hook.createdBy ?? "?"} · ${ago(hook.createdAt)}`)),
    el("button", { type: "button", class: "btn btn-ghost btn-small", "data-testid": "delete-webhook",
      onclick: (event) => confirmDelete(event.currentTarget, room, hook) }, "Delete")))
    : [el("li", { class: "side-empty" }, "No webhooks yet.")]));
}

/** A second click confirms; the URL stops working at once. */
async function confirmDelete(button, room, hook) {
  if (!button.dataset.armed) {
    button.dataset.armed = "1";
    button.textContent = "Delete? It stops at once";
    button.classList.add("armed");
    return;
  }
  try {
    await api("DELETE", `${path(room)}/${hook.id}`);
  } catch (error) {
    errorToast(error.message);
  }
  await renderWebhooks(room);
}
