/** A command line that cannot run as given; the CLI prints the message and exits with code 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}
