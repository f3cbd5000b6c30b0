//! The map itself, drawn as one SVG without a map library (and without inline styles, which the
//! site's Content-Security-Policy forbids): the tiles as `<image>`s placed by Web Mercator arithmetic
//! over a plain grid (a tile that fails to load is hidden, so no tile server leaves the grid), the
//! villages as coloured circles that are buttons, zoom buttons, and dragging with any pointer.

use std::rc::Rc;

use shared::MapVillage;
use shared::texts::{map as t, villages};
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::Element;
use yew::prelude::*;

use super::mercator::{View, World};
use super::palette::ColourBy;
use crate::root::use_lang;

/// Room kept between the outermost markers and the map's edge, in pixels.
const MARGIN: f64 = 28.0;
/// How far a pointer moves before a press becomes a drag (a shorter move is a tap).
const DRAG_AFTER: f64 = 5.0;
/// The grid's cell, in pixels.
const GRID: f64 = 64.0;

#[derive(Properties, PartialEq)]
pub struct TileMapProps {
    /// The villages to show; those without a location are left out.
    pub villages: Rc<Vec<MapVillage>>,
    pub colour: ColourBy,
    pub selected: Option<i64>,
    pub on_select: Callback<i64>,
    /// The tile address template, if any.
    pub tiles: Option<String>,
    pub attribution: AttrValue,
}

/// A press on the map that may become a drag.
struct Press {
    pointer: i32,
    start: (f64, f64),
    from: View,
    dragging: bool,
}

