// Horizontal bars drawn as inline SVG: a report's few dozen figures need no chart library (and none would fit the
// download budget for so little). Each bar carries its number as text, so the chart reads without colour too.
export interface Bar {
  label: string;
  values: number[];
}

const BAND = 11; // one series' bar height
const LABEL = 190;
const WIDTH = 640;

export function BarChart(p: { title: string; series: string[]; bars: Bar[] }) {
  const max = Math.max(1, ...p.bars.flatMap((b) => b.values));
  const row = BAND * p.series.length + 10;
  const height = p.bars.length * row + 28;
  return (
    // Scrolls sideways on a phone rather than shrinking its text; focusable so the keyboard can scroll it too.
    <figure class="chart" tabIndex={0}>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={p.title}>
        {p.bars.map((b, i) => (
          <g transform={`translate(0 ${i * row})`}>
            <text x={LABEL - 8} y={row / 2 + 2} text-anchor="end" class="chart-label">
              {b.label.length > 13 ? `${b.label.slice(0, 12)}…` : b.label}
            </text>
            {b.values.map((v, s) => {
              const w = ((WIDTH - LABEL - 50) * v) / max;
              return (
                <>
                  <rect x={LABEL} y={3 + s * BAND} width={Math.max(w, 1)} height={BAND - 1} class={`bar s${s}`} />
                  <text x={LABEL + w + 4} y={3 + s * BAND + BAND - 2} class="chart-value">
                    {v}
                  </text>
                </>
              );
            })}
          </g>
        ))}
        {p.series.map((name, s) => (
          <g transform={`translate(${LABEL + s * 110} ${p.bars.length * row + 8})`}>
            <rect width="12" height="12" class={`bar s${s}`} />
            <text x="16" y="11" class="chart-label">
              {name}
            </text>
          </g>
        ))}
      </svg>
      <figcaption class="muted">{p.title}</figcaption>
    </figure>
  );
}
