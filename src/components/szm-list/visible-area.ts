/**
 * Which part of a scrolling box is on screen. The box may scroll itself (a list with a max
 * height) or sit in a scrolling ancestor (the element's panel sets no max height and scrolls the
 * tab instead), so the box's own area is clipped by every clipping ancestor, across shadow
 * roots, and by the window. A Lit controller: it listens while the host is connected and tells
 * the host when the area may have changed.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The visible part of the box's content, in px from the top of its content (scroll included). */
export interface Visible {
  top: number;
  bottom: number;
}

/** The element's parent in the flat tree: its slot, its parent, or its shadow root's host. */
function flatParent(el: Element): Element | null {
  if (el.assignedSlot) return el.assignedSlot;
  if (el.parentElement) return el.parentElement;
  const root = el.parentNode;
  return root instanceof ShadowRoot ? root.host : null;
}

function clips(el: Element): boolean {
  const s = getComputedStyle(el);
  return s.overflowY !== 'visible' || s.overflowX !== 'visible';
}

export class VisibleArea implements ReactiveController {
  /** The clipping ancestors, found on the first `measure` (null until then). */
  private ancestors: Element[] | null = null;
  private observed: Element | null = null;
  private readonly resize = new ResizeObserver(() => this.changed());
  private readonly onScroll = () => this.changed();

  /**
   * @param host The element.
   * @param box The scrolling box (it may be re-created by a render).
   * @param changed Called on any scroll or resize that may move the visible part.
   */
  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly box: () => HTMLElement | null,
    private readonly changed: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.ancestors = null;
    window.addEventListener('scroll', this.onScroll, { passive: true });
    window.addEventListener('resize', this.onScroll, { passive: true });
  }

  /**
   * Finds the clipping ancestors and listens to their scrolling and resizing. Done on the first
   * `measure`, which lays the page out anyway, rather than on connecting, where reading their
   * computed styles would force a style pass in the middle of the first render.
   */
  private findAncestors(): Element[] {
    const ancestors: Element[] = [];
    for (let el = flatParent(this.host); el && el !== document.documentElement; el = flatParent(el)) {
      if (!clips(el)) continue;
      ancestors.push(el);
      el.addEventListener('scroll', this.onScroll, { passive: true });
      this.resize.observe(el);
    }
    return ancestors;
  }

  hostDisconnected(): void {
    for (const el of this.ancestors ?? []) el.removeEventListener('scroll', this.onScroll);
    this.ancestors = null;
    this.observed = null;
    this.resize.disconnect();
    window.removeEventListener('scroll', this.onScroll);
    window.removeEventListener('resize', this.onScroll);
  }

  hostUpdated(): void {
    const box = this.box();
    if (box === this.observed) return;
    if (this.observed) this.resize.unobserve(this.observed);
    if (box) this.resize.observe(box);
    this.observed = box;
  }

  /** The visible part of the box, or null when none of it is on screen (hidden, scrolled away). */
  measure(): Visible | null {
    const box = this.box();
    if (!box?.isConnected) return null;
    this.ancestors ??= this.findAncestors();
    const rect = box.getBoundingClientRect();
    const origin = rect.top + box.clientTop;
    let top = Math.max(origin, 0);
    let bottom = Math.min(origin + box.clientHeight, window.innerHeight);
    for (const el of this.ancestors) {
      const r = el.getBoundingClientRect();
      top = Math.max(top, r.top + el.clientTop);
      bottom = Math.min(bottom, r.top + el.clientTop + el.clientHeight);
    }
    if (bottom <= top || rect.width === 0) return null;
    return { top: top - origin + box.scrollTop, bottom: bottom - origin + box.scrollTop };
  }
}
