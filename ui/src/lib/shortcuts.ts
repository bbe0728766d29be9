// Keyboard shortcuts (Ctrl+S save, Ctrl+N new, Ctrl+K search, Ctrl+P print). A
// letter is matched by the character the key types or by the key's position
// (KeyS), so each shortcut also works on a Persian layout, where that key types «س».

/** Ctrl (⌘ on a Mac) with `letter` (lower case), and no Alt. */
export function isShortcut(event: KeyboardEvent, letter: string): boolean {
  const ctrl = (event.ctrlKey || event.metaKey) && !event.altKey;
  return ctrl && (event.key.toLowerCase() === letter || event.code === `Key${letter.toUpperCase()}`);
}
