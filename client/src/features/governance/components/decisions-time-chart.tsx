/** recharts lives only in the governance chunks, which are loaded lazily for governance users. */
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { DecisionType } from '@shared/schemas/common';
import { useElementWidth } from '../../../components/charts/use-element-width';
import { AXIS, TYPE_COLOURS } from './chart-colours';

export interface TimeBucket {
  key: string;
  /** Short label for the axis ("27 Aug"). */
  label: string;
  /** Long label for the tooltip and the table ("27 August 2026"). */
  longLabel: string;
  counts: Partial<Record<DecisionType, number>>;
  total: number;
}

const HEIGHT = 260;

export default function DecisionsTimeChart({
  buckets,
  types,
  typeName,
}: {
  buckets: TimeBucket[];
  types: DecisionType[];
  typeName: (type: DecisionType) => string;
}) {
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const data = buckets.map((b) => ({ key: b.key, label: b.label, longLabel: b.longLabel, ...b.counts }));
  // As many axis labels as fit without overlapping (about 64 px each).
  const every = Math.max(1, Math.ceil((buckets.length * 64) / Math.max(width - 48, 1)));
  // A fifth of each slot between bars, none when they are packed (a phone, a long period).
  const slot = Math.max(width - 48, 1) / Math.max(buckets.length, 1);
  const gap = slot < 4 ? 0 : Math.min(8, Math.floor(slot * 0.2));
  return (
    <div ref={ref} className="gov-canvas" style={{ height: HEIGHT }}>
      {width > 0 ? (
        <BarChart width={width} height={HEIGHT} data={data} accessibilityLayer={false} margin={{ top: 8, right: 4, bottom: 0, left: 0 }} barCategoryGap={gap}>
          <CartesianGrid vertical={false} stroke={AXIS.grid} />
          <XAxis
            dataKey="label"
            interval={every - 1}
            tickLine={false}
            axisLine={{ stroke: AXIS.line }}
            tick={{ fontSize: 12, fill: AXIS.text }}
            minTickGap={4}
          />
          <YAxis width={44} allowDecimals={false} tickLine={false} axisLine={false} tick={{ fontSize: 12, fill: AXIS.text }} />
          <Tooltip
            cursor={{ fill: 'rgb(31 78 140 / 8%)' }}
            labelFormatter={(_label, payload) => String((payload?.[0]?.payload as { longLabel?: string } | undefined)?.longLabel ?? '')}
            formatter={(value, name) => [String(value), typeName(name as DecisionType)]}
            contentStyle={{ borderRadius: 8, borderColor: '#d6dce5', fontSize: 13 }}
          />
          {types.map((type, index) => (
            <Bar
              key={type}
              dataKey={type}
              stackId="decisions"
              fill={TYPE_COLOURS[type]}
              isAnimationActive={false}
              radius={index === types.length - 1 ? [2, 2, 0, 0] : 0}
            />
          ))}
        </BarChart>
      ) : null}
    </div>
  );
}
