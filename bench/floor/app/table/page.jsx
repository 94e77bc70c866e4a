// A 250-row table from a constant array, rendered on every request like the app's pages.
export const dynamic = "force-dynamic";

const statuses = ["To do", "In progress", "Done", "Blocked"];
const rows = Array.from({ length: 250 }, (_, index) => ({
  id: `item-${index + 1}`,
  title: `Verify the release checklist item number ${index + 1}`,
  owner: `Owner ${(index % 12) + 1}`,
  status: statuses[index % statuses.length],
  due: `2026-12-${String((index % 28) + 1).padStart(2, "0")}`,
}));

export default function Table() {
  return (
    <table>
      <thead>
        <tr><th>#</th><th>Title</th><th>Owner</th><th>Status</th><th>Due</th></tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr key={row.id}>
            <td>{index + 1}</td>
            <td>{row.title}</td>
            <td>{row.owner}</td>
            <td>{row.status}</td>
            <td>{row.due}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
