/**
 * The recharts half of the factors figure. Only ever imported lazily (see ./index.tsx), so a
 * member's first load does not carry the charting library.
 *
 * Wide: the factor's name left of its bar. Narrow (a phone): the name above its bar, full width,
 * so that long Dutch and French labels are never cut. The value is written at the tip of each bar.
 */
import { Bar, BarChart, LabelList, ReferenceLine, Rectangle, Text, XAxis, YAxis, type BarShapeProps } from 'recharts';
import type { ContributionBar } from './chart-types';
import { useElementWidth } from './use-element-width';

const COLOURS = { raised: '#b45309', lowered: '#15803d', none: '#6b778a' } as const;
const TEXT = '#18212f';
const NARROW = 520;
/** Room kept beyond a bar's tip for its value ("€ +139,95"). */
const VALUE_ROOM = 84;

interface LabelContentProps {
  x?: number | string;
  y?: number | string;
  width?: number | string;
  height?: number | string;
  index?: number;
}

const num = (value: number | string | undefined) => (typeof value === 'number' ? value : Number(value ?? 0));

/** The value scale, stretched so that the longest bar still leaves VALUE_ROOM pixels for its label. */
function domainFor(bars: ContributionBar[], plotWidth: number): [number, number] {
  const max = Math.max(0, ...bars.map((b) => b.value));
  const min = Math.min(0, ...bars.map((b) => b.value));
  const sides = (max > 0 ? 1 : 0) + (min < 0 ? 1 : 0) || 1;
  const usable = Math.max(plotWidth - VALUE_ROOM * sides, plotWidth * 0.3);
  const scale = (max - min || 1) / usable;
  return [min < 0 ? min - VALUE_ROOM * scale : 0, max > 0 ? max + VALUE_ROOM * scale : VALUE_ROOM * scale];
}

export default function ContributionsBarChart({ bars }: { bars: ContributionBar[] }) {
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const narrow = width < NARROW;
  const labelWidth = narrow ? 0 : Math.round(Math.min(240, Math.max(140, width * 0.34)));
  const rowHeight = narrow ? 74 : 46;
  const height = bars.length * rowHeight + 12;
  const domain = domainFor(bars, width - labelWidth - 8);

  return (
    <div ref={ref} className="chart-canvas" style={{ height }}>
      {width > 0 ? (
        <BarChart
          width={width}
          height={height}
          data={bars}
          layout="vertical"
          accessibilityLayer={false}
          margin={{ top: 6, right: 8, bottom: 6, left: 0 }}
          barCategoryGap={10}
          barSize={narrow ? 16 : undefined}
        >
          <XAxis type="number" domain={domain} hide />
          <YAxis
            type="category"
            dataKey="label"
            width={labelWidth}
            hide={narrow}
            axisLine={false}
            tickLine={false}
            interval={0}
            tick={({ x, y, payload }: { x: number | string; y: number | string; payload: { value: unknown } }) => (
              <Text x={num(x) - 10} y={num(y)} width={labelWidth - 14} textAnchor="end" verticalAnchor="middle" fill={TEXT} fontSize={13} maxLines={2}>
                {String(payload.value)}
              </Text>
            )}
          />
          <ReferenceLine x={0} stroke="#6b778a" />
          <Bar
            dataKey="value"
            isAnimationActive={false}
            shape={(props: BarShapeProps) => (
              <Rectangle {...props} fill={COLOURS[(props.payload as ContributionBar | undefined)?.direction ?? 'none']} radius={3} />
            )}
          >
            {narrow ? (
              <LabelList
                dataKey="label"
                content={(props: LabelContentProps) => {
                  const bar = bars[props.index ?? 0];
                  return bar ? (
                    <Text x={2} y={num(props.y) - 6} width={width - 12} maxLines={2} verticalAnchor="end" fontSize={13} lineHeight={16} fill={TEXT}>
                      {bar.label}
                    </Text>
                  ) : null;
                }}
              />
            ) : null}
            <LabelList
              dataKey="valueLabel"
              content={(props: LabelContentProps) => {
                const bar = bars[props.index ?? 0];
                if (!bar) return null;
                const x = num(props.x);
                const w = num(props.width);
                const end = bar.value < 0 ? Math.min(x, x + w) : Math.max(x, x + w);
                return (
                  <text
                    x={bar.value < 0 ? end - 6 : end + 6}
                    y={num(props.y) + num(props.height) / 2}
                    dominantBaseline="central"
                    textAnchor={bar.value < 0 ? 'end' : 'start'}
                    fontSize={13}
                    fontWeight={600}
                    fill={TEXT}
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
