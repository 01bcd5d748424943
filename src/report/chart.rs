//! Inline SVG bar charts drawn from the tables, for the exported page: no script, a `<title>`
//! and a `<desc>` that say every number in words, the number printed beside each bar (so colour
//! carries nothing on its own), and the table above remaining the source of truth.

use super::compute::Sheet;
use super::markup::escape;
use super::template::Chart;
use std::fmt::Write;

const WIDTH: usize = 640;
const LABEL: usize = 190;
const BAR_AREA: usize = 360;
const ROW: usize = 30;
const TOP: usize = 10;

/// The value of each bar.
pub fn values(chart: &Chart, sheet: &Sheet) -> Vec<i64> {
    chart
        .bars
        .iter()
        .map(|b| b.cells.iter().map(|c| sheet.whole(*c)).sum())
        .collect()
}

/// The chart as a `<figure>` holding an accessible inline SVG; `n` makes its ids unique.
pub fn figure(chart: &Chart, sheet: &Sheet, n: usize) -> String {
    let values = values(chart, sheet);
    let max = values.iter().copied().max().unwrap_or(0).max(1);
    let height = TOP * 2 + ROW * chart.bars.len();
    let words: Vec<String> = chart
        .bars
        .iter()
        .zip(&values)
        .map(|(b, v)| format!("{}{v}件", b.label))
        .collect();
    let mut out = String::new();
    open_figure(&mut out, n, height, chart.title, &words.join("，"));
    for (i, (bar, value)) in chart.bars.iter().zip(&values).enumerate() {
        let y = TOP + i * ROW;
        // u128: counts reach 10^12, beyond wasm's 32-bit usize.
        let width = (u128::from(value.max(&0).unsigned_abs()) * BAR_AREA as u128
            / u128::from(max.unsigned_abs())) as usize;
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            LABEL - 8,
            y + 19,
            escape(bar.label)
        );
        let _ = writeln!(
            out,
            "<rect x=\"{LABEL}\" y=\"{}\" width=\"{width}\" height=\"{}\"></rect>",
            y + 5,
            ROW - 10
        );
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\">{value}</text>",
            LABEL + width + 6,
            y + 19
        );
    }
    close_figure(&mut out, &format!("{}（图中数字与上表一致）", chart.title));
    out
}

/// This year's numbers against last year's, two bars per item (this year solid, last year
/// outlined), each with its number; `n` makes the ids unique.
pub fn comparison(chart: &Chart, this: (&Sheet, i32), last: (&Sheet, i32), n: usize) -> String {
    let (now, then) = (values(chart, this.0), values(chart, last.0));
    let (year, last_year) = (this.1, last.1);
    let max = now.iter().chain(&then).copied().max().unwrap_or(0).max(1);
    let pair = ROW * 2;
    let legend = 24;
    let height = TOP * 2 + legend + pair * chart.bars.len();
    let words: Vec<String> = chart
        .bars
        .iter()
        .zip(now.iter().zip(&then))
        .map(|(b, (a, p))| format!("{}：{year}年{a}件，{last_year}年{p}件", b.label))
        .collect();
    let mut out = String::new();
    open_figure(&mut out, n, height, chart.title, &words.join("；"));
    let _ = writeln!(
        out,
        "<rect x=\"{LABEL}\" y=\"{TOP}\" width=\"14\" height=\"14\"></rect><text x=\"{}\" y=\"{}\">{year}年</text>",
        LABEL + 20,
        TOP + 12
    );
    let _ = writeln!(
        out,
        "<rect class=\"nb-chart-last\" x=\"{}\" y=\"{TOP}\" width=\"14\" height=\"14\"></rect><text x=\"{}\" y=\"{}\">{last_year}年</text>",
        LABEL + 100,
        LABEL + 120,
        TOP + 12
    );
    for (i, bar) in chart.bars.iter().enumerate() {
        let y = TOP + legend + i * pair;
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            LABEL - 8,
            y + ROW + 4,
            escape(bar.label)
        );
        for (k, (value, class)) in [(now[i], ""), (then[i], " class=\"nb-chart-last\"")]
            .into_iter()
            .enumerate()
        {
            let top = y + k * (ROW - 4) + 3;
            // u128: counts reach 10^12, beyond wasm's 32-bit usize.
            let width = (u128::from(value.max(0).unsigned_abs()) * BAR_AREA as u128
                / u128::from(max.unsigned_abs())) as usize;
            let _ = writeln!(
                out,
                "<rect{class} x=\"{LABEL}\" y=\"{top}\" width=\"{width}\" height=\"{}\"></rect>",
                ROW - 10
            );
            let _ = writeln!(
                out,
                "<text x=\"{}\" y=\"{}\">{value}</text>",
                LABEL + width + 6,
                top + 15
            );
        }
    }
    close_figure(
        &mut out,
        &format!(
            "{}（{year}年与{last_year}年报告，图中数字与表格一致）",
            chart.title
        ),
    );
    out
}

/// Opens a chart's `<figure>` and its accessible `<svg>`: the title and the description that
/// states every number.
fn open_figure(out: &mut String, n: usize, height: usize, title: &str, desc: &str) {
    let _ = writeln!(out, "<figure class=\"nb-chart\">");
    let _ = writeln!(
        out,
        "<svg role=\"img\" aria-labelledby=\"nb-chart-{n}-title nb-chart-{n}-desc\" viewBox=\"0 0 {WIDTH} {height}\" width=\"{WIDTH}\" height=\"{height}\">"
    );
    let _ = writeln!(
        out,
        "<title id=\"nb-chart-{n}-title\">{}</title>",
        escape(title)
    );
    let _ = writeln!(
        out,
        "<desc id=\"nb-chart-{n}-desc\">{}</desc>",
        escape(desc)
    );
}

/// Closes what [`open_figure`] opened, with the visible caption.
fn close_figure(out: &mut String, caption: &str) {
    let _ = writeln!(out, "</svg>");
    let _ = writeln!(out, "<figcaption>{}</figcaption>", escape(caption));
    let _ = writeln!(out, "</figure>");
}
