import type { ImportLineError } from './api-types';

export const WATCHLIST_CSV_HEADER = 'kind,target,value,reason,expiresAt';

export interface CsvChunk {
  /** The header line followed by this chunk's data lines. */
  csv: string;
  /** Line number (1-based, in the original file) of the chunk's first data line. */
  firstLine: number;
  lines: number;
}

/**
 * Splits a CSV file into requests of at most `size` data lines, each with the header, so that a
 * large import shows progress and no single request is too big. Blank lines are kept in place so
 * that line numbers stay those of the file the officer has open.
 */
export function splitCsv(text: string, size = 500): { header: string; chunks: CsvChunk[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = (lines.shift() ?? '').trim();
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  const chunks: CsvChunk[] = [];
  for (let start = 0; start < lines.length; start += size) {
    const part = lines.slice(start, start + size);
    chunks.push({ csv: [header, ...part].join('\n'), firstLine: start + 2, lines: part.length });
  }
  return { header, chunks };
}

/** The server numbers lines within the chunk it got (header = 1); map them back to the file's. */
export function fileLineErrors(chunk: CsvChunk, errors: ImportLineError[]): ImportLineError[] {
  return errors.map((error) => ({ ...error, line: error.line > 1 ? chunk.firstLine + error.line - 2 : error.line }));
}
