//! `/akun/notifikasi`: the latest notifications (unread ones marked), each leading to its page and to
//! WhatsApp, with "Tandai semua sudah dibaca"; and the unread count the workspace header shows.

use std::rc::Rc;

use shared::Me;
use shared::api::notifications;
use shared::order::{Notification, Notifications, ReadNotifications};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api;
use crate::components::empty_state::EmptyState;
use crate::components::error_state::ErrorState;
use crate::components::skeleton::SkeletonList;
use crate::dates;
use crate::hooks::{Remote, page_title, use_remote, use_title};
use crate::session::{SignedIn, use_session};
use crate::workspace::Route;

/// How many notifications are unread, shared by the header and the notification page.
#[derive(Clone, PartialEq)]
pub struct Unread {
    /// `None` until asked.
    pub count: Option<i64>,
    pub set: Callback<i64>,
}

#[derive(Properties, PartialEq)]
pub struct UnreadProviderProps {
    pub children: Html,
}

/// Holds the unread count for everything inside it.
#[component]
pub fn UnreadProvider(props: &UnreadProviderProps) -> Html {
    let count = use_state(|| None::<i64>);
    let set = {
        let count = count.clone();
        Callback::from(move |n: i64| count.set(Some(n)))
    };
    html! {
        <ContextProvider<Unread> context={Unread { count: *count, set }}>
            { props.children.clone() }
        </ContextProvider<Unread>>
    }
}

/// The unread count for the signed-in person: asked once per page load (and again for another person).
#[hook]
pub fn use_unread_count() -> Option<i64> {
    let session = use_session();
    let unread = use_context::<Unread>();
    let who = session.user().map(|me| me.id);
    let set = unread.as_ref().map(|u| u.set.clone());
    use_effect_with(who, move |who| {
        if let (Some(_), Some(set)) = (who, set) {
            wasm_bindgen_futures::spawn_local(async move {
                if let Ok(answer) = api::fetch_one(notifications::Notifications {}).await {
                    set.emit(answer.unread);
                }
            });
        }
    });
    who.and(unread.and_then(|u| u.count))
}

/// The header's menu item, short enough for a 360 px header ("Notif (3)"), and its full name for screen
/// readers.
pub fn menu_label(unread: i64) -> (String, String) {
    if unread > 0 {
        (format!("Notif ({unread})"), format!("Notifikasi, {unread} belum dibaca"))
    } else {
        ("Notif".to_owned(), "Notifikasi".to_owned())
    }
}

#[component]
pub fn NotificationsPage() -> Html {
    use_title(page_title("Notifikasi"));
    html! { <SignedIn render={Callback::from(|_: Rc<Me>| html! { <NotificationList /> })} /> }
}

