// Which screen is showing. Two screens today; no URL is needed inside the window.
export type Screen = "dashboard" | "settings";

class Router {
  screen: Screen = $state("dashboard");
  /** A part of the screen to bring into view (the id of a Card), if any. */
  section: string | null = $state(null);
  /** Bumped on every navigation the user asked for, so the shell can move focus to the new page. */
  visits = $state(0);

  go(screen: Screen, section: string | null = null): void {
    this.screen = screen;
    this.section = section;
    this.visits += 1;
  }
}

/** The app's one router. */
export const router = new Router();
