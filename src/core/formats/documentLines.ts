// An open document's lines, kept across the editor's edits: after a keystroke only the edited lines are split and
// classified again (see SourceLines.afterChanges), so re-reading a megabyte prompt costs little more than a small one.
// The parse itself stays a pure function of the text; this only hands it lines it would have built the same.
import type { TextChange } from '../tokenize/incremental';
import { SourceLines } from './lines';

export class DocumentLines {
  private current: SourceLines | undefined;

  /** Follow one change event; `text` is the document's text after it. */
  applyChanges(changes: readonly TextChange[], text: string): void {
    this.current = this.current?.afterChanges(changes, text);
  }

  /** The lines of `text`: those followed through the edits when they are this text's, else read afresh. */
  linesOf(text: string): SourceLines {
    if (this.current?.text !== text) this.current = new SourceLines(text);
    return this.current;
  }
}
