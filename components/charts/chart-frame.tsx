type Props = {
  title: string;
  id: string;
  /** One sentence saying what the chart shows: read by everyone, and first by screen readers. */
  summary: string;
  /** The chart's data as a table: the text equivalent. */
  table: { caption: string; columns: string[]; rows: (string | number)[][] };
  isEmpty?: boolean;
  emptyText?: string;
  /** Tailwind height of the drawing. */
  height?: string;
  children: React.ReactNode;
};

/**
 * A chart with its text equivalents: a summary sentence and the data as a table (under
 * "Show the data"). The drawing can be focused, and the arrow keys walk its tooltips; all it
 * says is also in the sentence and the table.
 */
export function ChartFrame({ title, id, summary, table, isEmpty = false, emptyText = "Nothing to show yet.", height = "h-56", children }: Props) {
  return (
    <figure aria-labelledby={id} className="min-w-0 space-y-2">
      <figcaption id={id} className="text-sm font-semibold">{title}</figcaption>
      <p className="text-sm text-slate-600 dark:text-slate-400">{isEmpty ? emptyText : summary}</p>
      {isEmpty ? null : (
        <>
          <div className={`${height} w-full`}>{children}</div>
          <details className="text-sm">
            <summary className="cursor-pointer text-sky-800 dark:text-sky-300">Show the data</summary>
            <div className="mt-2 max-h-64 overflow-auto">
              <table className="w-full text-left text-xs">
                <caption className="sr-only">{table.caption}</caption>
                <thead>
                  <tr>{table.columns.map((column) => <th key={column} scope="col" className="py-1 pr-3 font-medium">{column}</th>)}</tr>
                </thead>
                <tbody>
                  {table.rows.map((row) => (
                    <tr key={String(row[0])}>
                      {row.map((cell, index) => (index === 0 ? <th key={index} scope="row" className="py-0.5 pr-3 font-normal">{cell}</th> : <td key={index} className="py-0.5 pr-3 tabular-nums">{cell}</td>))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </figure>
  );
}
