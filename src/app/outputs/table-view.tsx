/** A table output: built from data (React escapes every cell), scrolling sideways when wide. */
import type { TableOutput } from '../../kernel/protocol';

export function TableView({ table }: { table: TableOutput }) {
  return (
    <div className="output output-table table-scroll">
      <table>
        {table.caption && <caption>{table.caption}</caption>}
        <thead>
          <tr>
            {table.columns.map((c, i) => (
              <th key={i}>{c}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r}>
              {row.map((v, c) => (
                <td key={c} className={typeof v === 'number' ? 'num' : undefined}>
                  {v === null ? '' : typeof v === 'number' ? formatNumber(v) : v}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function formatNumber(v: number): string {
  // Six significant digits, without trailing zeros (2.00018, -0.00018, 1.5e-7).
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)));
}
