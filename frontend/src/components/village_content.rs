//! What village admins keep, as visitors see it: the section menu of a village page, the flagship
//! product with its story, news lists, the gallery and rows of photos. Pictures carry their size and
//! load lazily, since most sit below the fold.

use shared::texts::village as t;
use shared::{Album, Flagship, FlagshipStory, Image, NewsSummary};
use yew::prelude::*;

use crate::app::Route;
use crate::components::badges::SectorTag;
use crate::components::empty_state::EmptyState;
use crate::dates;
use crate::lang_text::as_written;
use crate::links::page_path;
use crate::root::use_lang;

#[derive(Properties, PartialEq)]
pub struct SectionNavProps {
    /// Section ids and labels, in page order.
    pub sections: Vec<(&'static str, &'static str)>,
}

/// Links to the page's sections, kept under the header while scrolling (scrolls sideways on a phone).
#[component]
pub fn SectionNav(props: &SectionNavProps) -> Html {
    let lang = use_lang();
    html! {
        <nav class="section-nav" aria-label={t::sections(lang)}>
            { for props.sections.iter().map(|(id, label)| html! {
                <a class="section-nav__link" href={format!("#{id}")} key={*id}>{ *label }</a>
            }) }
        </nav>
    }
}

#[derive(Properties, PartialEq)]
pub struct PhotoRowProps {
    pub photos: Vec<Image>,
    /// What the photos show, for their descriptions.
    pub subject: AttrValue,
}

/// Photos as a row of thumbnails, each opening the large size.
#[component]
pub fn PhotoRow(props: &PhotoRowProps) -> Html {
    let lang = use_lang();
    if props.photos.is_empty() {
        return Html::default();
    }
    html! {
        <ul class="photo-row">
            { for props.photos.iter().enumerate().map(|(i, p)| html! {
                <li key={p.id}>
                    <a href={p.full.url.clone()}>
                        <img src={p.card.url.clone()} alt={t::photo_alt(lang, &props.subject, i + 1)}
                            width={p.card.width.to_string()} height={p.card.height.to_string()} loading="lazy" />
                    </a>
                </li>
            }) }
        </ul>
    }
}

#[derive(Properties, PartialEq)]
pub struct FlagshipProps {
    pub flagship: Option<Flagship>,
    #[prop_or_default]
    pub story: Option<FlagshipStory>,
    /// The page where buyers ask for it in bulk or for export.
    #[prop_or_default]
    pub inquiry: Option<AttrValue>,
}

/// The village's one flagship product, highlighted: name, sector, story, photos and who makes it.
#[component]
pub fn FlagshipSection(props: &FlagshipProps) -> Html {
    let lang = use_lang();
    html! {
        <section class="section flagship" aria-labelledby="produk-unggulan">
            <p class="flagship__eyebrow" id="produk-unggulan">{ t::flagship(lang) }</p>
            if let Some(f) = &props.flagship {
                <h2 class="flagship__name" lang={as_written(lang)}>{ &f.name }</h2>
                <SectorTag sector={f.sector} />
                if !f.description.is_empty() {
                    <p class="flagship__text" lang={as_written(lang)}>{ &f.description }</p>
                }
                if let Some(story) = &props.story {
                    if !story.story_html.trim().is_empty() {
                        <div class="prose" lang={as_written(lang)}>
                            { Html::from_html_unchecked(AttrValue::from(story.story_html.clone())) }
                        </div>
                    }
                    <PhotoRow photos={story.photos.clone()} subject={f.name.clone()} />
                    if let Some(e) = &story.enterprise {
                        <p class="flagship__maker">
                            { t::managed_by(lang) }
                            <a href={page_path(lang, &Route::Enterprise { slug: e.slug.clone() })}>{ &e.name }</a>
                            { format!(" ({})", e.kind.label_in(lang)) }
                        </p>
                    }
                }
                if let Some(link) = &props.inquiry {
                    <div class="actions">
                        <a class="button button--secondary" href={link.clone()}>{ t::ask_inquiry(lang) }</a>
                    </div>
                }
            } else {
                <p class="flagship__text">{ t::no_flagship(lang) }</p>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct NewsListProps {
    pub village: String,
    pub items: Vec<NewsSummary>,
}

/// News items, newest first: cover, kind, title linking to the item, date and summary.
#[component]
pub fn NewsList(props: &NewsListProps) -> Html {
    let lang = use_lang();
    html! {
        <ul class="news-list">
            { for props.items.iter().map(|n| html! {
                <li class="news-item" key={n.slug.clone()}>
                    if let Some(cover) = &n.cover {
                        <img class="news-item__cover" src={cover.thumb.url.clone()} alt=""
                            width={cover.thumb.width.to_string()} height={cover.thumb.height.to_string()} loading="lazy" />
                    }
                    <div class="news-item__text">
                        <p class="news-item__meta">
                            <span class="tag">{ n.kind.label_in(lang) }</span>
                            <time>{ dates::date_in(lang, n.published_at) }</time>
                        </p>
                        <h3 class="news-item__title" lang={as_written(lang)}>
                            <a href={page_path(lang, &Route::NewsArticle { slug: props.village.clone(), news: n.slug.clone() })}>
                                { &n.title }
                            </a>
                        </h3>
                        if !n.summary.is_empty() {
                            <p class="news-item__summary" lang={as_written(lang)}>{ &n.summary }</p>
                        }
                    </div>
                </li>
            }) }
        </ul>
    }
}

#[derive(Properties, PartialEq)]
pub struct GalleryProps {
    pub albums: Vec<Album>,
}

/// The gallery's albums, each a grid of captioned thumbnails that open the large size.
#[component]
pub fn GallerySection(props: &GalleryProps) -> Html {
    let lang = use_lang();
    html! {
        <section class="section" aria-labelledby="galeri">
            <h2 id="galeri">{ t::nav_gallery(lang) }</h2>
            if props.albums.is_empty() {
                <EmptyState message={t::no_photos(lang)} />
            }
            { for props.albums.iter().map(|a| html! {
                <div class="album" key={a.id}>
                    <h3 class="album__title" lang={as_written(lang)}>{ &a.title }</h3>
                    if !a.description.is_empty() {
                        <p class="muted" lang={as_written(lang)}>{ &a.description }</p>
                    }
                    <ul class="album__photos">
                        { for a.photos.iter().map(|p| html! {
                            <li key={p.id}>
                                <figure class="album__photo">
                                    <a href={p.image.full.url.clone()}>
                                        <img src={p.image.thumb.url.clone()} alt={p.caption.clone()} lang={as_written(lang)}
                                            width={p.image.thumb.width.to_string()} height={p.image.thumb.height.to_string()}
                                            loading="lazy" />
                                    </a>
                                    if !p.caption.is_empty() {
                                        <figcaption lang={as_written(lang)}>{ &p.caption }</figcaption>
                                    }
                                </figure>
                            </li>
                        }) }
                    </ul>
                </div>
            }) }
        </section>
    }
}
