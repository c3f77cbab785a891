/**
 * The few DOM helpers the views share. Views build their elements once and then only change what
 * differs (text, attributes, order), so a frame's update never resets a hover, a focus or an open
 * `<select>`.
 */

/** What {@link h} sets on a new element. */
export interface ElementProps {
  readonly class?: string;
  readonly text?: string;
  readonly attrs?: Readonly<Record<string, string>>;
}

/** Creates an element with a class, text and attributes, and appends the children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: ElementProps = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.class !== undefined) element.className = props.class;
  if (props.text !== undefined) element.textContent = props.text;
  for (const [name, value] of Object.entries(props.attrs ?? {})) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

/** Sets the text when it differs (no layout work for an unchanged value). */
export function setText(element: Element, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}

/** Sets (or, for undefined, removes) an attribute when it differs. */
export function setAttr(element: Element, name: string, value: string | undefined): void {
  if (value === undefined) {
    if (element.hasAttribute(name)) element.removeAttribute(name);
  } else if (element.getAttribute(name) !== value) {
    element.setAttribute(name, value);
  }
}

/**
 * Makes `container`'s children exactly `ordered`, in that order, moving only the elements that are
 * out of place (an element already in place is not touched, so its hover state survives).
 */
export function placeChildren(container: Element, ordered: readonly Element[]): void {
  ordered.forEach((element, index) => {
    if (container.children[index] !== element) {
      container.insertBefore(element, container.children[index] ?? null);
    }
  });
  while (container.children.length > ordered.length) container.lastElementChild!.remove();
}

/** How long ago something happened, for the event lists: `'just now'`, `'12 s ago'`, `'3 min ago'`. */
export function formatAgo(elapsedMs: number): string {
  const seconds = Math.max(0, Math.floor(elapsedMs / 1000));
  if (seconds < 1) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  return `${Math.floor(seconds / 60)} min ago`;
}
