/**
 * Styles of the page: one column on phones, controls beside the face on
 * wider screens.
 *
 * @module
 */

/** Source of `/web/style.css`. */
export const STYLE_CSS: string =
  `:root { color-scheme: light dark; font-family: system-ui, sans-serif; }
body { margin: 0; }
main { display: grid; gap: 1rem; padding: 1rem; max-width: 64rem; margin: 0 auto; }
h1 { margin: 0; font-size: 1.4rem; }
.stage { display: grid; gap: .5rem; justify-items: center; }
#face, #simple-video { width: 100%; max-width: 24rem; height: auto; aspect-ratio: auto; background: #1d2430; border-radius: .5rem; image-rendering: auto; }
#simple-audio { width: 100%; max-width: 24rem; }
form { display: grid; gap: .5rem; }
textarea, select, input, button { font: inherit; }
textarea { width: 100%; box-sizing: border-box; }
.pickers { display: grid; gap: .5rem; grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr)); }
.field { display: grid; gap: .2rem; min-width: 0; }
.field select { width: 100%; max-width: 100%; box-sizing: border-box; }
.buttons { display: flex; gap: .5rem; }
button { min-height: 2.75rem; min-width: 6rem; }
.panel dl { display: grid; grid-template-columns: auto 1fr; gap: .2rem 1rem; margin: 0; }
.panel dt { font-weight: 600; }
.panel dd { margin: 0; font-variant-numeric: tabular-nums; }
.timeline { margin: .5rem 0 0; }
#timeline { width: 100%; max-width: 36rem; height: auto; border: 1px solid rgba(128, 128, 128, .4); border-radius: .25rem; }
.timeline figcaption { font-size: .85rem; }
.timeline .audio { color: #2f7fff; } .timeline .frame { color: #1faa55; } .timeline .offset { color: #ff8c1a; }
@media (min-width: 48rem) {
  main { grid-template-columns: 24rem 1fr; }
  h1, .panel { grid-column: 1 / -1; }
  .field:has(#voice) { grid-column: span 2; }
}
`;
