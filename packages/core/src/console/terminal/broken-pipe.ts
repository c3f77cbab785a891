/**
 * A console's output piped into a program that stops reading early (`relaylane-net ... | head -1`)
 * makes the next write fail with EPIPE, which Node raises as an unhandled 'error' event: a stack
 * trace on the terminal. A bin calls this on its standard output so that the process ends quietly
 * then, as Unix tools do, with the exit code it already had.
 */
export function exitQuietlyOnBrokenPipe(
  output: NodeJS.WritableStream,
  exit: (code: number) => void = (code) => process.exit(code),
): void {
  output.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') {
      exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
      return;
    }
    throw error;
  });
}
