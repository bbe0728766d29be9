// The tones a status word or message can take (Badge, Alert; tone.css colours
// them). The colour only repeats what the word and the icon already say.
export type Tone = "neutral" | "info" | "success" | "warning" | "danger";
