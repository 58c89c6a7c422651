// Latin letters for the scripts respondents' names come in, so that a file name says whose answers it holds.
const CYRILLIC: Record<string, string> = {
  а: "a", б: "b", в: "v", г: "g", ґ: "g", д: "d", е: "e", ё: "e", є: "ye", ж: "zh", з: "z", и: "i", і: "i", ї: "yi", й: "y",
  к: "k", л: "l", м: "m", н: "n", о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ў: "u", ф: "f", х: "kh", ц: "ts",
  ч: "ch", ш: "sh", щ: "shch", ъ: "", ы: "y", ь: "", э: "e", ю: "yu", я: "ya",
};
const GREEK: Record<string, string> = {
  α: "a", β: "v", γ: "g", δ: "d", ε: "e", ζ: "z", η: "i", θ: "th", ι: "i", κ: "k", λ: "l", μ: "m", ν: "n", ξ: "x",
  ο: "o", π: "p", ρ: "r", σ: "s", ς: "s", τ: "t", υ: "y", φ: "f", χ: "ch", ψ: "ps", ω: "o",
};
// Latin letters that Unicode does not decompose into a base letter and a mark.
const LATIN: Record<string, string> = { ø: "o", æ: "ae", œ: "oe", ß: "ss", ð: "d", þ: "th", đ: "d", ł: "l", ħ: "h", ı: "i" };

/** A file-name-safe slug of a name in any script: "Ольга" -> "olga", "Bjørn Ærø" -> "bjorn-aero"; "" when nothing is left. */
export function slugOf(name: string): string {
  // Mapped before and after taking the marks off: й is its own letter, ά is α with an accent.
  const map = (s: string) => [...s].map((c) => CYRILLIC[c] ?? GREEK[c] ?? LATIN[c] ?? c).join("");
  const latin = map(map(name.toLowerCase()).normalize("NFKD").replace(/\p{M}/gu, ""));
  return latin.replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60).replace(/-$/, "");
}
