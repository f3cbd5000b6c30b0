//! A village's news: the list at `/desa/{slug}/berita` (`?page=2`), and one item at
//! `/desa/{slug}/berita/{news}` with its cover, text and a WhatsApp share button.

use shared::texts::{news as t, village};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::{self, Get};
use crate::app::Route;
use crate::components::empty_state::EmptyState;
use crate::components::error_state::ErrorState;
use crate::components::pagination::{Pagination, page_number, page_query};
use crate::components::skeleton::SkeletonProfile;
use crate::components::village_content::NewsList;
use crate::dates;
use crate::hooks::{Remote, page_title, use_endpoint, use_title};
use crate::lang_text::as_written;
use crate::links::{page_path, whatsapp_share_url};
use crate::pages::not_found::NotFoundPage;
use crate::root::{use_lang, use_origin};
use shared::api::{news::Article, villages::Village};

#[derive(Properties, PartialEq)]
pub struct NewsListProps {
    pub slug: String,
}

#[component]
pub fn NewsListPage(props: &NewsListProps) -> Html {
    let location = use_location();
    let lang = use_lang();
    let page = page_number(location.as_ref().map_or("", |l| l.query_str()));
    let list = use_endpoint(api::news_page(&props.slug, page));
    let village = use_endpoint(Get::of(Village { slug: props.slug.clone() }));
    let name = match village.get() {
        Remote::Loaded(v) => v.summary.name.clone(),
        _ => String::new(),
    };
    use_title(page_title(&t::list_title(lang, &name)));
    let slug = props.slug.clone();
    let body = match list.get() {
        Remote::Loading => html! { <SkeletonProfile /> },
        Remote::Failed(error) if error.is_not_found() => return html! { <NotFoundPage /> },
        Remote::Failed(error) => html! { <ErrorState error={error.clone()} on_retry={list.retry()} /> },
        Remote::Loaded(found) if found.items.is_empty() && found.total > 0 => {
            let message = t::no_such_page(lang, page, found.page_count());
            html! {
                <EmptyState {message}>
                    <a class="button button--secondary" href={page_path(lang, &Route::VillageNews { slug: slug.clone() })}>
                        { t::latest(lang) }
                    </a>
                </EmptyState>
            }
        }
        Remote::Loaded(found) if found.items.is_empty() => {
            html! { <EmptyState message={t::none_yet(lang)} /> }
        }
        Remote::Loaded(found) => html! {
            <>
                <NewsList village={slug.clone()} items={found.items.clone()} />
                <Pagination page={found.page} page_count={found.page_count()} route={Route::VillageNews { slug: slug.clone() }}
                    query_for={Callback::from(page_query)} />
            </>
        },
    };
    html! {
        <div class="container page">
            <p class="back-link">
                <a href={page_path(lang, &Route::Village { slug: slug.clone() })}>{ village::back_to_village(lang, &name) }</a>
            </p>
            <h1>{ t::heading(lang) }</h1>
            { body }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct NewsArticleProps {
    pub slug: String,
    pub news: String,
}

#[component]
pub fn NewsArticlePage(props: &NewsArticleProps) -> Html {
    let article = use_endpoint(Get::of(Article { slug: props.slug.clone(), news: props.news.clone() }));
    let origin = use_origin();
    let lang = use_lang();
    let title = match article.get() {
        Remote::Loaded(a) => page_title(&a.summary.title),
        _ => page_title(t::item_title(lang)),
    };
    use_title(title);
    let a = match article.get() {
        Remote::Loading => return html! { <SkeletonProfile /> },
        Remote::Failed(error) if error.is_not_found() => {
            return html! { <NotFoundPage message={t::not_found(lang)} /> };
        }
        Remote::Failed(error) => {
            return html! { <div class="container page"><ErrorState error={error.clone()} on_retry={article.retry()} /></div> };
        }
        Remote::Loaded(a) => a.clone(),
    };
    let s = &a.summary;
    let path = page_path(lang, &Route::NewsArticle { slug: a.village_slug.clone(), news: s.slug.clone() });
    let share = whatsapp_share_url(&s.title, &origin.url(&path));
    let back = page_path(lang, &Route::Village { slug: a.village_slug.clone() });
    html! {
        <article class="container page article">
            <p class="back-link">
                <a href={back}>{ village::back_to_village(lang, &a.village_name) }</a>
            </p>
            <p class="news-item__meta">
                <span class="tag">{ s.kind.label_in(lang) }</span>
                <time>{ dates::date_in(lang, s.published_at) }</time>
            </p>
            <h1 class="article__title" lang={as_written(lang)}>{ &s.title }</h1>
            if !s.summary.is_empty() {
                <p class="lead" lang={as_written(lang)}>{ &s.summary }</p>
            }
            if let Some(cover) = &s.cover {
                <img class="article__cover" src={cover.full.url.clone()} alt=""
                    width={cover.full.width.to_string()} height={cover.full.height.to_string()} />
            }
            <div class="prose" lang={as_written(lang)}>
                { Html::from_html_unchecked(AttrValue::from(a.body_html.clone())) }
            </div>
            <div class="actions">
                <a class="button button--wa" href={share} target="_blank" rel="noopener noreferrer">
                    { village::share_whatsapp(lang) }
                </a>
                <Link<Route> classes="button button--secondary" to={Route::VillageNews { slug: a.village_slug.clone() }}>
                    { t::more(lang) }
                </Link<Route>>
            </div>
        </article>
    }
}
