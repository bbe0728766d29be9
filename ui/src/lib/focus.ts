// Where the keyboard lands after the page changed under it. Both wait for the
// next render, since the element to focus is often the one just drawn.
import { tick } from "svelte";

/** Focus the control named `name` inside `container` (a form's field with a problem). */
export async function focusNamed(container: HTMLElement | undefined, name: string): Promise<void> {
  await tick();
  container?.querySelector<HTMLElement>(`[name="${name}"]`)?.focus();
}

/** Focus the page title inside `container`, as a navigation would (a form opened or closed in place). */
export async function focusTitle(container: HTMLElement | undefined): Promise<void> {
  await tick();
  container?.querySelector<HTMLElement>("h1")?.focus();
}
