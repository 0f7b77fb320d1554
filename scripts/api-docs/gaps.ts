import type {ApiEntry, ApiItem, Member, Parameter, Signature} from "./model.ts";

/** An option's doc states its default this way, and only this way, so that a reader (and this check) finds it. */
export const DEFAULT_NOTE = /\bDefault: \S/;

/**
 * What the reference lacks, one line per offender naming it and its file: an export (or a type it reaches)
 * without a doc, a parameter, property or returned property without one, an optional option (or a view
 * property that is never undefined) whose doc states no "Default: …", an optional parameter likewise.
 */
export function findGaps(entries: readonly ApiEntry[]): string[] {
  return entries.flatMap((entry) => entry.groups.flatMap((group) => group.items.flatMap(itemGaps)));
}

function itemGaps(item: ApiItem): string[] {
  const where = ` (${item.source})`;
  const gaps: string[] = [];
  if (!item.doc) gaps.push(`${item.name}: no doc${where}`);
  const signatures =
    item.kind === "function" ? item.signatures : item.kind === "class" ? item.constructors : [];
  for (const signature of signatures) gaps.push(...signatureGaps(item.name, signature, where));
  if (item.kind === "class" || item.kind === "interface" || item.kind === "type")
    for (const member of item.members) gaps.push(...memberGaps(`${item.name}.${member.name}`, member, where));
  return gaps;
}

function signatureGaps(name: string, signature: Signature, where: string): string[] {
  return [
    ...signature.parameters.flatMap((parameter) =>
      parameterGaps(`${name}(${parameter.name})`, parameter, where)
    ),
    ...signature.returnMembers.flatMap((member) =>
      memberGaps(`${name}() returns .${member.name}`, member, where)
    )
  ];
}

function parameterGaps(name: string, parameter: Parameter, where: string): string[] {
  if (!parameter.doc) return [`${name}: no @param doc${where}`];
  if (parameter.needsDefault && !DEFAULT_NOTE.test(parameter.doc))
    return [`${name}: optional, but its @param doc states no "Default: …"${where}`];
  return [];
}

function memberGaps(name: string, member: Member, where: string): string[] {
  if (!member.doc) return [`${name}: no doc${where}`];
  if (member.needsDefault && !DEFAULT_NOTE.test(member.doc))
    return [`${name}: ${member.optional ? "optional" : "a view property"}, but no "Default: …"${where}`];
  return [];
}
