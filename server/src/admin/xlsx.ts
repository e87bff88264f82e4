/**
 * One-sheet XLSX for the console's exports (write-excel-file: pure JS, no native build). Money
 * columns are written as numbers of yuan with two decimals (format 0.00), so a spreadsheet sums
 * them exactly as the CSV's text reads.
 */
import writeXlsxFile, { type Row } from 'write-excel-file/node'

export type XlsxCell = string | number | { yuan: number }

export async function xlsxBuffer(sheet: string, header: readonly string[], rows: readonly (readonly XlsxCell[])[]): Promise<Buffer> {
  const data: Row[] = [
    header.map((title) => ({ value: title, fontWeight: 'bold' as const })),
    ...rows.map((row) =>
      row.map((cell) =>
        typeof cell === 'object' ? { value: cell.yuan / 100, type: Number, format: '0.00' } : typeof cell === 'number' ? { value: cell, type: Number } : { value: cell, type: String },
      ),
    ),
  ]
  return writeXlsxFile(data, { sheet, columns: header.map((title) => ({ width: Math.max(10, title.length * 2 + 2) })) }).toBuffer()
}
