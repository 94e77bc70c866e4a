type Positioned = { id: string; position: number };

/**
 * Moves one row a place up or down among its siblings by renumbering them 0..n-1 in their
 * new order. Returns the row's old and new index, or null when it is already at the edge.
 */
export async function swapPositions(
  siblings: readonly Positioned[],
  id: string,
  direction: "up" | "down",
  write: (id: string, position: number) => Promise<unknown>,
): Promise<{ from: number; to: number } | null> {
  const index = siblings.findIndex((row) => row.id === id);
  const target = direction === "up" ? index - 1 : index + 1;
  if (index < 0 || target < 0 || target >= siblings.length) return null;
  const order = [...siblings];
  [order[index], order[target]] = [order[target]!, order[index]!];
  for (const [position, row] of order.entries()) {
    if (row.position !== position) await write(row.id, position);
  }
  return { from: index, to: target };
}