#[component]
fn NotificationList() -> Html {
    let loaded = use_remote((), |()| api::fetch_one(notifications::Notifications {}));
    // The list after marking, newer than the one loaded.
    let marked = use_state(|| None::<Rc<Notifications>>);
    let failure = use_state(|| None::<String>);
    let unread = use_context::<Unread>();
    let current = match (loaded.get(), &*marked) {
        (Remote::Loaded(_), Some(marked)) => Some(marked.clone()),
        (Remote::Loaded(data), None) => Some(data.clone()),
        _ => None,
    };
    {
        let (set, count) = (unread.as_ref().map(|u| u.set.clone()), current.as_ref().map(|d| d.unread));
        use_effect_with(count, move |count| {
            if let (Some(set), Some(count)) = (set, count) {
                set.emit(*count);
            }
        });
    }
    let data = match (current, loaded.get()) {
        (Some(data), _) => data,
        (None, Remote::Failed(error)) => {
            return page(html! { <ErrorState error={error.clone()} on_retry={loaded.retry()} /> }, None);
        }
        (None, _) => return page(html! { <SkeletonList count={4} /> }, None),
    };
    let mark_all = {
        let (data, marked, failure) = (data.clone(), marked.clone(), failure.clone());
        Callback::from(move |_: MouseEvent| {
            let (data, marked, failure) = (data.clone(), marked.clone(), failure.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match api::call(notifications::MarkRead {}, &ReadNotifications { ids: Vec::new() }).await {
                    Ok(()) => {
                        let items = data.items.iter().map(|n| Notification { read: true, ..n.clone() }).collect();
                        marked.set(Some(Rc::new(Notifications { unread: 0, items })));
                        failure.set(None);
                    }
                    Err(error) => failure.set(Some(error.message())),
                }
            });
        })
    };
    let body = if data.items.is_empty() {
        html! { <EmptyState message="Belum ada notifikasi. Kabar tentang pesanan Anda akan muncul di sini." /> }
    } else {
        html! {
            <>
                if data.unread > 0 {
                    <button type="button" class="button button--secondary button--block" onclick={mark_all}>
                        { "Tandai semua sudah dibaca" }
                    </button>
                }
                if let Some(message) = &*failure {
                    <p class="form-alert" role="alert">{ message.clone() }</p>
                }
                <ul class="notification-list">
                    { for data.items.iter().map(|n| html! { <Item key={n.id} notification={n.clone()} /> }) }
                </ul>
            </>
        }
    };
    page(body, Some(data.unread))
}

fn page(body: Html, unread: Option<i64>) -> Html {
    html! {
        <div class="container page page--narrow">
            <Link<Route> classes="back-link" to={Route::Account}>{ "‹ Akun saya" }</Link<Route>>
            <h1>{ "Notifikasi" }</h1>
            if let Some(unread) = unread.filter(|n| *n > 0) {
                <p class="lead">{ format!("{unread} belum dibaca.") }</p>
            }
            { body }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct ItemProps {
    notification: Notification,
}

/// One notification: opening it marks it read, then goes to its page (inside this app without reloading).
#[component]
fn Item(props: &ItemProps) -> Html {
    let n = &props.notification;
    let navigator = use_navigator();
    let open = {
        let (id, read, link) = (n.id, n.read, n.link.clone());
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            let (link, navigator) = (link.clone(), navigator.clone());
            wasm_bindgen_futures::spawn_local(async move {
                if !read {
                    // Not being marked read is no reason to keep the person from the page.
                    let _ = api::call(notifications::MarkRead {}, &ReadNotifications { ids: vec![id] }).await;
                }
                go_to(&link, navigator);
            });
        })
    };
    html! {
        <li class={classes!("notification", (!n.read).then_some("is-unread"))}>
            <a class="notification__link" href={n.link.clone()} onclick={open}>
                if !n.read {
                    <span class="notification__dot">{ "Baru" }</span>
                }
                <strong class="notification__title">{ &n.title }</strong>
                <span class="notification__body">{ &n.body }</span>
                <span class="notification__time">{ dates::date_time(n.created_at) }</span>
            </a>
            if let Some(wa) = &n.whatsapp_link {
                <a class="button button--wa notification__wa" href={wa.clone()} target="_blank" rel="noopener">
                    { "WhatsApp" }
                </a>
            }
        </li>
    }
}

/// Goes to `link`: a page of this app through the router, any other with a full page load.
fn go_to(link: &str, navigator: Option<Navigator>) {
    let (path, query) = link.split_once('?').unwrap_or((link, ""));
    match (Route::recognize(path).filter(|r| *r != Route::NotFound), navigator) {
        (Some(route), Some(navigator)) => {
            let pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes()).into_owned().collect();
            let _ = navigator.push_with_query(&route, &pairs);
        }
        _ => {
            if let Some(window) = web_sys::window() {
                let _ = window.location().set_href(link);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::menu_label;

    #[test]
    fn the_menu_counts_unread_notifications() {
        assert_eq!(menu_label(3), ("Notif (3)".to_owned(), "Notifikasi, 3 belum dibaca".to_owned()));
        assert_eq!(menu_label(0).0, "Notif");
    }
}
