import type {ApiEntry, ApiGroup, ApiItem, Member, Parameter, Signature} from "./model.ts";

/** What docs/api.md says of itself, above the reference. */
export interface Preamble {
  readonly title: string;
  readonly paragraphs: readonly string[];
}

/**
 * docs/api.md: a contents list, then per index and group each item with its signature, its parameters,
 * properties and return shape. Types that name a documented item link to it.
 */
export function renderMarkdown(preamble: Preamble, entries: readonly ApiEntry[]): string {
  const anchors = anchorsOf(entries);
  const lines: string[] = [`# ${preamble.title}`, "", ...preamble.paragraphs.flatMap((p) => [p, ""])];
  lines.push("## Contents", "");
  for (const entry of entries) {
    lines.push(`- [${entry.title}](#${slug(entry.title)})`);
    for (const group of entry.groups) {
      const items = group.items.map((item) => `[\`${item.name}\`](#${anchors.get(item.name)!})`).join(" · ");
      lines.push(`  - [${group.name}](#${slug(groupTitle(group))}): ${items}`);
    }
  }
  lines.push("");
  for (const entry of entries) {
    lines.push(`## ${entry.title}`, "", entry.intro, "");
    for (const group of entry.groups) {
      lines.push(`### ${groupTitle(group)}`, "");
      for (const item of group.items) lines.push(...renderItem(item, anchors), "");
    }
  }
  return `${lines
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trimEnd()}\n`;
}

function renderItem(item: ApiItem, anchors: Map<string, string>): string[] {
  const lines = [`#### ${heading(item)}`, ""];
  if (item.reachedFrom !== null)
    lines.push(
      `*Not exported by name: reached through [\`${item.reachedFrom}\`](#${anchors.get(item.reachedFrom)!}).*`,
      ""
    );
  if (item.doc) lines.push(item.doc, "");
  switch (item.kind) {
    case "function":
      for (const signature of item.signatures) lines.push(...renderSignature(signature, item.doc, anchors));
      break;
    case "class":
      if (item.tag !== null) lines.push(`Element: \`<${item.tag}>\``, "");
      // An element is made by its tag (or phx); a class without a constructor of its own takes no argument.
      if (!item.element && !item.constructors.length) lines.push("```ts", `new ${item.name}()`, "```", "");
      if (!item.element)
        for (const signature of item.constructors)
          lines.push(...renderSignature(signature, item.doc, anchors));
      if (item.members.length)
        lines.push(...memberTable(item.element ? "Property" : "Member", item.members, anchors));
      break;
    case "interface":
    case "type":
      if (item.text !== null)
        lines.push("```ts", `type ${item.name}${item.typeParameters} = ${item.text}`, "```", "");
      if (item.text !== null) lines.push(...seeAlso(item.text, item.name, anchors));
      if (item.members.length) lines.push(...memberTable("Property", item.members, anchors));
      break;
    case "const":
      lines.push(
        "```ts",
        `const ${item.name}: ${item.type}`,
        "```",
        "",
        ...seeAlso(item.type, item.name, anchors)
      );
  }
  lines.push(`Source: [${item.source}](../${item.source})`);
  return lines;
}

function heading(item: ApiItem): string {
  if (item.kind === "function") return `\`${item.name}()\``;
  const kind =
    item.kind === "class" && item.element ? "element" : item.kind === "const" ? "constant" : item.kind;
  return `\`${item.name}\` (${kind})`;
}

function renderSignature(signature: Signature, summary: string, anchors: Map<string, string>): string[] {
  const lines = ["```ts", signature.text, "```", ""];
  if (signature.doc && signature.doc !== summary) lines.push(signature.doc, "");
  if (signature.parameters.length) {
    lines.push("| Parameter | Type | Description |", "| --- | --- | --- |");
    for (const parameter of signature.parameters) lines.push(parameterRow(parameter, anchors));
    lines.push("");
  }
  if (signature.returns) {
    const doc = signature.returnsDoc ? `: ${signature.returnsDoc}` : ".";
    lines.push(`Returns ${code(signature.returns, anchors)}${doc}`, "");
  }
  if (signature.returnMembers.length)
    lines.push(...memberTable("Property", signature.returnMembers, anchors));
  return lines;
}

function parameterRow(parameter: Parameter, anchors: Map<string, string>): string {
  const name = `\`${parameter.name}${parameter.optional ? "?" : ""}\``;
  return `| ${name} | ${cell(code(parameter.type, anchors))} | ${cell(parameter.doc)} |`;
}

function memberTable(title: string, members: readonly Member[], anchors: Map<string, string>): string[] {
  const rows = members.map((member) => {
    const name = `${member.name}${member.optional ? "?" : ""}${member.kind === "method" ? "()" : ""}`;
    return `| \`${name}\` | ${cell(code(member.type, anchors))} | ${cell(member.doc)} |`;
  });
  return [`| ${title} | Type | Description |`, "| --- | --- | --- |", ...rows, ""];
}

// A type as inline code whose documented names link to their sections: HTML, since Markdown has no links
// inside code spans. String literal types are left alone ("cluster" is no link to cluster()).
function code(type: string, anchors: Map<string, string>): string {
  const html = type
    .split(/("(?:[^"\\]|\\.)*")/)
    .map((part, i) =>
      i % 2 === 1
        ? escapeHtml(part)
        : part.replace(/[A-Za-z_$][\w$]*|[^A-Za-z_$]+/g, (token) => {
            const anchor = /^[A-Z]/.test(token) ? anchors.get(token) : undefined;
            return anchor ? `<a href="#${anchor}">${token}</a>` : escapeHtml(token);
          })
    )
    .join("");
  return `<code>${html}</code>`;
}

// Code blocks hold no links: a line after one links the documented types it names.
function seeAlso(type: string, self: string, anchors: Map<string, string>): string[] {
  const names = [...new Set(type.replace(/"(?:[^"\\]|\\.)*"/g, "").match(/[A-Z][\w$]*/g) ?? [])];
  const links = names
    .filter((name) => name !== self && anchors.has(name))
    .map((name) => `[\`${name}\`](#${anchors.get(name)!})`);
  return links.length ? [`See ${links.join(", ")}.`, ""] : [];
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

// A table cell: pipes escaped (GitHub splits cells on them, even inside code), paragraphs kept as breaks.
function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n\n/g, "<br><br>");
}

function groupTitle(group: ApiGroup): string {
  return group.description ? `${group.name}: ${group.description}` : group.name;
}

// Each item's heading anchor. Names are unique across the indexes, or links would be ambiguous.
function anchorsOf(entries: readonly ApiEntry[]): Map<string, string> {
  const anchors = new Map<string, string>();
  for (const item of entries.flatMap((entry) => entry.groups.flatMap((group) => group.items))) {
    if (anchors.has(item.name)) throw new Error(`api-docs: ${item.name} is documented twice`);
    anchors.set(item.name, slug(heading(item)));
  }
  const slugs = [...anchors.values()];
  const clash = slugs.find((anchor, i) => slugs.indexOf(anchor) !== i);
  if (clash) throw new Error(`api-docs: two headings share the anchor #${clash}`);
  return anchors;
}

/** GitHub's heading anchor: lower case, punctuation dropped, spaces as hyphens. */
export function slug(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}
