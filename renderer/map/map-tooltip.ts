/** What a tooltip says: a title, a few lines, optionally a status with its colour. */
export interface TooltipText {
  title: string;
  lines: string[];
  status?: { label: string; colour: string };
}

const OFFSET_PX = 14;

/**
 * The hover tooltip, a plain DOM element updated in place: hovering moves at mouse rate, far too
 * often to go through React. Text goes in as text, never as HTML.
 */
export class MapTooltip {
  private readonly element: HTMLDivElement;
  private lastKey = '';

  constructor(private readonly container: HTMLElement) {
    this.element = document.createElement('div');
    this.element.className = 'map-tooltip';
    this.element.setAttribute('role', 'tooltip');
    this.element.dataset.testid = 'map-tooltip';
    this.element.hidden = true;
    container.appendChild(this.element);
  }

  show(x: number, y: number, text: TooltipText): void {
    const key = `${text.title}|${text.lines.join('|')}|${text.status?.label ?? ''}`;
    if (key !== this.lastKey) {
      this.lastKey = key;
      this.render(text);
    }
    this.element.hidden = false;
    const { clientWidth, clientHeight } = this.container;
    const width = this.element.offsetWidth;
    const height = this.element.offsetHeight;
    const left = x + OFFSET_PX + width > clientWidth ? x - OFFSET_PX - width : x + OFFSET_PX;
    const top = y + OFFSET_PX + height > clientHeight ? y - OFFSET_PX - height : y + OFFSET_PX;
    this.element.style.transform = `translate(${Math.max(0, left)}px, ${Math.max(0, top)}px)`;
  }

  hide(): void {
    this.element.hidden = true;
  }

  destroy(): void {
    this.element.remove();
  }

  private render(text: TooltipText): void {
    const title = document.createElement('div');
    title.className = 'map-tooltip__title';
    title.textContent = text.title;
    const children: HTMLElement[] = [title];
    for (const line of text.lines) {
      const row = document.createElement('div');
      row.className = 'map-tooltip__line';
      row.textContent = line;
      children.push(row);
    }
    if (text.status) {
      const status = document.createElement('div');
      status.className = 'map-tooltip__status';
      const dot = document.createElement('span');
      dot.className = 'status-dot';
      dot.style.background = text.status.colour;
      status.append(dot, document.createTextNode(text.status.label));
      children.push(status);
    }
    this.element.replaceChildren(...children);
  }
}
