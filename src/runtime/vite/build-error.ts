/** Why a site was not built: one line per problem, each naming the notebook (and the line, when known). */
export class BuildError extends Error {
  override readonly name = "BuildError";
  constructor(readonly problems: readonly string[]) {
    super(problems.join("\n"));
  }
}

/**
 * The output folder refused before any work, for a reason in the command itself (it holds the notebooks, or
 * files not of our build): the CLI says it in one line and exits 2, as for any other mistake on its line.
 */
export class OutputRefused extends BuildError {}

/**
 * The input refused before any work: a named file that is no notebook, or a folder that holds none. The CLI
 * says it in one line and exits 2, as for any other mistake on its line.
 */
export class InputRefused extends BuildError {}
