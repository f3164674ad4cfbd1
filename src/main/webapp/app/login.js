// The sign-in view: sign in, create an account (then sign in), or join as a guest.
import { api, ApiError, token } from "./api.js";
import { $ } from "./dom.js";

const TITLES = { login: "Welcome back", register: "Create your account", guest: "Join as a guest" };
const BUTTONS = { login: "Sign in", register: "Create account", guest: "Join as guest" };
let mode = "login";
let signedIn = () => {};

export function setUpLogin(onSignedIn) {
  signedIn = onSignedIn;
  document.querySelectorAll(".tabs [role=tab]").forEach((tab) => tab.addEventListener("click", () => setMode(tab.dataset.mode)));
  $("login-form").addEventListener("submit", submit);
  setMode("login");
}

/** Shows the sign-in view, with a notice (why the last session ended) when there is one. */
export function showLogin(notice) {
  $("app-view").hidden = true;
  $("login-view").hidden = false;
  $("login-notice").hidden = !notice;
  $("login-notice").textContent = notice || "";
  $("login-error").textContent = "";
  $("login-password").value = "";
  document.title = "Sign in · Parley";
  $("login-username").focus();
}

function setMode(next) {
  mode = next;
  document.querySelectorAll(".tabs [role=tab]").forEach((tab) => tab.setAttribute("aria-selected", String(tab.dataset.mode === mode)));
  document.querySelectorAll("#login-form [data-for]").forEach((node) => { node.hidden = !node.dataset.for.split(" ").includes(mode); });
  $("login-title").textContent = TITLES[mode];
  $("login-submit").textContent = BUTTONS[mode];
  $("login-password").autocomplete = mode === "register" ? "new-password" : "current-password";
  $("login-error").textContent = "";
}

function problem() {
  const username = $("login-username").value.trim();
  const password = $("login-password").value;
  if (!/^[A-Za-z0-9_.-]{3,32}$/.test(username)) return "Usernames are 3 to 32 letters, digits, dots, dashes or underscores.";
  if (mode !== "guest" && (password.length < 8 || password.length > 128)) return "Passwords are 8 to 128 characters.";
  return null;
}

async function submit(event) {
  event.preventDefault();
  const invalid = problem();
  if (invalid) {
    $("login-error").textContent = invalid;
    return;
  }
  const username = $("login-username").value.trim();
  const password = $("login-password").value;
  $("login-submit").disabled = true;
  $("login-error").textContent = "";
  try {
    let login;
    if (mode === "guest") {
      login = await api("POST", "api/auth/guest", { username });
    } else {
      if (mode === "register") {
        const displayName = $("login-display-name").value.trim();
        await api("POST", "api/auth/register", { username, password, ...(displayName ? { displayName } : {}) });
      }
      login = await api("POST", "api/auth/login", { username, password });
    }
    token.set(login.token);
    $("login-password").value = "";
    $("login-notice").hidden = true;
    signedIn(login.user);
  } catch (error) {
    $("login-error").textContent = explain(error);
  } finally {
    $("login-submit").disabled = false;
  }
}

function explain(error) {
  if (!(error instanceof ApiError)) return "Something went wrong. Try again.";
  switch (error.code) {
    case "unauthorized": return "Wrong username or password.";
    case "conflict": return mode === "guest" ? "That name is taken, by a registered user or another guest. Pick another." : "That username is taken.";
    case "rate_limited": return "Too many attempts. Wait a few minutes and try again.";
    case "forbidden": return mode === "guest" ? "Guest access is turned off on this server." : error.message;
    default: return error.message || "Something went wrong. Try again.";
  }
}
