/** One value per row as a horizontal bar, with its value written at the tip. Lazily loaded with the dashboard. */
import { Bar, BarChart, CartesianGrid, LabelList, Rectangle, ReferenceLine, Text, XAxis, YAxis, type BarShapeProps } from 'recharts';
import { useElementWidth } from '../../../components/charts/use-element-width';
import { AXIS, TONE_COLOURS, type Tone } from './chart-colours';

export interface HorizontalBar {
  key: string;
  /** The row's name, on the left ("renewal-tariff"). */
  label: string;
  /** A second, quieter line under the name ("version 2026.2"). */
  sublabel?: string;
  /** Null draws no bar (nothing to measure); `valueLabel` says why. */
  value: number | null;
  valueLabel: string;
  tone: Tone;
}

export interface ReferenceMark {
  value: number;
  label: string;
  tone: Tone;
}

const ROW_HEIGHT = 44;
/** On a phone the names go above their bars, so neither has to be cut short. */
const COMPACT_ROW_HEIGHT = 50;
const COMPACT_BELOW = 480;
const AXIS_HEIGHT = 28;

const num = (value: number | string | undefined) => (typeof value === 'number' ? value : Number(value ?? 0));

export default function HorizontalBarChart({
  bars,
  max,
  formatTick,
  references = [],
  ticks,
}: {
  bars: HorizontalBar[];
  /** The right end of the scale (before room is made for the labels). */
  max: number;
  formatTick: (value: number) => string;
  references?: ReferenceMark[];
  ticks?: number[];
}) {
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const compact = width > 0 && width < COMPACT_BELOW;
  const labelWidth = compact ? 0 : Math.round(Math.min(190, Math.max(110, width * 0.38)));
  const height = bars.length * (compact ? COMPACT_ROW_HEIGHT : ROW_HEIGHT) + AXIS_HEIGHT + (references.length ? 18 : 0);
  const top = references.length ? 22 : 4;
  // Room to the right of the longest bar for the value written at its tip.
  const domainMax = max * 1.28 || 1;
  const data = bars.map((bar) => ({ ...bar, drawn: bar.value ?? 0 }));
  return (
    <div ref={ref} className="gov-canvas" style={{ height }}>
      {width > 0 ? (
        <BarChart
          width={width}
          height={height}
          data={data}
          layout="vertical"
          accessibilityLayer={false}
          margin={{ top, right: 12, bottom: 0, left: compact ? 14 : 0 }}
          barCategoryGap={compact ? 0 : 10}
          {...(compact ? { barSize: 14 } : {})}
        >
          <CartesianGrid horizontal={false} stroke={AXIS.grid} />
          <XAxis
            type="number"
            domain={[0, domainMax]}
            ticks={ticks ?? [0, max / 2, max]}
            tickFormatter={formatTick}
            tickLine={false}
            axisLine={{ stroke: AXIS.line }}
            tick={{ fontSize: 12, fill: AXIS.text }}
            height={AXIS_HEIGHT}
          />
          <YAxis
            type="category"
            dataKey="key"
            width={labelWidth}
            hide={compact}
            axisLine={false}
            tickLine={false}
            interval={0}
            tick={({ x, y, index }: { x: number | string; y: number | string; index: number }) => {
              const bar = bars[index];
              if (!bar) return <g />;
              return (
                <g>
                  <Text
                    x={num(x) - 8}
                    y={num(y) - (bar.sublabel ? 8 : 0)}
                    width={labelWidth - 12}
                    textAnchor="end"
                    verticalAnchor="middle"
                    fill={AXIS.ink}
                    fontSize={12.5}
                    maxLines={1}
                  >
                    {bar.label}
                  </Text>
                  {bar.sublabel ? (
                    <Text
                      x={num(x) - 8}
                      y={num(y) + 9}
                      width={labelWidth - 12}
                      textAnchor="end"
                      verticalAnchor="middle"
                      fill={AXIS.text}
                      fontSize={12}
                      maxLines={1}
                    >
                      {bar.sublabel}
                    </Text>
                  ) : null}
                </g>
              );
            }}
          />
          {references.map((mark) => (
            <ReferenceLine
              key={mark.value}
              x={mark.value}
              stroke={TONE_COLOURS[mark.tone]}
              strokeDasharray="5 4"
              strokeWidth={1.5}
              label={{ value: mark.label, position: 'top', fontSize: 12, fill: TONE_COLOURS[mark.tone], fontWeight: 600 }}
            />
          ))}
          <Bar
            dataKey="drawn"
            isAnimationActive={false}
            shape={(props: BarShapeProps) => (
              <Rectangle {...props} fill={TONE_COLOURS[(props.payload as HorizontalBar | undefined)?.tone ?? 'primary']} radius={[0, 3, 3, 0]} />
            )}
          >
            {compact ? (
              <LabelList
                dataKey="label"
                content={(props: { x?: number | string; y?: number | string; index?: number }) => {
                  const bar = bars[props.index ?? 0];
                  if (!bar) return null;
                  return (
                    <text x={num(props.x)} y={num(props.y) - 6} fontSize={12.5} fill={AXIS.ink}>
                      {bar.label}
                      {bar.sublabel ? <tspan fill={AXIS.text}>{` · ${bar.sublabel}`}</tspan> : null}
                    </text>
                  );
                }}
              />
            ) : null}
            <LabelList
              dataKey="valueLabel"
              content={(props: { x?: number | string; y?: number | string; width?: number | string; height?: number | string; index?: number }) => {
                const bar = bars[props.index ?? 0];
                if (!bar) return null;
                return (
                  <text
                    x={num(props.x) + Math.max(0, num(props.width)) + 6}
                    y={num(props.y) + num(props.height) / 2}
                    dominantBaseline="central"
                    fontSize={13}
                    fontWeight={bar.value === null ? 400 : 600}
                    fill={bar.value === null ? AXIS.text : AXIS.ink}
                  >
                    {bar.valueLabel}
                  </text>
                );
              }}
            />
          </Bar>
        </BarChart>
      ) : null}
    </div>
  );
}
