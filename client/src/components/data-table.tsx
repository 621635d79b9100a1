import type { ReactNode } from 'react';

/**
 * A table of records: scrolls sideways inside its card on a narrow screen, names itself to screen
 * readers and heads its columns; the rows are the caller's (`<tr>` with a row header each).
 */
export function DataTable({ caption, columns, children }: { caption: string; columns: string[]; children: ReactNode }) {
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column, i) => (
              <th scope="col" key={i}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
