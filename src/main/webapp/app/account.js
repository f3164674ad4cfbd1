// The account view: display name, password, the people blocked, downloading one's data, deleting the
// account; and blocking from a direct conversation.
import { api } from "./api.js";
import { download } from "./download.js";
import { $, ago, avatar, el } from "./dom.js";
import { errorToast, toast } from "./notify.js";
import { changed, learnName, state } from "./store.js";

let ended = () => {};

/** `onDeleted(notice)` signs the page out once the account is gone. */
export function setUpAccount({ onDeleted }) {
  ended = onDeleted;
  $("profile-form").addEventListener("submit", rename);
  $("password-form").addEventListener("submit", changePassword);
  $("delete-account").addEventListener("click", () => {
    $("delete-error").textContent = "";
    $("delete-password").value = "";
    $("delete-dialog").showModal();
    (state.me.guest ? $("delete-keep") : $("delete-password")).focus();
  });
  $("delete-cancel").addEventListener("click", () => $("delete-dialog").close());
  $("delete-keep").addEventListener("click", () => $("delete-dialog").close());
  $("delete-form").addEventListener("submit", deleteAccount);
  $("download-data").addEventListener("click", downloadData);
}

/** GET /api/users/me/export, saved as a file. */
async function downloadData() {
  const button = $("download-data");
  button.disabled = true;
  $("download-status").textContent = "Preparing…";
  try {
    await download("api/users/me/export", `parley-export-${state.me.username}.json`);
    $("download-status").textContent = "Downloaded";
  } catch (error) {
    $("download-status").textContent = "";
    errorToast(error.message);
  } finally {
    button.disabled = false;
  }
}

/** Fills the view from what the page knows, then the block list from the server. */
export function showAccount() {
  const me = state.me;
  $("account-title").textContent = me.displayName || me.username;
  $("account-handle").textContent = `@${me.username}`;
  $("account-kind").textContent = me.guest ? "Guest" : "Registered";
  $("account-avatar").replaceWith(Object.assign(avatar(me.username, me.displayName), { id: "account-avatar", className: "avatar avatar-large" }));
  $("profile-display-name").value = me.displayName || "";
  $("profile-display-name").placeholder = me.username;
  for (const id of ["profile-error", "profile-saved", "password-error", "password-saved"]) $(id).textContent = "";
  document.querySelectorAll("[data-registered]").forEach((node) => { node.hidden = me.guest; });
  renderBlocked();
  loadBlocks();
}

/** The people this user blocks, as the server lists them; kept in the store for the DM header. */
export async function loadBlocks() {
  try {
    const blocked = await api("GET", "api/users/me/blocks");
    state.blocked = new Map(blocked.map((b) => [b.username.toLowerCase(), b]));
    renderBlocked();
    changed();
  } catch (error) {
    if (error.status !== 401) errorToast(error.message);
  }
}

export const isBlocked = (username) => state.blocked.has(username.toLowerCase());

export async function block(username) {
  try {
    await api("PUT", `api/users/me/blocks/${encodeURIComponent(username)}`);
    toast({ title: "Blocked", text: `@${username} can no longer send you direct messages.` });
    await loadBlocks();
  } catch (error) {
    errorToast(error.message);
  }
}

export async function unblock(username) {
  try {
    await api("DELETE", `api/users/me/blocks/${encodeURIComponent(username)}`);
    await loadBlocks();
  } catch (error) {
    errorToast(error.message);
  }
}

function renderBlocked() {
  const list = $("blocked-list");
  const blocked = [...state.blocked.values()];
  list.replaceChildren(...(blocked.length ? blocked.map((b) => el("li", { "data-testid": `blocked-${b.username}` },
    avatar(b.username, b.displayName),
    el("div", { class: "blocked-who" }, el("strong", {}, b.displayName || b.username),
      el("small", {}, `@${b.username} · blocked ${ago(b.blockedAt)}`)),
    el("button", { type: "button", class: "btn btn-ghost btn-small", "data-testid": `unblock-${b.username}`,
      onclick: () => unblock(b.username) }, "Unblock")))
    : [el("li", { class: "blocked-empty" }, "You haven't blocked anyone.")]));
}

async function rename(event) {
  event.preventDefault();
  const displayName = $("profile-display-name").value;
  $("profile-error").textContent = "";
  $("profile-saved").textContent = "";
  $("profile-save").disabled = true;
  try {
    const { user } = await api("PATCH", "api/users/me", { displayName });
    state.me = user;
    learnName(user.username, user.displayName);
    $("me-name").textContent = user.displayName;
    $("me-avatar").replaceWith(Object.assign(avatar(user.username, user.displayName), { id: "me-avatar" }));
    showAccount();
    $("profile-saved").textContent = "Saved";
    changed();
  } catch (error) {
    $("profile-error").textContent = error.message;
  } finally {
    $("profile-save").disabled = false;
  }
}

async function changePassword(event) {
  event.preventDefault();
  const currentPassword = $("password-current").value;
  const newPassword = $("password-new").value;
  const endOtherSessions = $("password-end-others").checked;
  $("password-saved").textContent = "";
  if (!currentPassword) return void ($("password-error").textContent = "Enter your current password.");
  if (newPassword.length < 8 || newPassword.length > 128) return void ($("password-error").textContent = "New passwords are 8 to 128 characters.");
  $("password-error").textContent = "";
  $("password-save").disabled = true;
  try {
    await api("PUT", "api/users/me/password", { currentPassword, newPassword, endOtherSessions }, { checksPassword: true });
    $("password-current").value = "";
    $("password-new").value = "";
    $("password-saved").textContent = endOtherSessions ? "Password changed; your other sessions were signed out" : "Password changed";
  } catch (error) {
    $("password-error").textContent = error.status === 401 ? "That is not your current password."
      : error.status === 429 ? "Too many wrong passwords. Try again later." : error.message;
  } finally {
    $("password-save").disabled = false;
  }
}

async function deleteAccount(event) {
  event.preventDefault();
  const password = $("delete-password").value;
  if (!state.me.guest && !password) return void ($("delete-error").textContent = "Enter your password to confirm.");
  try {
    await api("POST", "api/users/me/delete", state.me.guest ? {} : { password }, { checksPassword: true });
    $("delete-dialog").close();
    ended("Your account was deleted.");
  } catch (error) {
    $("delete-error").textContent = error.status === 401 ? "That is not your password."
      : error.status === 429 ? "Too many wrong passwords. Try again later." : error.message;
  }
}
