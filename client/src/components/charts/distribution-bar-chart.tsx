/** The recharts half of the distribution figure; lazily imported like the factors chart. */
import { Bar, BarChart, LabelList, Rectangle, XAxis, YAxis, type BarShapeProps } from 'recharts';
import type { DistributionBin } from './chart-types';
import { useElementWidth } from './use-element-width';

const HEIGHT = 210;

interface LabelContentProps {
  x?: number | string;
  y?: number | string;
  width?: number | string;
  index?: number;
}

const num = (value: number | string | undefined) => (typeof value === 'number' ? value : Number(value ?? 0));

/** `currentLabel` is written above the bar of the bin the decision under review falls in. */
export default function DistributionBarChart({ bins, currentLabel }: { bins: DistributionBin[]; currentLabel: string }) {
  const [ref, width] = useElementWidth<HTMLDivElement>();
  // Every bin is drawn; only as many ticks as fit are written under them.
  const every = Math.max(1, Math.ceil((bins.length * 52) / Math.max(width, 1)));
  return (
    <div ref={ref} className="chart-canvas" style={{ height: HEIGHT }}>
      {width > 0 ? (
        <BarChart width={width} height={HEIGHT} data={bins} accessibilityLayer={false} margin={{ top: 24, right: 12, bottom: 4, left: 12 }} barCategoryGap={2}>
          <XAxis dataKey="tick" interval={every - 1} tickLine={false} axisLine={{ stroke: '#6b778a' }} tick={{ fontSize: 12, fill: '#4a5668' }} />
          <YAxis hide />
          <Bar
            dataKey="count"
            isAnimationActive={false}
            minPointSize={2}
            shape={(props: BarShapeProps) => (
              <Rectangle {...props} fill={(props.payload as DistributionBin | undefined)?.current ? '#1f4e8c' : '#a9b8cc'} radius={[2, 2, 0, 0]} />
            )}
          >
            <LabelList
              dataKey="count"
              content={(props: LabelContentProps) => {
                const bin = bins[props.index ?? 0];
                if (!bin?.current) return null;
                const x = num(props.x) + num(props.width) / 2;
                const anchor = x < 60 ? 'start' : x > width - 60 ? 'end' : 'middle';
                return (
                  <text x={x} y={num(props.y) - 8} textAnchor={anchor} fontSize={12} fontWeight={600} fill="#18212f">
                    {`▼ ${currentLabel}`}
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
