//! A report's chart in SVG: a line over time, or horizontal bars longest first with the value at each
//! bar's end. Lengths are percentages of the card's width and text stays at its own size, so the chart
//! reads the same on a 360 px phone and a desktop. The table beside it is the accessible alternative;
//! the chart itself is one image with a sentence saying what it shows.

use shared::dashboard::{Cell, Chart, ChartKind, ColumnKind, Report};
use yew::prelude::*;

use super::dates::axis_label;
use super::scale::{self, Bar};

/// How many bars a chart draws at most (the table lists every row).
pub const MAX_BARS: usize = 12;
/// The height of one bar's row: its label above, the bar below.
const BAR_ROW: i64 = 40;
/// The longest bar's share of the width, leaving room for its value (tenths of a percent).
const BAR_ROOM: i64 = 700;
/// The line chart's height, and its plot's top and bottom edges.
const LINE_HEIGHT: i64 = 184;
const PLOT_TOP: i64 = 20;
const PLOT_BOTTOM: i64 = 152;
/// The plot's coordinates (stretched to the plot's box).
const PLOT_SCALE: i64 = 1000;

#[derive(Properties, PartialEq)]
pub struct ReportChartProps {
    pub report: std::rc::Rc<Report>,
    pub chart: Chart,
}

/// The chart of a report, or a note when there is nothing to draw.
#[component]
pub fn ReportChart(props: &ReportChartProps) -> Html {
    let (report, chart) = (&props.report, &props.chart);
    let body = match chart.kind {
        ChartKind::Line => line(report, chart),
        ChartKind::Bars => bars(report, chart),
    };
    html! {
        <figure class="chart">
            <figcaption class="chart__legend">{ scale::legend(report, chart) }</figcaption>
            { body }
        </figure>
    }
}

fn value_kind(report: &Report, chart: &Chart) -> ColumnKind {
    report.columns.get(chart.value_column).map_or(ColumnKind::Count, |c| c.kind)
}

fn line(report: &Report, chart: &Chart) -> Html {
    let kind = value_kind(report, chart);
    let values: Vec<i64> = report.rows.iter().map(|r| r.get(chart.value_column).map_or(0, Cell::number)).collect();
    let labels: Vec<String> = report
        .rows
        .iter()
        .map(|r| r.get(chart.label_column).map(|c| c.show(ColumnKind::Text)).unwrap_or_default())
        .collect();
    let top = scale::nice_top(values.iter().copied().max().unwrap_or(0));
    let points = scale::line_points(&values, top, PLOT_SCALE, PLOT_SCALE);
    let line = scale::points_attribute(&points);
    let area = match (points.first(), points.last()) {
        (Some((first, _)), Some((last, _))) if points.len() > 1 => {
            format!("{first},{PLOT_SCALE} {line} {last},{PLOT_SCALE}")
        }
        _ => String::new(),
    };
    let plot_height = PLOT_BOTTOM - PLOT_TOP;
    let grid = [(0, top), (1, top / 2), (2, 0)].map(|(step, value)| {
        let y = PLOT_TOP + plot_height * step / 2;
        html! {
            <g key={step}>
                <line class="chart__grid" x1="0" x2="100%" y1={y.to_string()} y2={y.to_string()} />
                <text class="chart__axis" x="0" y={(y - 5).to_string()}>{ scale::compact(value, kind) }</text>
            </g>
        }
    });
    // The first, middle and last labels under the line, each under its point.
    let last = labels.len().saturating_sub(1);
    let mut ticks = vec![(0, "start")];
    if last >= 2 {
        ticks.push((last / 2, "middle"));
    }
    if last >= 1 {
        ticks.push((last, "end"));
    }
    let ticks = ticks.into_iter().map(|(i, anchor)| {
        let x = if last == 0 { 0 } else { i as i64 * 1000 / last as i64 };
        html! {
            <text key={i} class="chart__axis" x={scale::percent(x)} y={(LINE_HEIGHT - 8).to_string()}
                text-anchor={anchor}>{ axis_label(&labels[i]) }</text>
        }
    });
    let single = points.len() == 1;
    html! {
        <svg class="chart__svg" width="100%" height={LINE_HEIGHT.to_string()} role="img"
            aria-label={scale::line_summary(report, chart)}>
            { for grid }
            <svg x="0" y={PLOT_TOP.to_string()} width="100%" height={plot_height.to_string()}
                viewBox={format!("0 0 {PLOT_SCALE} {PLOT_SCALE}")} preserveAspectRatio="none" overflow="visible">
                if !area.is_empty() {
                    <polygon class="chart__area" points={area} />
                    <polyline class="chart__line" points={line} vector-effect="non-scaling-stroke" />
                }
                if single {
                    <line class="chart__dot" x1={points[0].0.to_string()} x2={points[0].0.to_string()}
                        y1={points[0].1.to_string()} y2={points[0].1.to_string()} vector-effect="non-scaling-stroke" />
                }
            </svg>
            { for ticks }
        </svg>
    }
}

fn bars(report: &Report, chart: &Chart) -> Html {
    let kind = value_kind(report, chart);
    let (bars, count) = scale::bars(report, chart, MAX_BARS);
    if bars.is_empty() {
        return html! { <p class="chart__empty">{ "Belum ada angka untuk digambar pada rentang ini." }</p> };
    }
    let height = BAR_ROW * bars.len() as i64;
    let rows = bars.iter().enumerate().map(|(i, bar)| bar_row(i as i64, bar, kind));
    let shown = bars.len();
    html! {
        <>
            <svg class="chart__svg" width="100%" height={height.to_string()} role="img"
                aria-label={scale::bar_summary(report, chart, &bars, count)}>
                { for rows }
            </svg>
            if count > shown {
                <p class="chart__more">{ format!("{shown} teratas dari {count}; semuanya ada di tabel.") }</p>
            }
        </>
    }
}

fn bar_row(i: i64, bar: &Bar, kind: ColumnKind) -> Html {
    let y = i * BAR_ROW;
    let length = bar.length * BAR_ROOM / 1000;
    html! {
        <g key={i}>
            <text class="chart__label" x="0" y={(y + 14).to_string()}>{ scale::cut(&bar.label, 40) }</text>
            <rect class="chart__bar" x="0" y={(y + 20).to_string()} width={scale::percent(length.max(3))} height="14"
                rx="3" />
            <text class="chart__value" x={scale::percent(length + 15)} y={(y + 32).to_string()}>
                { scale::compact(bar.value, kind) }
            </text>
        </g>
    }
}
