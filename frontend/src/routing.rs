//! Each app's router reads the one page table (`shared::routes`): `app_routes!` declares an app's
//! `Route` enum, a variant per page with the page's parameters as fields, and implements yew-router's
//! `Routable` from the table's patterns, so no address is written twice.

/// Declares `Route` for the pages of the apps of the table that `$in_app` picks, plus a not-found
/// variant.
///
/// ```ignore
/// app_routes! { |app| app == App::Admin, not_found NotFound = "/admin/404";
///     Admin = Admin,
///     AdminSection { section: String } = AdminSection,
/// }
/// ```
/// Fields are named as the pattern's parameters and parsed with `FromStr`.
macro_rules! app_routes {
    ($in_app:expr, not_found $not_found:ident = $not_found_path:literal;
     $( $(#[$doc:meta])* $variant:ident $({ $($field:ident : $ty:ty),* $(,)? })? = $page:ident, )*) => {
        /// Every page address this app shows (from `shared::routes::PAGES`).
        #[derive(Clone, Debug, PartialEq)]
        pub enum Route {
            $( $(#[$doc])* $variant $({ $($field: $ty),* })?, )*
            $not_found,
        }

        impl Route {
            /// The page of the table this route shows (none for the not-found route).
            pub fn page(&self) -> Option<shared::routes::Page> {
                match self {
                    $( Route::$variant $({ $($field: _),* })? => Some(shared::routes::Page::$page), )*
                    Route::$not_found => None,
                }
            }

            /// The app that shows the page.
            pub fn app(&self) -> Option<shared::routes::App> {
                self.page().map(|page| page.route().app)
            }
        }

        impl yew_router::Routable for Route {
            fn from_path(path: &str, params: &std::collections::HashMap<&str, &str>) -> Option<Self> {
                let page = shared::routes::PAGES.iter().find(|r| r.pattern == path && ($in_app)(r.app))?.page;
                match page {
                    $( shared::routes::Page::$page => Some(Route::$variant $({
                        $($field: params.get(stringify!($field))?.parse().ok()?),*
                    })?), )*
                    _ => None,
                }
            }

            #[allow(clippy::expect_used, reason = "a variant's fields are the parameters of its page's pattern")]
            fn to_path(&self) -> String {
                match self {
                    $( Route::$variant $({ $($field),* })? => {
                        let params: &[&str] = &[$($(&$field.to_string()),*)?];
                        shared::routes::Page::$page.path(params).expect("the parameters of the page's pattern")
                    } )*
                    Route::$not_found => $not_found_path.to_owned(),
                }
            }

            fn routes() -> Vec<&'static str> {
                shared::routes::PAGES.iter().filter(|r| ($in_app)(r.app)).map(|r| r.pattern).chain([$not_found_path]).collect()
            }

            fn not_found_route() -> Option<Self> {
                Some(Route::$not_found)
            }

            fn recognize(pathname: &str) -> Option<Self> {
                let found = shared::routes::recognize(pathname).filter(|r| ($in_app)(r.route.app));
                let route = found.and_then(|r| {
                    let params: std::collections::HashMap<&str, &str> = r.params.iter().copied().collect();
                    Self::from_path(r.route.pattern, &params)
                });
                Some(route.unwrap_or(Route::$not_found))
            }
        }
    };
}

pub(crate) use app_routes;
