// What the component tests share: an element to mount into for each test
// (unmounted and removed after it), a way to let the component's promises and
// effects settle, and the user's gestures on it. jsdom has no layout, so a
// ResizeObserver that observes nothing stands in for the real one.
import { flushSync, mount, tick, unmount, type Component } from "svelte";
import { afterEach, beforeEach } from "vitest";
import { ApiError, toApiError } from "../lib/errors";

globalThis.ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};

/** The mocked api module: the test's command mocks, and the real error type. */
export function withApiErrors<T extends object>(commands: T): T & { ApiError: typeof ApiError; toApiError: typeof toApiError } {
  return { ...commands, ApiError, toApiError };
}

/** A fresh element for each test of the file to mount a component into. */
export function useScreen() {
  let target: HTMLElement | undefined;
  let shown: ReturnType<typeof mount> | undefined;

  beforeEach(() => {
    target = document.createElement("div");
    document.body.append(target);
  });

  afterEach(() => {
    if (shown) unmount(shown);
    shown = undefined;
    target?.remove();
  });

  return {
    get target(): HTMLElement {
      if (!target) throw new Error("useScreen's target exists only inside a test");
      return target;
    },
    /** Mount the component for this test (unmounted after it) and run its effects. */
    mount<Props extends Record<string, unknown>>(component: Component<Props>, props?: Props): void {
      shown = mount(component, { target: this.target, props: props ?? ({} as Props) });
      flushSync();
    },
    /** Mount it and let its promises settle (the backend mocks answer asynchronously). */
    async show<Props extends Record<string, unknown>>(component: Component<Props>, props?: Props): Promise<void> {
      this.mount(component, props);
      await settle();
    },
  };
}

/** Let pending promises, timers of `ms` and effects run (the backend mocks answer asynchronously). */
export async function settle(ms = 0): Promise<void> {
  if (ms) await new Promise((resolve) => setTimeout(resolve, ms));
  for (let i = 0; i < 6; i++) {
    await tick();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  flushSync();
}

export const byTestId = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`);

/** The trimmed text of the element with this test id ("" when there is none). */
export const text = (id: string) => byTestId(id)?.textContent?.trim() ?? "";

/** Type into the control named `name`, then leave it. */
export function type(name: string, value: string): void {
  const input = document.querySelector<HTMLInputElement>(`[name="${name}"]`);
  if (!input) throw new Error(`no input named ${name}`);
  input.value = value;
  input.dispatchEvent(new Event("input", { bubbles: true }));
  input.dispatchEvent(new FocusEvent("blur"));
  flushSync();
}

/** Click the element with this test id and let the screen settle. */
export async function click(id: string): Promise<void> {
  const element = byTestId(id);
  if (!element) throw new Error(`no element ${id}`);
  element.click();
  await settle();
}
