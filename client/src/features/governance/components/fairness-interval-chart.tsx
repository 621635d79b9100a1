/**
 * Each group's favourable rate with its 95% interval as an error bar, on the model's output and on
 * the final outcome side by side. Groups too small to judge are drawn pale and say so under their
 * name. Lazily loaded with the dashboard.
 */
import { Bar, BarChart, CartesianGrid, Cell, ErrorBar, ReferenceLine, Text, XAxis, YAxis } from 'recharts';
import { useElementWidth } from '../../../components/charts/use-element-width';
import { AXIS, BASIS_COLOURS, TONE_COLOURS } from './chart-colours';

export interface IntervalBar {
  group: string;
  /** Under the name: "n = 40", or that the group is too small to judge. */
  note: string;
  pale: boolean;
  model: number | null;
  modelCi: readonly number[] | null;
  final: number | null;
  finalCi: readonly number[] | null;
}

const HEIGHT = 260;
const num = (value: number | string | undefined) => (typeof value === 'number' ? value : Number(value ?? 0));
/** recharts draws an error bar from [below, above] distances to the bar's value. */
const spread = (value: number | null, ci: readonly number[] | null): [number, number] =>
  value === null || !ci ? [0, 0] : [value - (ci[0] ?? value), (ci[1] ?? value) - value];

export default function FairnessIntervalChart({
  bars,
  formatTick,
  threshold,
}: {
  bars: IntervalBar[];
  formatTick: (value: number) => string;
  /** The four-fifths line: threshold × the reference group's model rate, with its label. */
  threshold: { value: number; label: string } | null;
}) {
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const data = bars.map((b) => ({
    ...b,
    modelDrawn: b.model ?? 0,
    finalDrawn: b.final ?? 0,
    modelError: spread(b.model, b.modelCi),
    finalError: spread(b.final, b.finalCi),
  }));
  return (
    <div ref={ref} className="gov-canvas" style={{ height: HEIGHT }}>
      {width > 0 ? (
        <BarChart width={width} height={HEIGHT} data={data} accessibilityLayer={false} margin={{ top: 18, right: 12, bottom: 8, left: 0 }} barGap={2}>
          <CartesianGrid vertical={false} stroke={AXIS.grid} />
          <YAxis
            type="number"
            domain={[0, 1]}
            ticks={[0, 0.25, 0.5, 0.75, 1]}
            tickFormatter={formatTick}
            width={48}
            tickLine={false}
            axisLine={{ stroke: AXIS.line }}
            tick={{ fontSize: 12, fill: AXIS.text }}
          />
          <XAxis
            dataKey="group"
            interval={0}
            height={44}
            tickLine={false}
            axisLine={{ stroke: AXIS.line }}
            tick={({ x, y, index }: { x: number | string; y: number | string; index: number }) => {
              const bar = bars[index];
              if (!bar) return <g />;
              const room = Math.max(40, width / Math.max(1, bars.length) - 8);
              return (
                <g>
                  <Text x={num(x)} y={num(y) + 10} width={room} textAnchor="middle" fill={AXIS.ink} fontSize={12.5} maxLines={1}>
                    {bar.group}
                  </Text>
                  <Text x={num(x)} y={num(y) + 27} width={room} textAnchor="middle" fill={AXIS.text} fontSize={11.5} maxLines={1}>
                    {bar.note}
                  </Text>
                </g>
              );
            }}
          />
          {threshold ? (
            <ReferenceLine
              y={threshold.value}
              stroke={TONE_COLOURS.bad}
              strokeDasharray="5 4"
              strokeWidth={1.5}
              label={{ value: threshold.label, position: 'insideTopRight', fontSize: 12, fill: TONE_COLOURS.bad, fontWeight: 600 }}
            />
          ) : null}
          <Bar dataKey="modelDrawn" isAnimationActive={false} fill={BASIS_COLOURS.model}>
            {data.map((d) => (
              <Cell key={d.group} fill={BASIS_COLOURS.model} fillOpacity={d.pale ? 0.35 : 1} />
            ))}
            <ErrorBar dataKey="modelError" width={6} strokeWidth={1.5} stroke={AXIS.ink} direction="y" />
          </Bar>
          <Bar dataKey="finalDrawn" isAnimationActive={false} fill={BASIS_COLOURS.final}>
            {data.map((d) => (
              <Cell key={d.group} fill={BASIS_COLOURS.final} fillOpacity={d.pale ? 0.35 : 1} />
            ))}
            <ErrorBar dataKey="finalError" width={6} strokeWidth={1.5} stroke={AXIS.ink} direction="y" />
          </Bar>
        </BarChart>
      ) : null}
    </div>
  );
}
