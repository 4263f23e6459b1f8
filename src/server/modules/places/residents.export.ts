/**
 * Streamed .xlsx export of the filtered resident list: rows are fetched by keyset in batches and
 * written through the streaming workbook writer, waiting for the client when the socket is slow,
 * so memory stays flat at a million rows. ID numbers and phones stay masked unless the caller
 * holds `resident.reveal` and gives a reason (then only residents in the reveal scope are
 * exported, and the export is audited with the reason).
 */
import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { AppContext } from '../../context';
import { can, type Actor } from '../../platform/auth/actor';
import { AppError } from '../../platform/errors';
import { maskIdNumber, maskPhone } from '../../platform/crypto';
import { ageOn, todayIn } from './places.checks';
import { genderLabels, relationLabels, residencyLabels, statusLabels, tagLabels } from './places.labels';
import { residentsRepository as repo, type ResidentListRow } from './residents.repository';
import type { ResidentListQuery } from './residents.schemas';
import type { ResidentsService } from './residents.service';
import { safeCell } from './residents.xlsx';

const BATCH = 2000;
/** Excel's row limit is 1,048,576 per sheet (one is the header). */
const ROWS_PER_SHEET = 1_048_575;
const heads = ['地址', '姓名', '性别', '出生日期', '年龄', '身份证号码', '联系电话', '与户主关系', '居住类型', '重点人群', '状态'];
const widths = [36, 10, 6, 12, 6, 22, 16, 12, 10, 24, 8];

export type ExportQuery = Omit<ResidentListQuery, 'cursor' | 'limit'> & { reveal?: boolean; reason?: string };

const label = <K extends string>(labels: Record<K, string>, v: string | null) => (v ? (labels[v as K] ?? v) : '');

export function createExportService(ctx: AppContext, deps: { residents: ResidentsService }) {
  const { db, audit, crypto } = ctx;

  function cells(row: ResidentListRow, reveal: boolean, today: string): string[] {
    const open = (sealed: string | null) => (sealed ? crypto.decrypt(sealed) : null);
    const id = open(row.idNumberEnc);
    const phone = open(row.phoneEnc);
    return [
      row.address ?? '',
      row.name,
      genderLabels[row.gender],
      row.birthDate ?? '',
      row.birthDate ? String(ageOn(row.birthDate, today)) : '',
      (reveal ? id : maskIdNumber(id)) ?? '',
      (reveal ? phone : maskPhone(phone)) ?? '',
      label(relationLabels, row.relationToHead),
      residencyLabels[row.residency],
      row.tags.map((t) => label(tagLabels, t)).join('、'),
      statusLabels[row.status],
    ].map(safeCell);
  }

  async function write(out: PassThrough, actor: Actor, query: ExportQuery, reveal: boolean): Promise<void> {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
    const filter = { ...deps.residents.filterOf(query), ...(reveal ? { alsoIn: 'resident.reveal' } : {}) };
    const today = todayIn();
    let sheet: ExcelJS.Worksheet | null = null;
    let inSheet = 0;
    let sheets = 0;
    let after: string | undefined;
    for (;;) {
      const batch = await repo.list(db, actor, 'resident.export', filter, { after, limit: BATCH });
      const page = batch.slice(0, BATCH);
      for (const row of page) {
        if (!sheet || inSheet === ROWS_PER_SHEET) {
          sheet?.commit();
          sheet = wb.addWorksheet(sheets++ === 0 ? '居民' : `居民${sheets}`);
          sheet.columns = widths.map((width) => ({ width }));
          sheet.addRow(heads).commit();
          inSheet = 0;
        }
        sheet.addRow(cells(row, reveal, today)).commit();
        inSheet++;
      }
      // Wait for a slow client rather than buffering the whole file.
      if (out.writableNeedDrain) await once(out, 'drain');
      if (batch.length <= BATCH) break;
      after = page[page.length - 1]!.id;
    }
    if (!sheet) {
      sheet = wb.addWorksheet('居民');
      sheet.addRow(heads).commit();
    }
    sheet.commit();
    await wb.commit();
  }

  return {
    async start(actor: Actor, query: ExportQuery): Promise<{ filename: string; stream: Readable }> {
      const reveal = query.reveal === true;
      if (reveal && !can(actor, 'resident.reveal')) throw new AppError('forbidden');
      await audit.recordNow(actor, {
        action: 'resident.export',
        entity: 'resident',
        changes: { revealed: reveal, filter: { ...query, q: query.q ? '***' : undefined, reason: undefined, reveal: undefined } },
        reason: reveal ? (query.reason ?? null) : null,
      });
      const out = new PassThrough({ highWaterMark: 1024 * 1024 });
      write(out, actor, query, reveal).catch((err) => {
        ctx.log.error({ err }, 'resident export failed');
        out.destroy(err as Error);
      });
      return { filename: `residents-${todayIn()}.xlsx`, stream: out };
    },
  };
}

export type ExportService = ReturnType<typeof createExportService>;
