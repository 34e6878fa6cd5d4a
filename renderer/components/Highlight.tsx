import { Fragment } from 'react';

/**
 * Renders a search snippet whose hits are wrapped in 【】 by the services as <mark> elements.
 * The string is split, never injected as HTML.
 */
export function Highlight({ text }: { text: string }) {
  const parts: { hit: boolean; text: string }[] = [];
  let rest = text;
  while (rest) {
    const open = rest.indexOf('【');
    const close = open >= 0 ? rest.indexOf('】', open + 1) : -1;
    if (open < 0 || close < 0) {
      parts.push({ hit: false, text: rest });
      break;
    }
    if (open > 0) parts.push({ hit: false, text: rest.slice(0, open) });
    parts.push({ hit: true, text: rest.slice(open + 1, close) });
    rest = rest.slice(close + 1);
  }
  return (
    <>
      {parts.map((p, i) =>
        p.hit ? (
          <mark key={i} className="sx-hit">
            {p.text}
          </mark>
        ) : (
          <Fragment key={i}>{p.text}</Fragment>
        ),
      )}
    </>
  );
}
