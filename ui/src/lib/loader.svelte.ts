// What a screen reads from the backend when it opens: loading, failed (with the
// error, so the screen can say why and offer «تلاش دوباره»), or ready with the
// data. The data is raw state: it is replaced by each reading, never changed in
// place, so a long register costs no deep proxies.
import { toApiError, type ApiError } from "./errors";

export type Load<T> = { status: "loading" } | { status: "failed"; error: ApiError } | { status: "ready"; data: T };

type Options<T> = {
  /** A reading that fails after one succeeded leaves the data on screen (a refresh after a write). */
  keepOnFailure?: boolean;
  /** Where to start, when the data is already at hand (ready); loading by default. */
  initial?: Load<T>;
};

export class Loader<T> {
  state: Load<T> = $state.raw({ status: "loading" });
  readonly #read: () => Promise<T>;
  readonly #keepOnFailure: boolean;

  constructor(read: () => Promise<T>, { keepOnFailure = false, initial }: Options<T> = {}) {
    this.#read = read;
    this.#keepOnFailure = keepOnFailure;
    if (initial) this.state = initial;
  }

  /** The data, once ready. */
  get data(): T | null {
    return this.state.status === "ready" ? this.state.data : null;
  }

  /** Read again. True when this reading made the screen ready (it was loading or had failed). */
  async refresh(): Promise<boolean> {
    const first = this.state.status !== "ready";
    try {
      this.state = { status: "ready", data: await this.#read() };
      return first;
    } catch (reason) {
      if (!(this.#keepOnFailure && this.state.status === "ready")) {
        this.state = { status: "failed", error: toApiError(reason) };
      }
      return false;
    }
  }

  /** «تلاش دوباره»: show the loading line and read again. */
  retry(): Promise<boolean> {
    this.state = { status: "loading" };
    return this.refresh();
  }
}
