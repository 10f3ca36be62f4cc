// Export buttons: each format saved to a file the user picks (the host opens the save dialog and writes it) or
// copied to the clipboard (through the host too: the webview's own clipboard needs a permission it may not have).
import { el } from './dom';
import { EXPORT_FORMATS, type ExportFormat } from './protocol';

const LABELS: Record<ExportFormat, string> = { json: 'JSON', csv: 'CSV', markdown: 'Markdown' };

export class ExportBar {
  readonly element: HTMLElement;
  private readonly buttons: HTMLButtonElement[] = [];
  private readonly status: HTMLElement;

  constructor(doc: Document, onExport: (format: ExportFormat, to: 'file' | 'clipboard') => void) {
    const groups = EXPORT_FORMATS.map((format) => {
      const save = el(doc, 'button', {
        attrs: { type: 'button', 'data-export': format, 'data-to': 'file' },
        text: `Save ${LABELS[format]}…`,
      });
      const copy = el(doc, 'button', {
        className: 'secondary',
        attrs: { type: 'button', 'data-export': format, 'data-to': 'clipboard' },
        text: `Copy ${LABELS[format]}`,
      });
      save.addEventListener('click', () => onExport(format, 'file'));
      copy.addEventListener('click', () => onExport(format, 'clipboard'));
      this.buttons.push(save, copy);
      return el(doc, 'div', { className: 'export-group' }, save, copy);
    });
    this.status = el(doc, 'p', { className: 'export-status', attrs: { role: 'status', 'aria-live': 'polite' } });
    this.element = el(doc, 'div', { className: 'export-bar' }, ...groups, this.status);
    this.setEnabled(false);
  }

  setEnabled(enabled: boolean): void {
    for (const button of this.buttons) button.disabled = !enabled;
  }

  showStatus(text: string, ok: boolean): void {
    this.status.textContent = text;
    this.status.classList.toggle('error', !ok);
  }
}
