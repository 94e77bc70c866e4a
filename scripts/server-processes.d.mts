export function serverProcessCount(value?: string): number | null;
export function serverProcessCountProblem(value?: string): string;