#[component]
pub fn TileMap(props: &TileMapProps) -> Html {
    let lang = use_lang();
    let frame = use_node_ref();
    let svg = use_node_ref();
    let size = use_state_eq(|| (360.0, 320.0));
    let view = use_state_eq(|| None::<View>);
    let press = use_mut_ref(|| None::<Press>);
    use_measured_size(&frame, &size);
    // The tiles start in the browser once the page is running, so each one that fails is hidden (the
    // server's page and the first render in the browser are the grid and the markers).
    let running = use_state_eq(|| false);
    {
        let running = running.clone();
        use_effect_with((), move |()| running.set(true));
    }

    let located: Vec<(&MapVillage, World)> =
        props.villages.iter().filter_map(|v| v.location().map(|(lat, lon)| (v, World::of(lat, lon)))).collect();
    // Another set of villages (a filter changed): fit them again.
    {
        let view = view.clone();
        let ids: Vec<i64> = located.iter().map(|(v, _)| v.id).collect();
        use_effect_with(ids, move |_| view.set(None));
    }
    let (width, height) = *size;
    let points: Vec<World> = located.iter().map(|(_, p)| *p).collect();
    let Some(current) = (*view).or_else(|| View::fit(&points, width, height, MARGIN)) else {
        return html! {
            <p class="map__none">{ t::nobody_placed(lang) }</p>
        };
    };

    // Zooming keeps the village tapped in the middle (else the middle stays), so it stays in sight.
    let focus = props.selected.and_then(|id| located.iter().find(|(v, _)| v.id == id)).map(|(_, p)| *p);
    let zoom = |step: i8| {
        let view = view.clone();
        let around = View { center: focus.unwrap_or(current.center), ..current };
        Callback::from(move |_: MouseEvent| view.set(Some(around.zoomed(step))))
    };
    let onpointerdown = {
        let press = press.clone();
        Callback::from(move |e: PointerEvent| {
            if e.is_primary() && e.button() == 0 {
                let start = (f64::from(e.client_x()), f64::from(e.client_y()));
                *press.borrow_mut() = Some(Press { pointer: e.pointer_id(), start, from: current, dragging: false });
            }
        })
    };
    let onpointermove = {
        let (press, view, svg) = (press.clone(), view.clone(), svg.clone());
        Callback::from(move |e: PointerEvent| {
            let mut press = press.borrow_mut();
            let Some(p) = press.as_mut().filter(|p| p.pointer == e.pointer_id()) else { return };
            let (dx, dy) = (f64::from(e.client_x()) - p.start.0, f64::from(e.client_y()) - p.start.1);
            if !p.dragging && dx.hypot(dy) >= DRAG_AFTER {
                p.dragging = true;
                // Captured only once it is a drag, so a tap still reaches the marker under it.
                if let Some(svg) = svg.cast::<Element>() {
                    let _ = svg.set_pointer_capture(p.pointer);
                }
            }
            if p.dragging {
                e.prevent_default();
                view.set(Some(View { center: p.from.center.moved(-dx, -dy, p.from.zoom), ..p.from }));
            }
        })
    };
    let release = {
        let press = press.clone();
        Callback::from(move |_: PointerEvent| *press.borrow_mut() = None)
    };

    let tiles = props.tiles.as_deref().filter(|_| *running).map(|template| {
        html! {
            { for current.tiles(width, height).into_iter().map(|t| {
                let key = format!("{}/{}/{}/{}", t.z, t.x, t.y, t.copy);
                html! {
                    <image {key} class="map__tile" href={t.url(template)} x={px(t.left)} y={px(t.top)}
                        width="256" height="256" onerror={Callback::from(hide)} />
                }
            }) }
        }
    });
    let (shift_x, shift_y) = current.screen(World { x: 0.0, y: 0.0 }, width, height);
    // The selected village last, so it is drawn above its neighbours.
    let mut order: Vec<&(&MapVillage, World)> = located.iter().collect();
    order.sort_by_key(|(v, _)| Some(v.id) == props.selected);
    let markers = order.into_iter().map(|(v, p)| {
        let (x, y) = current.screen(*p, width, height);
        let selected = Some(v.id) == props.selected;
        let select = {
            let (on_select, id) = (props.on_select.clone(), v.id);
            Callback::from(move |_: MouseEvent| on_select.emit(id))
        };
        let onkeydown = {
            let (on_select, id) = (props.on_select.clone(), v.id);
            Callback::from(move |e: KeyboardEvent| {
                if e.key() == "Enter" || e.key() == " " {
                    e.prevent_default();
                    on_select.emit(id);
                }
            })
        };
        let label = format!("{}, {}", v.name, villages::district(lang, &v.kecamatan));
        html! {
            <g key={v.id} class={classes!("map__marker", selected.then_some("is-selected"))}
                transform={format!("translate({} {})", px(x), px(y))} role="button" tabindex="0"
                aria-label={label.clone()} aria-pressed={selected.to_string()} data-slug={v.slug.clone()}
                onclick={select} {onkeydown}>
                <title>{ label }</title>
                <circle class="map__hit" r="16" />
                <circle class="map__dot" r={if selected { "10" } else { "8" }} fill={props.colour.of(v)} />
            </g>
        }
    });
    html! {
        <div class="map" ref={frame}>
            <svg ref={svg} class="map__canvas" width={px(width)} height={px(height)}
                viewBox={format!("0 0 {} {}", px(width), px(height))} role="group"
                aria-label={t::map_label(lang)}
                {onpointerdown} {onpointermove} onpointerup={release.clone()} onpointercancel={release}>
                <defs>
                    <pattern id="map-grid" width={px(GRID)} height={px(GRID)} patternUnits="userSpaceOnUse"
                        patternTransform={format!("translate({} {})", px(shift_x % GRID), px(shift_y % GRID))}>
                        <path class="map__grid-line" d={format!("M {GRID} 0 L 0 0 0 {GRID}")} />
                    </pattern>
                </defs>
                <rect class="map__ground" width="100%" height="100%" />
                <rect width="100%" height="100%" fill="url(#map-grid)" />
                { tiles.unwrap_or_default() }
                { for markers }
            </svg>
            <div class="map__zoom">
                <button type="button" class="map__zoom-button" aria-label={t::zoom_in(lang)} onclick={zoom(1)}>
                    { "+" }
                </button>
                <button type="button" class="map__zoom-button" aria-label={t::zoom_out(lang)} onclick={zoom(-1)}>
                    { "−" }
                </button>
            </div>
            if props.tiles.is_some() && !props.attribution.is_empty() {
                <p class="map__credit">{ props.attribution.clone() }</p>
            }
        </div>
    }
}

/// A pixel position as an SVG attribute, to a tenth of a pixel.
fn px(value: f64) -> String {
    format!("{:.1}", value)
}

/// Hides a tile that did not load: the grid shows through.
fn hide(e: Event) {
    if let Some(tile) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) {
        let _ = tile.set_attribute("visibility", "hidden");
    }
}

/// Keeps `size` equal to the element's size, measured after the first render and whenever the window
/// changes size (a phone turned sideways).
#[hook]
fn use_measured_size(frame: &NodeRef, size: &UseStateHandle<(f64, f64)>) {
    let (frame, size) = (frame.clone(), size.clone());
    use_effect_with((), move |()| {
        let measure = move || {
            if let Some(element) = frame.cast::<Element>() {
                let measured = (f64::from(element.client_width()), f64::from(element.client_height()));
                if measured.0 > 0.0 && measured.1 > 0.0 {
                    size.set(measured);
                }
            }
        };
        measure();
        let window = web_sys::window();
        let listener = Closure::<dyn Fn()>::new(measure);
        if let Some(window) = &window {
            let _ = window.add_event_listener_with_callback("resize", listener.as_ref().unchecked_ref());
        }
        move || {
            if let Some(window) = window {
                let _ = window.remove_event_listener_with_callback("resize", listener.as_ref().unchecked_ref());
            }
        }
    });
}
