/** Why a site was not built: one line per problem, each naming the notebook (and the line, when known). */
export class BuildError extends Error {
  override readonly name = "BuildError";
  constructor(readonly problems: readonly string[]) {
    super(problems.join("\n"));
  }
}
