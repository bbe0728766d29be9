// Which screen is showing; no URL is needed inside the window.
/** The screens the navigation rail lists. */
export type NavScreen = "dashboard" | "settings" | "statute" | "members" | "shares" | "production" | "meetings" | "year" | "sync";
/**
 * Every screen: the rail's, a member's file (target = membership number), and the
 * print previews, which show only the document (target = certificate serial or
 * membership number).
 */
export type Screen = NavScreen | "member" | "meeting" | "print-certificate" | "print-statement" | MeetingPrint | YearPrint;

/** The meeting's paper kit and minutes, each a print preview (target = meeting number). */
export type MeetingPrint = "print-notice" | "print-attendance" | "print-ballot" | "print-tally" | "print-minutes";

/**
 * The year-end papers (target = fiscal year): the distribution table for the assembly, and one
 * member's slip (the member in `router.member`).
 */
export type YearPrint = "print-proposal" | "print-slip";

/** Whether a screen is a print preview, which shows only its document. */
export function isPrintScreen(screen: Screen): boolean {
  return screen.startsWith("print-");
}

/** A place to come back to. */
type Place = { screen: Screen; target: number | null; member: number | null };

/** The rail item a screen belongs to (a member's file is under «اعضا»). */
const AREA: Partial<Record<Screen, NavScreen>> = { member: "members", meeting: "meetings" };

class Router {
  screen: Screen = $state("dashboard");
  /** A part of the screen to bring into view (the id of a Card), if any. */
  section: string | null = $state(null);
  /** The record a screen is about: a membership number or a certificate serial. */
  target: number | null = $state(null);
  /** A member inside the record (a year's slip: the membership number), when the screen needs one. */
  member: number | null = $state(null);
  /** Bumped on every navigation the user asked for, so the shell can move focus to the new page. */
  visits = $state(0);
  /** The last navigation was back(): a screen may restore what it showed (its filter). */
  returned = $state(false);
  #trail: Place[] = [];

  /** The rail item to mark as current. */
  get area(): NavScreen | null {
    const screen = this.screen;
    return AREA[screen] ?? (isPrintScreen(screen) ? null : (screen as NavScreen));
  }

  go(screen: Screen, section: string | null = null): void {
    this.#trail = [];
    this.returned = false;
    this.screen = screen;
    this.section = section;
    this.target = null;
    this.member = null;
    this.visits += 1;
  }

  /** Open a screen about one record (and a member in it); back() returns to where the user was. */
  open(screen: Screen, target: number, member: number | null = null): void {
    this.#trail.push({ screen: this.screen, target: this.target, member: this.member });
    if (this.#trail.length > 20) this.#trail.shift();
    this.returned = false;
    this.screen = screen;
    this.section = null;
    this.target = target;
    this.member = member;
    this.visits += 1;
  }

  /** Return to the screen open() left, or to `fallback` when there is none. */
  back(fallback: Screen = "dashboard"): void {
    const place = this.#trail.pop() ?? { screen: fallback, target: null, member: null };
    this.returned = true;
    this.screen = place.screen;
    this.section = null;
    this.target = place.target;
    this.member = place.member;
    this.visits += 1;
  }
}

/** The app's one router. */
export const router = new Router();
