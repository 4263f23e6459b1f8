/**
 * Streaming .xlsx: rows are written as they are read (batches), so an export never holds the
 * whole list in memory. Text cells that Excel would evaluate (= + - @) are escaped.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';

export type Cell = string | number | null;

const safe = (value: Cell): Cell => (typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

export interface XlsxStream {
  stream: PassThrough;
  /** Resolves when the workbook is complete (or rejects; the stream is destroyed then). */
  done: Promise<void>;
}

export function streamXlsx(sheetName: string, header: string[], batches: AsyncIterable<Cell[][]>): XlsxStream {
  const stream = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName);
  sheet.columns = header.map((h) => ({ header: h, width: Math.max(10, h.length * 2 + 4) }));
  const done = (async () => {
    try {
      for await (const batch of batches) {
        for (const row of batch) sheet.addRow(row.map(safe)).commit();
      }
      sheet.commit();
      await workbook.commit();
    } catch (err) {
      stream.destroy(err as Error);
      throw err;
    }
  })();
  done.catch(() => {});
  return { stream, done };
}

export const xlsxContentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** `attachment; filename*=UTF-8''…` so that Chinese file names survive. */
export const attachment = (name: string) => `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`;
