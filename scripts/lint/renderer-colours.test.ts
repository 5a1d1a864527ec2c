import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The renderer's colours come from the theme through tokens.css (core/config/theme): a colour
 * written anywhere else would not follow the theme, nor be in its contrast check. This finds
 * every literal colour in renderer/src's .svelte and .css files but tokens.css.
 */
const RENDERER = join(import.meta.dirname, '../../renderer/src');
const TOKENS = join(RENDERER, 'styles/tokens.css');

/** CSS named colours (CSS Color 4); `transparent` and `currentColor` carry no colour of their own. */
const NAMED_COLOURS = [
  'aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue',
  'blueviolet brown burlywood cadetblue chartreuse chocolate coral cornflowerblue cornsilk',
  'crimson cyan darkblue darkcyan darkgoldenrod darkgray darkgreen darkgrey darkkhaki',
  'darkmagenta darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen',
  'darkslateblue darkslategray darkslategrey darkturquoise darkviolet deeppink deepskyblue',
  'dimgray dimgrey dodgerblue firebrick floralwhite forestgreen fuchsia gainsboro',
  'ghostwhite gold goldenrod gray green greenyellow grey honeydew hotpink indianred indigo',
  'ivory khaki lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral',
  'lightcyan lightgoldenrodyellow lightgray lightgreen lightgrey lightpink lightsalmon',
  'lightseagreen lightskyblue lightslategray lightslategrey lightsteelblue lightyellow',
  'lime limegreen linen magenta maroon mediumaquamarine mediumblue mediumorchid',
  'mediumpurple mediumseagreen mediumslateblue mediumspringgreen mediumturquoise',
  'mediumvioletred midnightblue mintcream mistyrose moccasin navajowhite navy oldlace',
  'olive olivedrab orange orangered orchid palegoldenrod palegreen paleturquoise',
  'palevioletred papayawhip peachpuff peru pink plum powderblue purple rebeccapurple red',
  'rosybrown royalblue saddlebrown salmon sandybrown seagreen seashell sienna silver',
  'skyblue slateblue slategray slategrey snow springgreen steelblue tan teal thistle',
  'tomato turquoise violet wheat white whitesmoke yellow yellowgreen',
]
  .join(' ')
  .split(' ');

const LITERAL_COLOUR = new RegExp(
  [
    '#(?:[0-9a-f]{8}|[0-9a-f]{6}|[0-9a-f]{3,4})(?![\\w-])',
    '\\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\\(',
    `(?<![\\w$.-])(?:${NAMED_COLOURS.join('|')})(?![\\w-])`,
  ].join('|'),
  'gi',
);

/** Comments may name colours; blanked (line breaks kept, so line numbers stay right). */
function withoutComments(source: string): string {
  const blank = (comment: string) => comment.replace(/[^\n]/g, ' ');
  return source
    .replace(/<!--[\s\S]*?-->/g, blank)
    .replace(/\/\*[\s\S]*?\*\//g, blank)
    .replace(
      /(^|[^:'"])\/\/[^\n]*/g,
      (match, before: string) => before + blank(match.slice(before.length)),
    );
}

/** `file:line: literal` for every colour written in `source`. */
export function literalColours(file: string, source: string): string[] {
  return withoutComments(source)
    .split('\n')
    .flatMap((line, index) =>
      [...line.matchAll(LITERAL_COLOUR)].map((match) => `${file}:${index + 1}: ${match[0]}`),
    );
}

function stylable(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return stylable(path);
    return /\.(svelte|css)$/.test(entry.name) && path !== TOKENS ? [path] : [];
  });
}

describe('colours in the renderer', () => {
  it('are all tokens: no .svelte or .css file but tokens.css writes a colour', () => {
    const found = stylable(RENDERER).flatMap((path) =>
      literalColours(relative(RENDERER, path), readFileSync(path, 'utf8')),
    );
    expect(found).toEqual([]);
  });

  it('finds hex, functional and named colours, and names the file and line', () => {
    const source = [
      '<style>',
      '  .a { color: #fff; }',
      '  .b { background: rgb(0 0 0 / 0.5); border-color: hsl(0 0% 50%); }',
      '  .c { fill: White; white-space: nowrap; outline-color: currentColor; }',
      '  /* brand red, #a3161b */',
      '  .d { color: var(--color-ink); background: transparent; }',
      '</style>',
      '<rect fill="#00703c" />{#each items as item}',
    ].join('\n');
    expect(literalColours('X.svelte', source)).toEqual([
      'X.svelte:2: #fff',
      'X.svelte:3: rgb(',
      'X.svelte:3: hsl(',
      'X.svelte:4: White',
      'X.svelte:8: #00703c',
    ]);
  });
});
