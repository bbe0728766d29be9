// A short confirmation after an action («مشخصات تعاونی ثبت شد»). Never the only place
// an error is shown: errors stay next to what they are about.
export type ToastTone = "success" | "info";

type Toast = { id: number; message: string; tone: ToastTone };

const SHOWN_FOR_MS = 6000;

class ToastStore {
  current: Toast | null = $state(null);
  #nextId = 1;
  #timer: ReturnType<typeof setTimeout> | undefined;

  show(message: string, tone: ToastTone = "success"): void {
    clearTimeout(this.#timer);
    this.current = { id: this.#nextId++, message, tone };
    this.#timer = setTimeout(() => this.dismiss(), SHOWN_FOR_MS);
  }

  dismiss(): void {
    clearTimeout(this.#timer);
    this.current = null;
  }
}

/** The app's one toast. */
export const toast = new ToastStore();
