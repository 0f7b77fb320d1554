import {readFileSync} from "node:fs";

/** How many penguins of notebooks/data/penguins.csv weigh at least `grams`, counted without the notebook. */
export function countHeavyPenguins(grams: number): number {
  const [header, ...rows] = readFileSync("notebooks/data/penguins.csv", "utf8").trim().split("\n");
  const column = header!.split(",").indexOf("body_mass_g");
  return rows.filter((row) => {
    const mass = row.split(",")[column];
    return mass !== undefined && mass !== "" && Number(mass) >= grams;
  }).length;
}
