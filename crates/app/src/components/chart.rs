//! One chart: HTML title, unit and note around plotters' SVG, with a "show as table" view.

use graphic::charts::{BarChartSpec, bar_chart_svg, bar_value_text};
use story::{Chart, Lang, Story};
use yew::prelude::*;

use graphic::words::sources_pieces;

#[derive(Properties, PartialEq)]
pub struct ChartProps {
    pub chart: Chart,
    pub lang: Lang,
    pub ui_show_table: AttrValue,
    pub ui_item: AttrValue,
    pub ui_value: AttrValue,
    pub ui_source: AttrValue,
}

#[function_component(ChartFigure)]
pub fn chart_figure(props: &ChartProps) -> Html {
    let chart = &props.chart;
    let lang = props.lang;
    // The spec is a few strings, cheap to build; the drawing is what is worth keeping, and
    // keying it on the spec itself (not the chart id) stays right when another story with the
    // same chart ids replaces the default one.
    let spec = BarChartSpec::from_chart(chart, lang);
    let svg = use_memo(spec.clone(), bar_chart_svg);
    let title = chart.title.get(lang);
    html! {
        <figure class="chart" data-chart={chart.id.to_cow()}>
            <figcaption>
                <span class="chart-title">{ title }</span>
                <span class="chart-unit">{ chart.unit_label.get(lang) }</span>
            </figcaption>
            <div class="chart-svg" role="img" aria-label={spec.accessible_label(title)}>
                // Only plotters' own output goes in as markup: it escapes every string.
                { Html::from_html_unchecked(AttrValue::from((*svg).clone())) }
            </div>
            if let Some(note) = &chart.note {
                <p class="note">{ note.get(lang) }</p>
            }
            { super::source_html(&sources_pieces(&props.ui_source, &chart.sources, lang)) }
            <details class="table-toggle">
                <summary>{ props.ui_show_table.clone() }</summary>
                <table>
                    <caption>{ title }</caption>
                    <thead><tr><th scope="col">{ props.ui_item.clone() }</th><th scope="col">{ props.ui_value.clone() }</th></tr></thead>
                    <tbody>{ table_rows(chart, lang) }</tbody>
                </table>
            </details>
        </figure>
    }
}

/// A chart's bars as table rows: what each counts, and its value as the chart labels it.
pub(crate) fn table_rows(chart: &Chart, lang: Lang) -> Html {
    html! {
        { for chart.bars.iter().enumerate().map(|(i, bar)| html! {
            <tr><th scope="row">{ bar.label.get(lang) }</th><td>{ bar_value_text(chart, i, lang) }</td></tr>
        }) }
    }
}

/// Props for a chart from the story's UI strings.
pub fn chart_props(story: &Story, chart: &Chart, lang: Lang) -> ChartProps {
    ChartProps {
        chart: chart.clone(),
        lang,
        ui_show_table: story.ui.show_table.get(lang).to_owned().into(),
        ui_item: story.ui.table_item.get(lang).to_owned().into(),
        ui_value: story.ui.table_value.get(lang).to_owned().into(),
        ui_source: story.ui.source.get(lang).to_owned().into(),
    }
}
