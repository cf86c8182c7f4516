/**
 * The bench's own error: some benchmarks failed. Like the package's FluxDbError it carries a
 * code and a hint, and main prints it as one line.
 */
export class BenchmarkError extends Error {
  readonly code = 'BENCHMARK_FAILED';
  readonly hint: string;

  constructor(message: string, hint: string) {
    super(message);
    this.name = 'BenchmarkError';
    this.hint = hint;
  }

  toLine(): string {
    return `${this.message}. ${this.hint}`;
  }
}
