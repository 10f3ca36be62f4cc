// Building DOM nodes without innerHTML: text always goes through textContent, so nothing the usage file or a model
// name contains can become markup, and no inline style is ever written (the CSP forbids it).

type Child = Node | string | undefined | false;

export interface ElementProps {
  className?: string;
  id?: string;
  /** Plain attributes (aria-*, data-*, type, min, …). */
  attrs?: Record<string, string>;
  text?: string;
}

export function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  props: ElementProps = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.id) node.id = props.id;
  for (const [name, value] of Object.entries(props.attrs ?? {})) node.setAttribute(name, value);
  if (props.text !== undefined) node.textContent = props.text;
  for (const child of children) {
    if (child === undefined || child === false) continue;
    node.append(typeof child === 'string' ? doc.createTextNode(child) : child);
  }
  return node;
}

export function clear(node: Element): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}

/** Replaces a container's children. */
export function fill(node: Element, ...children: Child[]): void {
  clear(node);
  for (const child of children) {
    if (child === undefined || child === false) continue;
    node.append(typeof child === 'string' ? node.ownerDocument.createTextNode(child) : child);
  }
}
