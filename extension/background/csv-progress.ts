type State = 'fieldStart' | 'unquoted' | 'quoted' | 'quoteInQuoted';

/**
 * Counts the interactions of a recordings CSV as it streams in, chunk by chunk (a chunk may end
 * anywhere: inside a quoted cell, between CR and LF). It reads RFC 4180 just enough to find each
 * record's first cell, `interaction_id`, and skips the header row. The export lists an
 * interaction's rows together (interactions newest first, their messages oldest first: see
 * shared/api/recordings.ts), so counting changes of id counts distinct ids in constant memory.
 */
export class CsvProgress {
  private state: State = 'fieldStart';
  private field = 0;
  private first = '';
  private recordHasContent = false;
  private header = true;
  private lastId: string | null = null;
  /** Distinct interactions seen so far. */
  count = 0;

  push(text: string): void {
    for (const ch of text) this.step(ch);
  }

  /** The stream ended: a last record without a line break still counts. */
  end(): void {
    this.endRecord();
  }

  private step(ch: string): void {
    switch (this.state) {
      case 'quoted':
        if (ch === '"') this.state = 'quoteInQuoted';
        else this.append(ch);
        return;
      case 'quoteInQuoted':
        if (ch === '"') {
          this.append('"');
          this.state = 'quoted';
          return;
        }
        break; // the quoted cell ended: read `ch` as after any cell
      default:
        break;
    }
    if (ch === ',') {
      this.field++;
      this.recordHasContent = true;
      this.state = 'fieldStart';
    } else if (ch === '\n') this.endRecord();
    else if (ch === '\r') {
      // part of CRLF, or a stray CR: neither belongs to a cell
    } else if (ch === '"' && this.state === 'fieldStart') {
      this.recordHasContent = true;
      this.state = 'quoted';
    } else {
      this.append(ch);
      this.state = 'unquoted';
    }
  }

  private append(ch: string): void {
    this.recordHasContent = true;
    // Ids are short; a malformed first cell must not grow without bound.
    if (this.field === 0 && this.first.length < 200) this.first += ch;
  }

  private endRecord(): void {
    if (this.recordHasContent) {
      if (this.header) this.header = false;
      else if (this.first !== this.lastId) {
        this.lastId = this.first;
        this.count++;
      }
    }
    this.state = 'fieldStart';
    this.field = 0;
    this.first = '';
    this.recordHasContent = false;
  }
}
