// Entry point: global styles, the stored language on <html>, then the app.
import { mount } from "svelte";
import App from "./App.svelte";
import { ledgerLock } from "./screens/unlock/lock.svelte";
import { i18n } from "./lib/i18n/locale.svelte";
import "./lib/ui/fonts.css";
import "./lib/ui/tokens.css";
import "./lib/ui/base.css";

i18n.apply();

const target = document.getElementById("app");
if (!target) throw new Error("index.html has no #app element");

// An encrypted ledger is asked about first, so nothing behind the unlock screen starts loading.
export default ledgerLock.check().then(() => mount(App, { target }));
