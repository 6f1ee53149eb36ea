/** The nonce the server put in this response's CSP (Vite's `<meta property="csp-nonce">`). */
export const styleNonce =
  document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce || undefined;

/**
 * Gives the page's nonce to every <style> element a script of the console inserts. Ant Design
 * passes the nonce itself, but some of its parts do not (the table measuring the scrollbar),
 * and under `style-src 'self' 'nonce-…'` their styles would be refused. Styles in markup that
 * someone injected are parsed, not inserted this way, so they stay refused.
 */
export function nonceInsertedStyles(nonce: string | undefined): void {
  if (!nonce) return;
  const give = <T extends Node>(node: T): T => {
    if (node instanceof HTMLStyleElement && !node.nonce) node.nonce = nonce;
    return node;
  };
  const { appendChild, insertBefore } = Node.prototype;
  Node.prototype.appendChild = function <T extends Node>(this: Node, node: T): T {
    return appendChild.call(this, give(node)) as T;
  };
  Node.prototype.insertBefore = function <T extends Node>(this: Node, node: T, child: Node | null): T {
    return insertBefore.call(this, give(node), child) as T;
  };
}
