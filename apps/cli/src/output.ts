/** Prints JSON when --json was given, otherwise the human-readable text. */
export function printResult(options: { json?: boolean }, data: unknown, text: () => string): void {
  process.stdout.write(options.json ? `${JSON.stringify(data, null, 2)}\n` : `${text()}\n`);
}
