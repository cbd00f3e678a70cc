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
  return Number.isInteger(v) ? String(v) : Math.abs(v) >= 1e-3 && Math.abs(v) < 1e6 ? String(Number(v.toPrecision(6))) : v.toExponential(4);
}
