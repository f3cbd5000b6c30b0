//! A village's IDM by year: a small bar chart anyone reads at a glance, with the same figures in a
//! table for screen readers and for reading exact scores.

use shared::Idm;
use shared::format::decimal_in;
use shared::texts::village as t;
use yew::prelude::*;

use crate::root::use_lang;

#[derive(Properties, PartialEq)]
pub struct IdmHistoryProps {
    /// Oldest first.
    pub history: Vec<Idm>,
}

/// Chart geometry, in SVG units.
const BAR: u32 = 36;
const GAP: u32 = 14;
const HEIGHT: u32 = 120;

#[component]
pub fn IdmHistory(props: &IdmHistoryProps) -> Html {
    let lang = use_lang();
    if props.history.len() < 2 {
        return Html::default();
    }
    let width = (BAR + GAP) * u32::try_from(props.history.len()).unwrap_or(1);
    html! {
        <section class="section" aria-labelledby="idm-sejarah">
            <h2 id="idm-sejarah">{ t::idm_history(lang) }</h2>
            // Drawn at twice its units, never wider than the screen: a few bars stay bar-sized.
            <svg class="idm-chart" viewBox={format!("0 0 {width} {}", HEIGHT + 20)} role="img"
                width={(width * 2).to_string()} height={((HEIGHT + 20) * 2).to_string()}
                aria-label={t::idm_chart(lang)}>
                { for props.history.iter().enumerate().map(|(i, idm)| {
                    let x = (BAR + GAP) * u32::try_from(i).unwrap_or(0) + GAP / 2;
                    let h = ((idm.score.clamp(0.0, 1.0)) * f64::from(HEIGHT)).round() as u32;
                    html! {
                        <g key={idm.year}>
                            <rect class={classes!("idm-chart__bar", format!("idm--{}", idm.status.code()))}
                                x={x.to_string()} y={(HEIGHT - h).to_string()} width={BAR.to_string()} height={h.to_string()} />
                            <text class="idm-chart__year" x={(x + BAR / 2).to_string()} y={(HEIGHT + 15).to_string()}>
                                { idm.year }
                            </text>
                        </g>
                    }
                }) }
            </svg>
            <div class="table-wrap">
                <table class="table">
                    <thead>
                        <tr>
                            <th scope="col">{ t::year(lang) }</th>
                            <th scope="col">{ t::score(lang) }</th>
                            <th scope="col">{ t::status(lang) }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for props.history.iter().rev().map(|idm| html! {
                            <tr key={idm.year}>
                                <td>{ idm.year }</td>
                                <td>{ decimal_in(lang, idm.score, 4) }</td>
                                <td>{ idm.status.label_in(lang) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}
