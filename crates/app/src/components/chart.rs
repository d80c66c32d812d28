//! One chart of the outline: HTML title, unit and note around plotters' SVG, with a "show as
//! table" view; and the text version's table of the same data.

use super::source_html;
use graphic::charts::bar_chart_svg;
use graphic::outline::{ChartBlock, TableWords};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties)]
pub struct ChartProps {
    /// One chart of the outline, shared with it.
    pub chart: Rc<ChartBlock>,
    pub words: TableWords,
}

/// The same chart of the same outline: charts are built once per language, so comparing the
/// pointer says whether anything changed.
impl PartialEq for ChartProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.chart, &other.chart)
    }
}

#[function_component(ChartFigure)]
pub fn chart_figure(props: &ChartProps) -> Html {
    let chart = &props.chart;
    // The spec is a few strings, cheap to compare; the drawing is what is worth keeping, and
    // keying it on the spec itself (not the chart id) stays right when another story with the
    // same chart ids replaces the default one.
    let svg = use_memo(chart.spec.clone(), bar_chart_svg);
    html! {
        <figure class="chart" data-chart={chart.id.clone()}>
            <figcaption>
                <span class="chart-title">{ &chart.title }</span>
                <span class="chart-unit">{ &chart.unit }</span>
            </figcaption>
            <div class="chart-svg" role="img" aria-label={chart.spec.accessible_label(&chart.title)}>
                // Only plotters' own output goes in as markup: it escapes every string.
                { Html::from_html_unchecked(AttrValue::from((*svg).clone())) }
            </div>
            { for chart.derived_lines.iter().map(|line| html! { <p class="note derived">{ line }</p> }) }
            if let Some(note) = &chart.note {
                <p class="note">{ note }</p>
            }
            { source_html(&chart.source) }
            <details class="table-toggle">
                <summary>{ &props.words.show }</summary>
                <table>
                    <caption>{ &chart.title }</caption>
                    <thead><tr><th scope="col">{ &props.words.item }</th><th scope="col">{ &props.words.value }</th></tr></thead>
                    <tbody>{ table_rows(chart) }</tbody>
                </table>
            </details>
        </figure>
    }
}

/// A chart's bars as table rows: what each counts, and its value as the chart labels it.
fn table_rows(chart: &ChartBlock) -> Html {
    html! {
        { for chart.spec.rows.iter().map(|row| html! {
            <tr><th scope="row">{ &row.label }</th><td>{ &row.value_text }</td></tr>
        }) }
    }
}

/// A chart's data as a table, with its title and unit, what a worked-out bar comes from, its
/// note and its sources: the text version's chart.
pub(crate) fn data_table(chart: &ChartBlock, words: &TableWords) -> Html {
    html! {
        <table class="data-table" data-chart={chart.id.clone()}>
            <caption>{ &chart.caption }</caption>
            <thead><tr><th scope="col">{ &words.item }</th><th scope="col">{ &words.value }</th></tr></thead>
            <tbody>{ table_rows(chart) }</tbody>
            <tfoot>
                { for chart.derived_lines.iter().map(|line| html! {
                    <tr class="derived"><td colspan="2">{ line }</td></tr>
                }) }
                if let Some(note) = &chart.note {
                    <tr class="chart-note"><td colspan="2">{ note }</td></tr>
                }
                <tr><td colspan="2">{ source_html(&chart.source) }</td></tr>
            </tfoot>
        </table>
    }
}
