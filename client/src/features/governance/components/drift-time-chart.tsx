/**
 * PSI against the baseline week by week as a line, with the moderate and major thresholds as
 * dashed reference lines. Weeks too small to judge are gaps in the line. Lazily loaded with the dashboard.
 */
import { CartesianGrid, Line, LineChart, ReferenceLine, XAxis, YAxis } from 'recharts';
import { useElementWidth } from '../../../components/charts/use-element-width';
import { AXIS, TONE_COLOURS } from './chart-colours';

export interface DriftPoint {
  key: string;
  /** Short label for the axis (the week's Monday, "2 Nov"). */
  label: string;
  /** Null for a week that is not judged (too few decisions): a gap. */
  psi: number | null;
}

const HEIGHT = 240;

export default function DriftTimeChart({
  points,
  thresholds,
  formatTick,
}: {
  points: DriftPoint[];
  thresholds: { value: number; label: string; tone: 'warn' | 'bad' }[];
  formatTick: (value: number) => string;
}) {
  const [ref, width] = useElementWidth<HTMLDivElement>();
  // Room above the major threshold; beyond it, up to the next tenth above the highest PSI.
  const top = Math.max(0.3, Math.ceil(Math.max(0, ...points.map((p) => p.psi ?? 0)) * 10) / 10);
  const ticks = [0, ...thresholds.map((t) => t.value), ...(top >= 0.4 ? [top] : [])];
  const every = Math.max(1, Math.ceil((points.length * 64) / Math.max(width - 56, 1)));
  return (
    <div ref={ref} className="gov-canvas" style={{ height: HEIGHT }}>
      {width > 0 ? (
        <LineChart width={width} height={HEIGHT} data={points} accessibilityLayer={false} margin={{ top: 12, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid vertical={false} stroke={AXIS.grid} />
          <XAxis dataKey="label" interval={every - 1} tickLine={false} axisLine={{ stroke: AXIS.line }} tick={{ fontSize: 12, fill: AXIS.text }} />
          <YAxis
            type="number"
            domain={[0, top]}
            ticks={ticks}
            tickFormatter={formatTick}
            width={48}
            tickLine={false}
            axisLine={false}
            tick={{ fontSize: 12, fill: AXIS.text }}
          />
          {thresholds.map((t) => (
            <ReferenceLine
              key={t.value}
              y={t.value}
              stroke={TONE_COLOURS[t.tone]}
              strokeDasharray="6 4"
              label={{ value: t.label, position: 'insideTopRight', fontSize: 12, fill: TONE_COLOURS[t.tone] }}
            />
          ))}
          <Line
            type="linear"
            dataKey="psi"
            stroke={TONE_COLOURS.primary}
            strokeWidth={2}
            dot={{ r: 3, fill: TONE_COLOURS.primary }}
            connectNulls={false}
            isAnimationActive={false}
          />
        </LineChart>
      ) : null}
    </div>
  );
}
