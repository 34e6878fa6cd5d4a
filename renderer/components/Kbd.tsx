/** A keyboard shortcut hint inside tooltips, e.g. <Kbd>Ctrl+K</Kbd>. */
export function Kbd({ children }: { children: string }) {
  return <span className="sx-kbd">{children}</span>;
}
