// The paper of the document being printed. `@page` cannot be scoped to a
// component, and the build puts every component's CSS in one file; so each paper
// size is its own stylesheet (a file of this origin, as the CSP allows), linked
// while its preview is open and removed afterwards.

/** Link the stylesheet at `href` (`paper` names it, e.g. "a5"); the returned function removes it. */
export function linkPageSheet(href: string, paper: string, doc: Document = document): () => void {
  const link = doc.createElement("link");
  link.rel = "stylesheet";
  link.href = href;
  link.dataset.pageSheet = paper;
  doc.head.append(link);
  return () => link.remove();
}
